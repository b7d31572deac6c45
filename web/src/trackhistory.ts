// Positions the console has received, kept so the time cursor can show tracks as they were and a
// debrief can replay the last hours: what the console saw since it opened, and what it fetched of the
// hub's own track history (GET /api/v1/tracks/history) for times before that. Bounded in samples and age.

import type { Track } from './api';

const MAX_AGE_MS = 24 * 3600 * 1000;
const MAX_SAMPLES = 400_000;
/** A track not reported for this long is not shown at a past cursor (the hub's stale time). */
export const STALE_MS = 60_000;

export class TrackHistory {
  private readonly byKey = new Map<string, Track[]>();
  private samples = 0;

  get size(): number {
    return this.samples;
  }

  /** The earliest time held, or null when nothing is. */
  earliest(): number | null {
    let min = Infinity;
    for (const list of this.byKey.values()) if (list.length) min = Math.min(min, Date.parse(list[0].t ?? ''));
    return Number.isFinite(min) ? min : null;
  }

  record(key: string, t: Track): void {
    const at = Date.parse(t.t ?? '');
    if (!Number.isFinite(at)) return;
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    const last = list.at(-1);
    if (last && Date.parse(last.t ?? '') >= at) return;
    list.push(t);
    if (++this.samples > MAX_SAMPLES) this.trim(Date.now() - MAX_AGE_MS, true);
  }

  /** Adds a sample from the hub's history in time order (a sample at a time already held is skipped). */
  insert(key: string, t: Track): void {
    const at = Date.parse(t.t ?? '');
    if (!Number.isFinite(at)) return;
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Date.parse(list[mid].t ?? '') < at) lo = mid + 1; else hi = mid;
    }
    if (lo < list.length && Date.parse(list[lo].t ?? '') === at) return;
    list.splice(lo, 0, t);
    if (++this.samples > MAX_SAMPLES) this.trim(Date.now() - MAX_AGE_MS, true);
  }

  /** Each track's last report at or before `atMs`, if it was not yet stale then. */
  at(atMs: number): Map<string, Track> {
    const out = new Map<string, Track>();
    for (const [key, list] of this.byKey) {
      let lo = 0, hi = list.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (Date.parse(list[mid].t ?? '') <= atMs) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (found >= 0 && atMs - Date.parse(list[found].t ?? '') <= STALE_MS) out.set(key, list[found]);
    }
    return out;
  }

  /** The recorded path of one track (oldest first). */
  path(key: string): Track[] {
    return this.byKey.get(key) ?? [];
  }

  private trim(before: number, halve: boolean): void {
    this.samples = 0;
    for (const [key, list] of this.byKey) {
      let drop = 0;
      while (drop < list.length && Date.parse(list[drop].t ?? '') < before) drop++;
      if (halve && drop < list.length / 2) drop = Math.floor(list.length / 2);
      const kept = list.slice(drop);
      if (kept.length) this.byKey.set(key, kept);
      else this.byKey.delete(key);
      this.samples += kept.length;
    }
  }
}
