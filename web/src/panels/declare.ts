// Declaring an intent from the console: the shape drawn on the map, its band, window and priority;
// the hub's strategic check before submitting (blocking conflicts and the conflict-free alternatives it offers,
// one click declares one); submit; and upload of a GeoJSON or KML intent file.

import { HttpError, HubClient, intentBody, type IntentCheck, type IntentWritten, type Schemas } from '../api';
import { byId, clear, h } from '../dom';
import type { DraftShape } from '../draw';
import { altBand, utcDateTime } from '../format';
import { t } from '../i18n/i18n';
import type { PartyBook } from '../parties';

// The check's reply as the hub's document describes it (the other intent and party are null when not shared).
type CheckConflict = Schemas['IntentCheckConflict'];
type Alternative = Schemas['IntentAlternativeView'];
type CheckReply = IntentCheck;

/** The size of an alternative's move in the unit its label names: minutes, feet or kilometres. */
const Alternatives = {
  amount: (a: Alternative): string =>
    a.change === 'time' ? String(Math.abs(a.shift_s) / 60) : a.change === 'band' ? String(Math.abs(a.shift_ft)) : (a.shift_m / 1000).toFixed(1),
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class DeclarePanel {
  private shape: DraftShape | null = null;
  private readonly form: HTMLFormElement;
  private readonly result: HTMLElement;
  private counter = 1;

  constructor(
    private readonly root: HTMLElement,
    private readonly client: HubClient,
    private readonly parties: PartyBook,
    private readonly useTool: (tool: 'polygon' | 'circle' | 'corridor') => void,
    private readonly onShapeEdited: (shape: DraftShape | null) => void,
    private readonly onDeclared: () => void,
  ) {
    this.form = h('form', { id: 'declare-form', class: 'compose' });
    this.result = h('div', { id: 'declare-result', role: 'status', 'aria-live': 'polite' });
    this.render();
  }

  /** Re-renders in the current language, keeping the values typed so far. */
  render(): void {
    const values = new Map([...this.form.querySelectorAll<HTMLInputElement>('input')].map((i) => [i.id, i.value]));
    const now = Date.now();
    const field = (id: string, label: string, value: string, attrs: Record<string, string | number> = {}) => [
      h('label', { for: id }, label), h('input', { id, name: id, value: values.get(id) ?? value, ...attrs }),
    ];
    clear(this.form);
    this.form.append(
      h('p', { class: 'small muted' }, t('declare.intro')),
      h('div', { class: 'row' },
        ...(['polygon', 'circle', 'corridor'] as const).map((s) => h('button', { type: 'button', 'data-draw': s, onclick: () => this.useTool(s) }, t(`tools.${s}`)))),
      h('p', { id: 'declare-shape', class: 'mono small' }, this.describeShape()),
      ...field('declare-id', t('declare.id'), `${this.parties.me?.id ?? 'intent'}-${Date.now().toString(36).slice(-4)}${this.counter}`, { required: 'required', autocomplete: 'off' }),
      ...field('declare-lower', t('declare.lower'), '10000', { type: 'number', min: 0, step: 100 }),
      ...field('declare-upper', t('declare.upper'), '20000', { type: 'number', min: 0, step: 100 }),
      ...field('declare-start', t('declare.start'), iso(Math.floor(now / 60_000) * 60_000), { placeholder: 'YYYY-MM-DDTHH:MM:SSZ' }),
      ...field('declare-end', t('declare.end'), iso(Math.floor(now / 60_000) * 60_000 + 2 * 3600_000), { placeholder: 'YYYY-MM-DDTHH:MM:SSZ' }),
      ...field('declare-priority', t('declare.priority'), '0', { type: 'number', step: 1 }),
      ...field('declare-width', t('declare.halfwidth'), '10', { type: 'number', min: 0.1, step: 0.1 }),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'declare-check', onclick: () => void this.check() }, t('declare.check')),
        h('button', { type: 'submit', id: 'declare-submit' }, t('declare.submit')),
        h('button', { type: 'button', onclick: () => this.reset() }, t('declare.clear'))),
      this.result,
      h('label', { for: 'declare-upload' }, t('declare.upload')),
      h('input', { id: 'declare-upload', type: 'file', accept: '.geojson,.json,.kml,application/geo+json,application/json,application/vnd.google-earth.kml+xml', onchange: (e: Event) => void this.upload(e.target as HTMLInputElement) }),
      h('p', { id: 'declare-upload-result', class: 'small', role: 'status', 'aria-live': 'polite' }),
    );
    this.form.onsubmit = (e) => { e.preventDefault(); void this.submit(); };
    if (!this.root.contains(this.form)) this.root.append(this.form);
    byId<HTMLInputElement>('declare-width').addEventListener('change', () => {
      if (this.shape?.type === 'corridor') this.setShape({ ...this.shape, halfWidthM: this.halfWidthM() }, true);
    });
  }

  halfWidthM(): number {
    return Math.max(100, Number(byId<HTMLInputElement>('declare-width').value) * 1000 || 10_000);
  }

  setShape(shape: DraftShape | null, edited = false): void {
    this.shape = shape;
    byId('declare-shape').textContent = this.describeShape();
    if (edited) this.onShapeEdited(shape);
  }

  private describeShape(): string {
    const s = this.shape;
    if (!s) return t('declare.noshape');
    if (s.type === 'polygon') return t('declare.shape.polygon', { n: s.ring.length });
    if (s.type === 'circle') return t('declare.shape.circle', { km: (s.radiusM / 1000).toFixed(1) });
    return t('declare.shape.corridor', { n: s.path.length, km: (s.halfWidthM / 1000).toFixed(1) });
  }

  private value(id: string): string {
    return byId<HTMLInputElement>(id).value.trim();
  }

  private body(): string | null {
    const s = this.shape;
    if (!s) {
      this.show('error', t('declare.noshape'));
      return null;
    }
    const properties: Record<string, unknown> = {
      alt_lower_ft: Number(this.value('declare-lower')), alt_upper_ft: Number(this.value('declare-upper')),
      time_start: this.value('declare-start'), time_end: this.value('declare-end'),
    };
    let geometry: unknown;
    if (s.type === 'polygon') geometry = { type: 'Polygon', coordinates: [[...s.ring, s.ring[0]]] };
    else if (s.type === 'circle') { geometry = { type: 'Point', coordinates: s.centre }; properties.radius_m = s.radiusM; }
    else { geometry = { type: 'LineString', coordinates: s.path }; properties.half_width_m = s.halfWidthM; }
    return JSON.stringify({ type: 'FeatureCollection', priority: Number(this.value('declare-priority')) || 0, features: [{ type: 'Feature', geometry, properties }] });
  }

  private async check(): Promise<CheckReply | null> {
    const body = this.body();
    if (!body) return null;
    try {
      const reply: CheckReply = await HubClient.ok(this.client.api.POST('/api/v1/intents/{id}/check', { params: { path: { id: this.value('declare-id') } }, ...intentBody(body) }));
      this.showCheck(reply, null);
      return reply;
    } catch (e) {
      this.show('error', e instanceof Error ? e.message : String(e));
      return null;
    }
  }

  private async submit(): Promise<void> {
    const body = this.body();
    if (!body) return;
    const id = this.value('declare-id');
    try {
      const written = await HubClient.ok(this.client.api.PUT('/api/v1/intents/{id}', { params: { path: { id } }, ...intentBody(body) }));
      this.accepted(id, written);
    } catch (e) {
      this.refusedOrError(id, e);
    }
  }

  private accepted(id: string, written: IntentWritten): void {
    this.show('ok', t('declare.accepted', { id, version: written.version, n: written.conflicts?.length ?? 0 }));
    this.root.dataset.outcome = 'accepted';
    this.counter++;
    this.onDeclared();
  }

  /**
   * A 409 shows what its problem carries (the blocking conflicts, named as far as their owners share, and the
   * alternatives), so no second answer is asked of the hub: each answer about hidden intents counts against the budget.
   */
  private refusedOrError(id: string, e: unknown): void {
    if (e instanceof HttpError && e.status === 409 && e.problem && typeof e.problem === 'object' && 'alternatives' in e.problem) {
      this.root.dataset.outcome = 'refused';
      const p = e.problem as { conflicts?: { intent_id?: string | null; party?: string | null }[]; alternatives?: Alternative[] };
      const conflicts: CheckConflict[] = (p.conflicts ?? []).map((c) => ({
        intent_id: c.intent_id ?? null, party: c.party ?? null, blocking: true, overlap_start: null, overlap_end: null, overlap_lower_ft: null, overlap_upper_ft: null,
      }));
      this.showCheck({ id, party: this.parties.me?.id ?? '', blocked: true, conflicts, alternatives: p.alternatives ?? [] }, t('declare.refused', { id }));
    } else {
      this.root.dataset.outcome = 'error';
      this.show('error', e instanceof Error ? e.message : String(e));
    }
  }

  private showCheck(reply: CheckReply, heading: string | null): void {
    clear(this.result);
    this.result.dataset.blocked = String(reply.blocked);
    const conflict = (c: CheckConflict) => h('li', { class: c.blocking ? 'hot' : '', 'data-blocking': String(c.blocking) },
      h('span', { class: 'mono' }, c.intent_id), ' ', h('span', { class: 'party', style: `color:${this.parties.colour(c.party)}` }, this.parties.name(c.party)),
      ' ', h('span', { class: `badge ${c.blocking ? 'level-blocking' : ''}` }, c.blocking ? t('declare.blocking') : t('declare.nonblocking')),
      c.overlap_lower_ft != null && c.overlap_upper_ft != null
        ? h('span', { class: 'mono small block' }, `${altBand(c.overlap_lower_ft, c.overlap_upper_ft)} · ${utcDateTime(c.overlap_start)}–${utcDateTime(c.overlap_end)}`) : null);
    this.result.append(
      h('p', { class: reply.blocked ? 'error' : 'ok' }, heading ?? (reply.blocked ? t('declare.wouldblock') : t('declare.wouldpass', { n: reply.conflicts.length }))),
      reply.conflicts.length ? h('ul', { class: 'list small' }, ...reply.conflicts.map(conflict)) : '',
      reply.alternatives.length ? h('p', { class: 'small' }, t('declare.alternatives')) : '',
      ...reply.alternatives.map((a) => h('button', { type: 'button', class: 'alt', 'data-alternative': a.id, 'data-change': a.change, onclick: () => void this.take(reply.id, a) },
        `${t(`declare.alt.${a.id as 'delay' | 'advance' | 'above' | 'below' | 'left' | 'right'}`, { n: Alternatives.amount(a) })}: ${altBand(a.alt_lower_ft, a.alt_upper_ft)} · ${utcDateTime(a.time_start)}–${utcDateTime(a.time_end)}`)),
    );
  }

  /** Declares the offered alternative in one request (the hub checks it again as it stores it); the form shows what was declared. */
  private async take(id: string, a: Alternative): Promise<void> {
    try {
      const written = await HubClient.ok(this.client.api.POST('/api/v1/intents/{id}/alternatives/accept', { params: { path: { id } }, body: { alternative: a.id } }));
      byId<HTMLInputElement>('declare-lower').value = String(a.alt_lower_ft);
      byId<HTMLInputElement>('declare-upper').value = String(a.alt_upper_ft);
      byId<HTMLInputElement>('declare-start').value = a.time_start.replace(/\.\d+Z$/, 'Z');
      byId<HTMLInputElement>('declare-end').value = a.time_end.replace(/\.\d+Z$/, 'Z');
      if (a.change === 'lateral') this.setShape(null, true);
      this.accepted(id, written);
    } catch (e) {
      this.refusedOrError(id, e);
    }
  }

  private reset(): void {
    this.setShape(null, true);
    clear(this.result);
  }

  private show(kind: 'ok' | 'error', text: string): void {
    clear(this.result);
    this.result.append(h('p', { class: kind }, text));
  }

  /**
   * A GeoJSON or KML intent file: its id from the file (top-level id or the first feature's intent_id; in KML the
   * first Placemark's ExtendedData intent_id, else its name), else the file name. The hub checks either the same way.
   */
  private async upload(input: HTMLInputElement): Promise<void> {
    const out = byId('declare-upload-result');
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const kml = /\.kml$/i.test(file.name);
    let id = file.name.replace(/\.(geo)?json$|\.kml$/i, '');
    if (kml) {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const placemark = doc.getElementsByTagName('Placemark')[0];
      const data = placemark ? [...placemark.getElementsByTagName('Data')].find((d) => d.getAttribute('name') === 'intent_id') : undefined;
      const named = data?.textContent?.trim() || placemark?.getElementsByTagName('name')[0]?.textContent?.trim();
      if (named) id = named;
    } else {
      try {
        const doc = JSON.parse(text) as { id?: unknown; features?: { properties?: { intent_id?: unknown } }[] };
        const named = doc.id ?? doc.features?.[0]?.properties?.intent_id;
        if (typeof named === 'string' && named) id = named;
      } catch {
        out.textContent = t('declare.upload.bad', { file: file.name });
        return;
      }
    }
    const path = { id };
    try {
      let etag: string | undefined;
      try { etag = (await HubClient.response(this.client.api.GET('/api/v1/intents/{id}', { params: { path } }))).response.headers.get('ETag') ?? undefined; } catch { etag = undefined; }
      const contentType = kml ? 'application/vnd.google-earth.kml+xml' : 'application/json';
      const { body, bodySerializer } = intentBody(text, contentType);
      const headers: Record<string, string> = etag ? { 'If-Match': etag, 'Content-Type': contentType } : { 'Content-Type': contentType };
      const written = await HubClient.ok(this.client.api.PUT('/api/v1/intents/{id}', { params: { path }, headers, body, bodySerializer }));
      out.textContent = t('declare.accepted', { id, version: written.version, n: 0 });
      this.onDeclared();
    } catch (e) {
      out.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      input.value = '';
    }
  }
}
