// Which conflict needs the officer first, and telling them when one is new. Live conflicts
// (tactical, conformance) come before ground ones, ground before planned (strategic) ones; within
// each, the one whose loss of separation (or overlap) comes soonest first. A new conflict, or one
// that escalates, flashes once, chimes when sound is on (off by default) and raises a browser
// notification while the tab is hidden.

import type { Conflict } from './api';
import { detailOf } from './conflictgeometry';

const TIER: Record<string, number> = { tactical: 0, conformance: 0, ground: 1, strategic: 2 };
const LEVEL: Record<string, number> = { warning: 0, alert: 0, blocking: 0, nonconforming: 1, caution: 1, advisory: 2 };

/** Seconds until the loss of separation (tactical) or the overlap (strategic); 0 when it is now or the hub gives no time. */
export function secondsToLoss(c: Conflict, nowMs: number): number {
  const d = detailOf(c);
  const at = typeof d.los_start === 'string' ? d.los_start : typeof d.overlap_start === 'string' ? d.overlap_start : null;
  const ms = at ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? Math.max(0, (ms - nowMs) / 1000) : 0;
}

export function byUrgency(conflicts: Conflict[], nowMs: number): Conflict[] {
  return [...conflicts].sort((a, b) =>
    (TIER[a.kind] ?? 3) - (TIER[b.kind] ?? 3)
    || secondsToLoss(a, nowMs) - secondsToLoss(b, nowMs)
    || (LEVEL[String(a.level)] ?? 3) - (LEVEL[String(b.level)] ?? 3)
    || String(b.detected_at ?? '').localeCompare(String(a.detected_at ?? '')));
}

export class Alerter {
  private known = new Map<string, string>();
  private primed = false;
  private audio: AudioContext | null = null;
  soundOn = false;
  /** Ids that flash at their next render (new or escalated since the last look). */
  readonly fresh = new Set<string>();

  /** Compares with what was known; the first look only learns (no alarm for what was open at sign-in). */
  observe(conflicts: Conflict[], describe: (c: Conflict) => string): void {
    const rank = (level: string) => LEVEL[level] ?? 3;
    const news: Conflict[] = [];
    const next = new Map<string, string>();
    for (const c of conflicts) {
      const level = String(c.level ?? '');
      next.set(c.id, level);
      const before = this.known.get(c.id);
      if (this.primed && (before === undefined || rank(level) < rank(before))) news.push(c);
    }
    this.known = next;
    this.primed = true;
    for (const c of news) this.fresh.add(c.id);
    if (news.length === 0) return;
    if (this.soundOn) this.chime(news.some((c) => rank(String(c.level)) === 0));
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      for (const c of news.slice(0, 3)) new Notification('Deconflict', { body: describe(c), tag: c.id });
    }
  }

  async enableSound(on: boolean): Promise<void> {
    this.soundOn = on;
    if (on) {
      this.audio ??= new AudioContext();
      await this.audio.resume().catch(() => undefined);
      if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission().catch(() => undefined);
    }
  }

  /** Two short tones; three, higher, for a warning. */
  chime(urgent: boolean): void {
    const ctx = this.audio;
    if (!ctx) return;
    const tones = urgent ? [988, 1319, 988] : [660, 880];
    tones.forEach((f, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      const at = ctx.currentTime + i * 0.18;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.17);
    });
    document.body.dataset.chimes = String(Number(document.body.dataset.chimes ?? 0) + 1);
  }
}
