// Lists of intents, tracks and sites, keyed by identity: each row shows its object on the map;
// the caller's own intents can change state or end; another party's site can be acknowledged and
// the owner sees who acknowledged it.

import type { Track } from '../api';
import { clear, h } from '../dom';
import { altBand, flightLevel, utcDateTime, utcHm, utcTime } from '../format';
import { t } from '../i18n/i18n';
import type { PartyBook } from '../parties';
import { displayName, type IntentEntry, type Site } from '../picture';

const STATES = ['Accepted', 'Activated', 'Nonconforming', 'Contingent'];

export interface IntentActions { onFocus: (key: string) => void; onProfile: (key: string) => void; onState: (e: IntentEntry, state: string) => void; onEnd: (e: IntentEntry) => void }

export function renderIntents(list: HTMLElement, intents: Map<string, IntentEntry>, hot: Set<string>, parties: PartyBook, a: IntentActions): void {
  clear(list);
  const rows = [...intents.entries()].sort(([ka, x], [kb, y]) => Number(hot.has(kb)) - Number(hot.has(ka))
    || Number(parties.isMe(y.summary.party)) - Number(parties.isMe(x.summary.party)) || x.summary.id.localeCompare(y.summary.id));
  for (const [key, entry] of rows) {
    const { summary, volumes } = entry;
    const v = volumes[0]?.properties;
    const start = volumes.map((x) => x.properties.time_start).filter(Boolean).sort()[0];
    const end = volumes.map((x) => x.properties.time_end).filter(Boolean).sort().at(-1);
    const own = parties.isMe(summary.party);
    const state = h('select', { 'aria-label': t('intent.state'), class: 'state' }, ...STATES.map((s) => h('option', { value: s, selected: s === summary.state }, t(`state.${s as 'Accepted'}`))));
    list.append(h('li', { 'data-intent-id': summary.id, 'data-party': summary.party, class: hot.has(key) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => a.onFocus(key) },
        h('span', { class: 'swatch', style: `background:${parties.colour(summary.party)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'mono' }, summary.id),
        h('span', { class: 'small' }, own ? `${parties.name(summary.party)} (${t('legend.you')})` : parties.name(summary.party)),
        h('span', { class: `badge state-${summary.state.toLowerCase()}` }, t(`state.${summary.state as 'Accepted'}`)),
        hot.has(key) ? h('span', { class: 'badge level level-warning' }, t('intent.conflict')) : null,
        h('span', { class: 'small mono muted block' },
          v ? `${volumes.length} vol · ${altBand(v.alt_lower_ft, v.alt_upper_ft)} · ${utcDateTime(start)}–${utcHm(end)}` : t('intent.novolume'),
          ` · v${summary.version} · P${summary.priority ?? v?.priority ?? 0}`),
      ),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => a.onProfile(key) }, t('conflict.profile')),
        own ? state : null,
        own ? h('button', { type: 'button', class: 'set-state', onclick: () => a.onState(entry, (state as HTMLSelectElement).value) }, t('intent.setstate')) : null,
        own ? h('button', { type: 'button', class: 'end', onclick: () => a.onEnd(entry) }, t('intent.end')) : null),
    ));
  }
}

export function renderTracks(list: HTMLElement, tracks: Map<string, Track>, hot: Set<string>, parties: PartyBook, onFocus: (key: string) => void): void {
  clear(list);
  const rows = [...tracks.entries()].sort(([ka, x], [kb, y]) => Number(hot.has(kb)) - Number(hot.has(ka)) || displayName(x).localeCompare(displayName(y))).slice(0, 300);
  for (const [key, tr] of rows) {
    list.append(h('li', { 'data-track-id': tr.id, 'data-party': tr.party ?? '', class: hot.has(key) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => onFocus(key), title: `ICAO / id ${tr.id}` },
        h('span', { class: 'swatch', style: `background:${parties.colour(tr.party)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'mono' }, displayName(tr)),
        h('span', { class: 'small' }, parties.name(tr.party)),
        h('span', { class: 'mono small' }, `${flightLevel(tr.alt_ft)} ${tr.gs_kt != null ? Math.round(tr.gs_kt) + ' kt' : ''} ${tr.trk_deg != null ? String(Math.round(tr.trk_deg)).padStart(3, '0') + '°' : ''}`),
        h('span', { class: 'mono small muted' }, utcTime(tr.t)),
      ),
    ));
  }
  if (tracks.size > rows.length) list.append(h('li', { class: 'muted small' }, t('tracks.more', { n: tracks.size - rows.length })));
}

export function renderSites(list: HTMLElement, sites: Map<string, Site>, hot: Set<string>, parties: PartyBook, onFocus: (key: string) => void, onAck: (s: Site) => void): void {
  clear(list);
  for (const [key, s] of sites) {
    const from = s.properties.valid_from, to = s.properties.valid_to;
    const own = parties.isMe(s.party);
    const acks = Array.isArray(s.properties.acknowledgements) ? (s.properties.acknowledgements as { party: string; current: boolean }[]) : [];
    const pending = Array.isArray(s.properties.pending_acknowledgement) ? (s.properties.pending_acknowledgement as string[]) : [];
    list.append(h('li', { 'data-site-id': s.id, 'data-party': s.party, class: hot.has(key) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => onFocus(key) },
        h('span', { class: 'mono' }, s.name),
        h('span', { class: 'badge' }, s.category),
        h('span', { class: 'small' }, parties.name(s.party)),
        typeof from === 'string' ? h('span', { class: 'small mono muted block' }, `${utcDateTime(from)}–${typeof to === 'string' ? utcDateTime(to) : '…'}`) : null,
      ),
      s.kind !== 'site' ? null : own
        ? h('div', { class: 'small acks' },
          acks.filter((x) => x.current).length ? h('span', { class: 'badge ok' }, t('site.ackedby', { parties: acks.filter((x) => x.current).map((x) => parties.name(x.party)).join(', ') })) : null,
          pending.length ? h('span', { class: 'badge due' }, t('site.pending', { parties: pending.map((p) => parties.name(p)).join(', ') })) : null)
        : h('div', { class: 'actions' }, s.properties.acknowledged === true
          ? h('span', { class: 'badge ok' }, t('site.acked'))
          : h('button', { type: 'button', class: 'ack-site', onclick: () => onAck(s) }, t('site.ack'))),
    ));
  }
}
