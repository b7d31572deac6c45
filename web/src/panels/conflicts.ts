// Open conflicts: kind, alert level, parties, objects and times, most severe first.

import type { Conflict } from '../api';
import { clear, h } from '../dom';
import { flightLevel, label, utcDateTime, utcHm, utcTime } from '../format';
import type { PartyBook } from '../parties';

const LEVEL_RANK: Record<string, number> = { warning: 0, alert: 0, resolution: 0, caution: 1, advisory: 2, blocking: 0 };

export function levelRank(c: Conflict): number {
  return LEVEL_RANK[String(c.level ?? '').toLowerCase()] ?? 3;
}

export function renderConflicts(
  list: HTMLElement,
  conflicts: Conflict[],
  parties: PartyBook,
  threadFor: (conflictId: string) => string | null,
  onFocus: (c: Conflict) => void,
  onThread: (threadId: string) => void,
): void {
  clear(list);
  const sorted = [...conflicts].sort((a, b) => levelRank(a) - levelRank(b) || String(b.detected_at ?? '').localeCompare(String(a.detected_at ?? '')));
  for (const c of sorted) {
    const level = String(c.level ?? '').toLowerCase() || 'none';
    const thread = threadFor(c.id);
    const times = timesOf(c);
    const item = h('li', { class: `conflict level-${level}`, 'data-conflict-id': c.id, 'data-kind': c.kind },
      h('div', { class: 'row' },
        h('span', { class: `badge kind` }, c.kind.toUpperCase()),
        h('span', { class: `badge level level-${level}` }, level.toUpperCase()),
        h('span', { class: 'muted mono' }, c.id),
      ),
      h('div', { class: 'parties' }, ...(c.parties ?? []).flatMap((p, i) => [
        i > 0 ? ' · ' : null,
        h('span', { class: 'party', style: `color:${parties.colour(p)}` }, parties.name(p)),
      ])),
      h('div', { class: 'mono small' }, 'Objects: ', (c.objects ?? []).map(label).join(', ') || '—'),
      h('div', { class: 'mono small' }, ...times),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => onFocus(c), 'aria-label': `Show conflict ${c.id} on the map` }, 'Show on map'),
        thread ? h('button', { type: 'button', onclick: () => onThread(thread), 'aria-label': `Open hotline thread of conflict ${c.id}` }, 'Hotline') : null,
      ),
    );
    list.append(item);
  }
}

function timesOf(c: Conflict): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [`Detected ${utcDateTime(c.detected_at)}`];
  const r = c as Record<string, unknown>;
  if (typeof r.los_start === 'string') {
    // Tactical: predicted loss of separation, to the second, and how far ahead it is.
    const inS = Math.round((Date.parse(r.los_start) - Date.now()) / 1000);
    out.push(` · LoS ${utcTime(r.los_start)}${typeof r.los_end === 'string' ? '–' + utcTime(r.los_end) : ''}`);
    out.push(inS > 0 ? ` (in ${inS} s)` : ' (now)');
    if (typeof r.cpa_at === 'string') out.push(` · CPA ${utcTime(r.cpa_at)}`);
  } else {
    const start = r.overlap_start ?? r.window_start ?? r.t_in;
    const end = r.overlap_end ?? r.window_end ?? r.t_out;
    if (typeof start === 'string' && typeof end === 'string') out.push(` · window ${utcDateTime(start)}–${utcHm(end)}`);
  }
  const tIn = r.time_to_los_s ?? r.t_in_s;
  if (typeof tIn === 'number') out.push(` · LoS in ${Math.round(tIn)} s`);
  const hNm = r.h_cpa_nm ?? r.hcpa_nm;
  const vFt = r.v_cpa_ft ?? r.vcpa_ft;
  if (typeof hNm === 'number') out.push(typeof r.cpa_at === 'string' ? ` ${hNm.toFixed(1)} NM` : ` · CPA ${hNm.toFixed(1)} NM`);
  if (typeof vFt === 'number') out.push(` / ${Math.round(vFt)} ft`);
  const lower = r.overlap_lower_ft, upper = r.overlap_upper_ft;
  if (typeof lower === 'number' && typeof upper === 'number') out.push(` · ${flightLevel(lower)}–${flightLevel(upper)}`);
  if (c.status) out.push(` · ${c.status}`);
  return out;
}
