// Lists of intents, tracks and sites: each row is a button that shows the object on the map.

import { clear, h } from '../dom';
import { altBand, flightLevel, utcDateTime, utcHm, utcTime } from '../format';
import type { PartyBook } from '../parties';
import type { IntentEntry, Site } from '../picture';
import type { Track } from '../api';

export function renderIntents(list: HTMLElement, intents: Map<string, IntentEntry>, hot: Set<string>, parties: PartyBook, onFocus: (id: string) => void): void {
  clear(list);
  const rows = [...intents.values()].sort((a, b) => Number(hot.has(b.summary.id)) - Number(hot.has(a.summary.id)) || a.summary.id.localeCompare(b.summary.id));
  for (const { summary, volumes } of rows) {
    const v = volumes[0]?.properties;
    const start = volumes.map((x) => x.properties.time_start).filter(Boolean).sort()[0];
    const end = volumes.map((x) => x.properties.time_end).filter(Boolean).sort().at(-1);
    list.append(h('li', { 'data-intent-id': summary.id, class: hot.has(summary.id) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => onFocus(summary.id), 'aria-label': `Show intent ${summary.id} on the map` },
        h('span', { class: 'swatch', style: `background:${parties.colour(summary.party)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'mono' }, summary.id),
        h('span', { class: 'small' }, parties.name(summary.party)),
        h('span', { class: `badge state-${summary.state.toLowerCase()}` }, summary.state),
        hot.has(summary.id) ? h('span', { class: 'badge level level-warning' }, 'CONFLICT') : null,
        h('span', { class: 'small mono muted block' },
          v ? `${volumes.length} vol · ${altBand(v.alt_lower_ft, v.alt_upper_ft)} · ${utcDateTime(start)}–${utcHm(end)}` : 'no drawable volume',
          ` · v${summary.version}`),
      ),
    ));
  }
}

export function renderTracks(list: HTMLElement, tracks: Map<string, Track>, hot: Set<string>, parties: PartyBook, onFocus: (id: string) => void): void {
  clear(list);
  const rows = [...tracks.values()].sort((a, b) => Number(hot.has(b.id)) - Number(hot.has(a.id)) || a.id.localeCompare(b.id)).slice(0, 500);
  for (const t of rows) {
    list.append(h('li', { 'data-track-id': t.id, class: hot.has(t.id) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => onFocus(t.id), 'aria-label': `Show track ${t.id} on the map` },
        h('span', { class: 'swatch', style: `background:${parties.colour(t.party)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'mono' }, t.callsign && t.callsign !== t.id ? `${t.callsign} (${t.id})` : t.id),
        h('span', { class: 'small' }, parties.name(t.party)),
        h('span', { class: 'mono small' }, `${flightLevel(t.alt_ft)} ${t.gs_kt != null ? Math.round(t.gs_kt) + ' kt' : ''} ${t.trk_deg != null ? String(Math.round(t.trk_deg)).padStart(3, '0') + '°' : ''}`),
        h('span', { class: 'mono small muted' }, utcTime(t.t)),
      ),
    ));
  }
  if (tracks.size > rows.length) list.append(h('li', { class: 'muted small' }, `… and ${tracks.size - rows.length} more on the map`));
}

export function renderSites(list: HTMLElement, sites: Site[], hot: Set<string>, onFocus: (id: string) => void): void {
  clear(list);
  for (const s of sites) {
    const from = s.properties.valid_from, to = s.properties.valid_to;
    list.append(h('li', { 'data-site-id': s.id, class: hot.has(s.id) ? 'hot' : '' },
      h('button', { type: 'button', class: 'rowbtn', onclick: () => onFocus(s.id), 'aria-label': `Show site ${s.name} on the map` },
        h('span', { class: 'mono' }, s.name),
        h('span', { class: 'badge' }, s.category),
        typeof from === 'string' ? h('span', { class: 'small mono muted block' }, `${utcDateTime(from)}–${typeof to === 'string' ? utcDateTime(to) : '…'}`) : null,
      ),
    ));
  }
}
