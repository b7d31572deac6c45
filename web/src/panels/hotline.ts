// The hotline: the inbox of threads, one thread's messages (each in the reader's language beside
// the original), acknowledgement, and a form for structured messages.

import { HttpError, HubClient, type InboxEntry } from '../api';
import { clear, h } from '../dom';
import { utcDateTime } from '../format';
import { t } from '../i18n/i18n';
import type { PartyBook } from '../parties';
import { BUILT_IN_TEMPLATES, paramValue, type ParamType, type TemplateSpec } from './templates';

export function renderInbox(list: HTMLElement, entries: InboxEntry[], onOpen: (threadId: string) => void): void {
  clear(list);
  const sorted = [...entries].sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || (b.unread ?? 0) - (a.unread ?? 0));
  for (const e of sorted) {
    const overdue = typeof e.overdue === 'number' ? e.overdue > 0 : !!e.overdue;
    const title = typeof e.title === 'string' && e.title ? e.title : e.conflict_id ? t('hotline.conflict', { id: String(e.conflict_id) }) : t('hotline.thread', { id: e.thread_id });
    list.append(h('li', { class: `thread${overdue ? ' overdue' : ''}`, 'data-thread-id': e.thread_id },
      h('button', { type: 'button', class: 'thread-open', onclick: () => onOpen(e.thread_id), 'aria-label': `Open thread ${title}` },
        h('span', { class: 'mono' }, title),
        (e.unread ?? 0) > 0 ? h('span', { class: 'badge unread' }, t('hotline.unread', { n: e.unread ?? 0 })) : null,
        overdue ? h('span', { class: 'badge overdue' }, typeof e.overdue === 'number' ? t('hotline.overduecount', { n: e.overdue }) : t('hotline.overdue')) : null,
      ),
    ));
  }
}

interface Message { [k: string]: unknown }

