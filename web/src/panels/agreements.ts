// Agreements of the signed-in party: their sharing each way and languages; accept or decline a
// proposal made to it, end an active one, propose a new one.

import { HubClient, type Party, type Schemas } from '../api';
import { clear, h } from '../dom';
import { t } from '../i18n/i18n';
import type { PartyBook } from '../parties';

export interface Agreement {
  id: string; proposer: string; counterparty: string; status: string;
  sharing: { proposer_to_counterparty: string; counterparty_to_proposer: string };
  languages: { proposer: string; counterparty: string };
}

type Sharing = NonNullable<Schemas['SharingInput']['proposer_to_counterparty']>;
const SHARING: Sharing[] = ['full', 'conflicts_only', 'none'];

export function renderAgreements(list: HTMLElement, propose: HTMLElement, agreements: Agreement[], parties: PartyBook, client: HubClient, changed: () => void): void {
  const me = parties.me?.id ?? '';
  clear(list);
  const act = (path: '/api/v1/agreements/{id}/accept' | '/api/v1/agreements/{id}/decline' | '/api/v1/agreements/{id}/end', id: string) => () =>
    void HubClient.ok(client.api.POST(path, { params: { path: { id } } })).then(changed).catch((e: unknown) => list.prepend(h('li', { class: 'error' }, String(e instanceof Error ? e.message : e))));
  for (const a of agreements) {
    const mine = a.proposer === me;
    const other = mine ? a.counterparty : a.proposer;
    const give = mine ? a.sharing.proposer_to_counterparty : a.sharing.counterparty_to_proposer;
    const get = mine ? a.sharing.counterparty_to_proposer : a.sharing.proposer_to_counterparty;
    list.append(h('li', { class: 'conflict', 'data-agreement-id': a.id, 'data-status': a.status },
      h('div', { class: 'row' }, h('span', { class: 'party', style: `color:${parties.colour(other)}` }, parties.name(other)),
        h('span', { class: 'badge' }, t(`agreement.status.${a.status as 'proposed' | 'active' | 'declined' | 'ended'}`))),
      h('div', { class: 'small' }, t('agreement.sharing', { give: t(`sharing.${give as 'full'}`), get: t(`sharing.${get as 'full'}`) })),
      h('div', { class: 'small' }, t('agreement.languages', { mine: mine ? a.languages.proposer : a.languages.counterparty, theirs: mine ? a.languages.counterparty : a.languages.proposer })),
      h('div', { class: 'actions' },
        a.status === 'proposed' && !mine ? h('button', { type: 'button', onclick: act('/api/v1/agreements/{id}/accept', a.id) }, t('agreement.accept')) : null,
        a.status === 'proposed' && !mine ? h('button', { type: 'button', onclick: act('/api/v1/agreements/{id}/decline', a.id) }, t('agreement.decline')) : null,
        a.status === 'active' ? h('button', { type: 'button', onclick: act('/api/v1/agreements/{id}/end', a.id) }, t('agreement.end')) : null)));
  }
  clear(propose);
  const others = parties.all().filter((p: Party) => p.id !== me);
  const select = (id: string, options: [string, string][], value: string) => h('select', { id }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  const sharingOptions = SHARING.map((s) => [s, t(`sharing.${s as 'full'}`)] as [string, string]);
  const langs: [string, string][] = [['en', 'English'], ['ru', 'Русский']];
  const out = h('p', { class: 'small', role: 'status' });
  const form = h('form', { class: 'compose', id: 'agreement-form' },
    h('h3', {}, t('agreement.propose')),
    h('label', { for: 'ag-counterparty' }, t('agreement.counterparty')), select('ag-counterparty', others.map((p) => [p.id, p.name]), others[0]?.id ?? ''),
    h('label', { for: 'ag-give' }, t('agreement.give')), select('ag-give', sharingOptions, 'full'),
    h('label', { for: 'ag-get' }, t('agreement.get')), select('ag-get', sharingOptions, 'full'),
    h('label', { for: 'ag-mylang' }, t('agreement.mylang')), select('ag-mylang', langs, 'en'),
    h('label', { for: 'ag-theirlang' }, t('agreement.theirlang')), select('ag-theirlang', langs, 'en'),
    h('button', { type: 'submit' }, t('agreement.send')), out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLSelectElement).value;
    void HubClient.ok(client.api.POST('/api/v1/agreements', { body: {
      counterparty: v('ag-counterparty'),
      sharing: { proposer_to_counterparty: v('ag-give') as Sharing, counterparty_to_proposer: v('ag-get') as Sharing },
      languages: { proposer: v('ag-mylang'), counterparty: v('ag-theirlang') },
    } })).then(() => { out.textContent = t('agreement.sent'); changed(); }).catch((err: unknown) => { out.textContent = err instanceof Error ? err.message : String(err); });
  });
  propose.append(form);
}
