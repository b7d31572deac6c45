// Reporting a strike: under which of the party's intents, where (a map click, lat/lon or MGRS),
// when and with what effects radius; the hub's assessment (declared zones, protected objects hit).

import { HubClient, type Schemas } from '../api';
import { byId, clear, h } from '../dom';
import { t } from '../i18n/i18n';
import { toMgrs } from '../coords';
import type { LonLat } from '../geodesy';

export class StrikePanel {
  constructor(private readonly root: HTMLElement, private readonly client: HubClient, private readonly ownIntents: () => string[],
    private readonly pick: () => void, private readonly onReported: () => void) {
    this.render();
  }

  render(): void {
    const keep = (id: string, fallback: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? fallback;
    const position = keep('strike-position', ''), time = keep('strike-time', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')), radius = keep('strike-radius', '0');
    clear(this.root);
    const form = h('form', { id: 'strike-form', class: 'compose' },
      h('label', { for: 'strike-intent' }, t('strike.intent')),
      h('select', { id: 'strike-intent' }, ...this.ownIntents().map((id) => h('option', { value: id }, id))),
      h('label', { for: 'strike-position' }, t('strike.position')),
      h('div', { class: 'row' }, h('input', { id: 'strike-position', value: position, placeholder: t('strike.position.hint'), required: 'required' }),
        h('button', { type: 'button', onclick: () => this.pick() }, t('strike.pick'))),
      h('label', { for: 'strike-time' }, t('strike.time')), h('input', { id: 'strike-time', value: time }),
      h('label', { for: 'strike-radius' }, t('strike.radius')), h('input', { id: 'strike-radius', type: 'number', min: 0, max: 50000, value: radius }),
      h('button', { type: 'submit' }, t('strike.submit')),
      h('div', { id: 'strike-result', role: 'status', 'aria-live': 'polite' }));
    form.addEventListener('submit', (e) => { e.preventDefault(); void this.submit(); });
    this.root.append(form);
  }

  setPoint(at: LonLat): void {
    byId<HTMLInputElement>('strike-position').value = toMgrs(at[1], at[0]);
  }

  private async submit(): Promise<void> {
    const out = byId('strike-result');
    const text = byId<HTMLInputElement>('strike-position').value.trim();
    const ll = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
    const body: Schemas['StrikeBody'] = {
      intent_id: byId<HTMLSelectElement>('strike-intent').value, t: byId<HTMLInputElement>('strike-time').value.trim(),
      radius_m: Number(byId<HTMLInputElement>('strike-radius').value) || 0,
      ...(ll ? { lat_deg: Number(ll[1]), lon_deg: Number(ll[2]) } : { mgrs: text.replace(/\s+/g, '') }),
    };
    clear(out);
    try {
      const r = await HubClient.ok(this.client.api.POST('/api/v1/strikes', { body }));
      out.append(h('p', { class: r.hits.length ? 'error' : 'ok' }, t('strike.reported', { id: r.id, mgrs: r.mgrs })),
        h('p', { class: 'small' }, r.inside_declared_zone ? t('strike.inside') : t('strike.outside')),
        ...r.hits.map((hit) => h('p', { class: 'error small' }, t('strike.hit', { kind: hit.object_kind, id: hit.object_id, m: Math.round(hit.distance_m ?? 0) }))));
      this.onReported();
    } catch (e) {
      out.append(h('p', { class: 'error' }, e instanceof Error ? e.message : String(e)));
    }
  }
}