export class ThreadView {
  private threadId: string | null = null;
  private templates: TemplateSpec[] = BUILT_IN_TEMPLATES;
  // The outcome of the last send in this thread. Kept here, not only in the form, because the form is rebuilt
  // whenever the thread reloads (the message's own event arrives right after the reply) and would lose it.
  private notice: { threadId: string; text: string; error: boolean } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly client: HubClient,
    private readonly parties: PartyBook,
    private readonly onChanged: () => void,
  ) {}

  setTemplates(templates: TemplateSpec[]): void {
    if (templates.length > 0) this.templates = templates;
  }

  get openThread(): string | null {
    return this.threadId;
  }

  close(): void {
    this.threadId = null;
    clear(this.root);
    this.root.hidden = true;
  }

  async open(threadId: string): Promise<void> {
    if (this.threadId !== threadId) this.notice = null;
    this.threadId = threadId;
    this.root.hidden = false;
    await this.reload();
  }

  async reload(): Promise<void> {
    const id = this.threadId;
    if (!id) return;
    let thread: Record<string, unknown>;
    try {
      thread = await HubClient.ok(this.client.api.GET('/api/v1/threads/{id}', { params: { path: { id } } })) as Record<string, unknown>;
    } catch (e) {
      clear(this.root);
      this.root.append(this.header(id, null), h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
      return;
    }
    if (this.threadId !== id) return;
    // Drafts only exist in tactical alert threads; a failure to list them leaves the thread usable.
    const drafts = thread.conflict_id
      ? await HubClient.ok(this.client.api.GET('/api/v1/threads/{id}/drafts', { params: { path: { id } } })).catch(() => [])
      : [];
    if (this.threadId !== id) return;
    const messages = (Array.isArray(thread.messages) ? thread.messages : []) as Message[];
    clear(this.root);
    this.root.append(
      this.header(id, thread),
      h('ol', { class: 'messages', 'aria-label': 'Messages' }, ...messages.map((m) => this.message(m))),
      messages.length === 0 ? h('p', { class: 'muted' }, t('hotline.nomessages')) : '',
      drafts.length > 0 ? h('ol', { class: 'messages drafts', 'aria-label': t('hotline.drafts') }, ...drafts.map((d) => this.draft(id, d))) : '',
      this.compose(id, lastAwaitingAnswer(messages, this.parties)),
    );
  }

  private header(id: string, thread: Record<string, unknown> | null): HTMLElement {
    const parties = Array.isArray(thread?.parties) ? (thread.parties as string[]) : [];
    const title = typeof thread?.title === 'string' && thread.title ? thread.title : thread?.conflict_id ? t('hotline.conflict', { id: String(thread.conflict_id) }) : t('hotline.thread', { id });
    return h('div', { class: 'thread-head' },
      h('h3', {}, title),
      parties.length ? h('div', { class: 'small' }, parties.map((p) => this.parties.name(p)).join(' · ')) : null,
      h('button', { type: 'button', class: 'close', onclick: () => this.close(), 'aria-label': t('hotline.close') }, t('hotline.close')),
    );
  }

  private message(m: Message): HTMLElement {
    const from = pickString(m, ['sender', 'from_party', 'sender_party', 'from', 'party', 'author']);
    const sent = pickString(m, ['sent_at', 'time', 'created_at', 'at']);
    const rendered = pickText(m.rendered ?? m.text_rendered ?? m.translation ?? m.display);
    const original = pickText(m.original ?? m.original_text ?? m.source_text);
    const template = pickString(m, ['template']);
    const id = pickString(m, ['id', 'message_id']);
    const needsAck = m.needs_ack === true;
    const acks = Array.isArray(m.acks) ? (m.acks as Record<string, unknown>[]) : [];
    const ackedBy = acks.map((a) => String(a.party ?? ''));
    const mine = this.parties.isMe(from);
    const ackedByMe = ackedBy.some((p) => this.parties.isMe(p));
    const deadline = pickString(m, ['ack_deadline']);
    const overdue = m.overdue === true;
    const freeText = template === 'FREE_TEXT' || m.untranslated === true || m.translated === false;
    const lang = (v: unknown) => (v && typeof v === 'object' && typeof (v as Record<string, unknown>).language === 'string' ? String((v as Record<string, unknown>).language) : undefined);
    return h('li', { class: `message${mine ? ' mine' : ''}${overdue ? ' overdue' : ''}`, 'data-message-id': id },
      h('div', { class: 'row small' },
        h('span', { class: 'party', style: `color:${this.parties.colour(from)}` }, this.parties.name(from)),
        h('span', { class: 'mono muted' }, utcDateTime(sent)),
        template ? h('span', { class: 'badge kind' }, template) : null,
        freeText ? h('span', { class: 'badge' }, t('hotline.untranslated')) : null,
      ),
      h('p', { class: 'rendered', lang: lang(m.rendered) }, rendered || original || pickText(m.text) || '—'),
      original && rendered && original !== rendered ? h('p', { class: 'original small muted', lang: lang(m.original) }, t('hotline.original', { text: original })) : null,
      needsAck
        ? h('div', { class: 'row small' },
          acks.length > 0
            ? h('span', { class: 'badge ok' }, t('hotline.ackedby', { parties: ackedBy.map((p) => this.parties.name(p)).join(', ') }))
            : h('span', { class: `badge ${overdue ? 'overdue' : 'due'}` }, `${overdue ? t('hotline.overdue') + ', ' : ''}${t('hotline.ackby', { at: utcDateTime(deadline) })}`),
          !mine && !ackedByMe && id ? h('button', { type: 'button', onclick: () => void this.ack(id), 'aria-label': `${t('hotline.ack')} ${id}` }, t('hotline.ack')) : null,
        )
        : null,
    );
  }

  /** A proposal the hub drafted from the alert's guidance bands, in both languages, sent with one click. */
  private draft(threadId: string, d: { id: string; template: string; rendered: { language: string; text: string }[] }): HTMLElement {
    const feedback = h('p', { class: 'small sent-notice', role: 'status', 'aria-live': 'polite' }, '');
    const send = h('button', { type: 'button', 'aria-label': `${t('hotline.senddraft')} ${d.id}` }, t('hotline.senddraft'));
    send.addEventListener('click', () => {
      send.disabled = true;
      feedback.textContent = t('hotline.sending');
      void HubClient.ok(this.client.api.POST('/api/v1/threads/{id}/drafts/{draftId}/send', { params: { path: { id: threadId, draftId: d.id } }, body: {} }))
        .then(async (r) => {
          const sent = { template: d.template, time: utcDateTime(new Date().toISOString()), at: utcDateTime(r.ack_deadline) };
          this.notice = { threadId, text: r.needs_ack ? t('hotline.sentack', sent) : t('hotline.sent', sent), error: false };
          await this.reload();
          this.onChanged();
        })
        .catch((e: unknown) => {
          send.disabled = false;
          feedback.textContent = t('hotline.notsent', { detail: e instanceof HttpError ? e.message : String(e) });
          feedback.classList.add('error');
        });
    });
    return h('li', { class: 'message draft', 'data-draft-id': d.id },
      h('div', { class: 'row small' }, h('span', { class: 'badge' }, t('hotline.draft')), h('span', { class: 'badge kind' }, d.template)),
      ...d.rendered.map((r) => h('p', { class: 'rendered', lang: r.language }, r.text)),
      h('div', { class: 'row small' }, send),
      feedback,
    );
  }

  private async ack(messageId: string): Promise<void> {
    try {
      await HubClient.ok(this.client.api.POST('/api/v1/messages/{id}/ack', { params: { path: { id: messageId } } }));
      await this.reload();
      this.onChanged();
    } catch (e) {
      this.root.append(h('p', { class: 'error', role: 'alert' }, t('hotline.ackfailed', { detail: e instanceof Error ? e.message : String(e) })));
    }
  }

  private compose(threadId: string, replyTo: string): HTMLElement {
    const select = h('select', { id: 'msg-template', name: 'template' }, ...this.templates.map((t) => h('option', { value: t.id }, t.label)));
    const params = h('div', { class: 'params' });
    const text = h('textarea', { id: 'msg-text', name: 'text', rows: 2, placeholder: t('hotline.remark.hint') });
    const notice = this.notice?.threadId === threadId ? this.notice : null;
    const feedback = h('p', { class: `small sent-notice${notice?.error ? ' error' : ''}`, role: 'status', 'aria-live': 'polite' }, notice?.text ?? '');
    const drawParams = () => {
      clear(params);
      const spec = this.templates.find((t) => t.id === select.value);
      for (const param of spec?.params ?? []) {
        const inputId = `param-${param.name}`;
        const placeholder = { time: 'YYYY-MM-DDTHH:MM:SSZ', position: 'lat, lon or MGRS', duration: '900 or PT15M' }[param.type as string] ?? '';
        params.append(
          h('label', { for: inputId }, param.label, param.required ? ' *' : ''),
          h('input', {
            id: inputId, name: param.name, 'data-type': param.type, required: param.required, placeholder,
            type: param.type === 'integer' || param.type === 'number' ? 'number' : 'text',
            step: param.type === 'number' ? 'any' : null,
            value: param.name === 'reply_to' ? replyTo : null,
          }),
        );
      }
    };
    select.addEventListener('change', drawParams);
    drawParams();
    const form = h('form', { class: 'compose', 'aria-label': 'Send a hotline message' },
      h('label', { for: 'msg-template' }, t('hotline.message')), select, params,
      h('label', { for: 'msg-text' }, t('hotline.remark')), text,
      h('button', { type: 'submit' }, t('hotline.send')), feedback);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const values: Record<string, unknown> = {};
      for (const input of params.querySelectorAll('input')) {
        const value = paramValue((input.dataset.type ?? 'string') as ParamType, input.value);
        if (value !== undefined) values[input.name] = value;
      }
      const body = { template: select.value, params: values, text: text.value.trim() || null };
      feedback.textContent = t('hotline.sending');
      feedback.classList.remove('error');
      const template = select.value;
      void HubClient.ok(this.client.api.POST('/api/v1/threads/{id}/messages', { params: { path: { id: threadId } }, body }))
        .then(async (r) => {
          const sent = { template, time: utcDateTime(new Date().toISOString()), at: utcDateTime(r.ack_deadline) };
          this.notice = { threadId, text: r.needs_ack ? t('hotline.sentack', sent) : t('hotline.sent', sent), error: false };
          await this.reload();
          this.onChanged();
        })
        .catch((e: unknown) => {
          this.notice = { threadId, text: t('hotline.notsent', { detail: e instanceof HttpError ? e.message : String(e) }), error: true };
          feedback.textContent = this.notice.text;
          feedback.classList.add('error');
        });
    });
    return form;
  }
}

/** Id of the newest message from another party that asks for an answer: the default `reply_to`. */
function lastAwaitingAnswer(messages: Message[], parties: PartyBook): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.needs_ack === true && !parties.isMe(pickString(m, ['sender', 'from_party', 'sender_party', 'from', 'party', 'author']))) {
      return pickString(m, ['id', 'message_id']);
    }
  }
  return '';
}

function pickString(m: Record<string, unknown>, keys: string[]): string {
  for (const k of keys) {
    const v = m[k];
    if (typeof v === 'string' && v) return v;
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).id === 'string') return (v as Record<string, string>).id;
  }
  return '';
}

function pickText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.text === 'string') return o.text;
    const first = Object.values(o).find((x) => typeof x === 'string');
    if (typeof first === 'string') return first;
  }
  return '';
}
