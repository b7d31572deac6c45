// Open conflicts, most urgent first (see alerts.ts): kind, alert level, parties, objects by identity
// and times; a new or escalated one flashes once. Acknowledging silences it in this console.

import type { Conflict } from '../api';
import { byUrgency, secondsToLoss } from '../alerts';
import { detailOf } from '../conflictgeometry';
import { clear, h } from '../dom';
import { flightLevel, utcDateTime, utcHm, utcTime } from '../format';
import { t, tOr } from '../i18n/i18n';
import type { PartyBook } from '../parties';
import type { ObjectRef } from '../refs';

export interface ConflictRowActions {
  refsOf: (c: Conflict) => ObjectRef[];
  nameOf: (r: ObjectRef) => string;
  threadFor: (conflictId: string) => string | null;
  onFocus: (c: Conflict) => void;
  onProfile: (c: Conflict) => void;
  onThread: (threadId: string) => void;
  acked: Set<string>;
  onAck: (c: Conflict) => void;
  fresh: Set<string>;
}

export function renderConflicts(list: HTMLElement, conflicts: Conflict[], parties: PartyBook, a: ConflictRowActions, nowMs: number): void {
  clear(list);
  for (const c of byUrgency(conflicts, nowMs)) {
    const level = String(c.level ?? '').toLowerCase() || 'none';
    const thread = a.threadFor(c.id);
    const flash = a.fresh.delete(c.id);
    const refs = a.refsOf(c);
    const item = h('li', { class: `conflict level-${level}${flash ? ' flash' : ''}${a.acked.has(c.id) ? ' acked' : ''}`, 'data-conflict-id': c.id, 'data-kind': c.kind },
      h('div', { class: 'row' },
        h('span', { class: 'badge kind' }, tOr(`kind.${c.kind}`, c.kind.toUpperCase())),
        h('span', { class: `badge level level-${level}` }, tOr(`level.${level}`, level.toUpperCase())),
        h('span', { class: 'muted mono' }, c.id),
      ),
      h('div', { class: 'parties' }, ...(c.parties ?? []).flatMap((p, i) => [
        i > 0 ? ' · ' : null,
        h('span', { class: 'party', style: `color:${parties.colour(p)}` }, parties.name(p)),
      ])),
      h('div', { class: 'mono small' }, `${t('conflict.objects')}: `, refs.length ? refs.map(a.nameOf).join(', ') : (c.objects ?? []).map(String).join(', ') || '—'),
      h('div', { class: 'mono small' }, ...timesOf(c, nowMs)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => a.onFocus(c) }, t('conflict.show')),
        h('button', { type: 'button', onclick: () => a.onProfile(c) }, t('conflict.profile')),
        thread ? h('button', { type: 'button', onclick: () => a.onThread(thread) }, t('conflict.hotline')) : null,
        a.acked.has(c.id) ? h('span', { class: 'badge ok' }, t('conflict.acked')) : h('button', { type: 'button', class: 'ack', onclick: () => a.onAck(c) }, t('conflict.ack')),
      ),
    );
    list.append(item);
  }
}

function timesOf(c: Conflict, nowMs: number): string[] {
  const r = detailOf(c);
  const out: string[] = [t('conflict.detected', { at: utcDateTime(c.detected_at) })];
  if (typeof r.los_start === 'string') {
    // Tactical: predicted loss of separation, to the second, and how far ahead it is.
    const inS = Math.round(secondsToLoss(c, nowMs));
    out.push(` · LoS ${utcTime(r.los_start)}${typeof r.los_end === 'string' ? '–' + utcTime(r.los_end) : ''}`);
    out.push(inS > 0 ? ` (${t('conflict.in', { s: inS })})` : ` (${t('conflict.now')})`);
    if (typeof r.cpa_at === 'string') out.push(` · CPA ${utcTime(r.cpa_at)}`);
  } else if (typeof r.overlap_start === 'string' && typeof r.overlap_end === 'string') {
    out.push(` · ${t('conflict.window')} ${utcDateTime(r.overlap_start)}–${utcHm(r.overlap_end)}`);
  }
  if (typeof r.h_cpa_nm === 'number') out.push(` ${r.h_cpa_nm.toFixed(1)} NM`);
  if (typeof r.v_cpa_ft === 'number') out.push(` / ${Math.round(r.v_cpa_ft)} ft`);
  if (typeof r.overlap_lower_ft === 'number' && typeof r.overlap_upper_ft === 'number') out.push(` · ${flightLevel(r.overlap_lower_ft)}–${flightLevel(r.overlap_upper_ft)}`);
  if (typeof r.distance_m === 'number') out.push(` · ${Math.round(r.distance_m)} m`);
  return out;
}
