// The timeline under the map: the intents of the visible area and the conflicts as bars over the
// last and next 24 hours, a time cursor (now by default, following the clock while live) that can
// be dragged or clicked to any time in that range, and a replay of what the console recorded.

import { byId } from '../dom';
import { utcDateTime } from '../format';
import { t } from '../i18n/i18n';
import { CONFLICT_COLOUR } from '../mapview';

export interface Bar { t0: number; t1: number; colour: string; conflicted: boolean }

const RANGE_MIN = 24 * 60;

export class Timeline {
  private live = true;
  private cursorMs = Date.now();
  private bars: Bar[] = [];
  private conflictBars: Bar[] = [];
  private replay: number | null = null;
  private readonly slider = byId<HTMLInputElement>('time-cursor');
  private readonly canvas = byId<HTMLCanvasElement>('timeline-bars');

  constructor(private readonly onChange: (atMs: number, live: boolean) => void, private readonly replayFrom: () => number | null) {
    this.slider.addEventListener('input', () => this.set(Date.now() + Number(this.slider.value) * 60_000, Number(this.slider.value) === 0));
    byId('time-live').addEventListener('click', () => this.set(Date.now(), true));
    byId('time-play').addEventListener('click', () => this.toggleReplay());
    this.canvas.addEventListener('click', (e) => {
      const r = this.canvas.getBoundingClientRect();
      const minutes = ((e.clientX - r.left) / r.width) * 2 * RANGE_MIN - RANGE_MIN;
      this.set(Date.now() + minutes * 60_000, false);
    });
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  get at(): number {
    return this.live ? Date.now() : this.cursorMs;
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Moves the cursor; `live` follows the clock from now on. */
  set(atMs: number, live: boolean): void {
    const now = Date.now();
    this.cursorMs = Math.min(now + RANGE_MIN * 60_000, Math.max(now - RANGE_MIN * 60_000, atMs));
    this.live = live;
    if (live && this.replay !== null) this.stopReplay();
    byId('time-live').setAttribute('aria-pressed', String(live));
    document.body.dataset.cursor = live ? 'live' : String(this.cursorMs);
    this.tick();
    this.onChange(this.at, live);
  }

  setBars(bars: Bar[], conflicts: Bar[]): void {
    this.bars = bars;
    this.conflictBars = conflicts;
    this.draw();
  }

  /** Each second: the slider and readout follow the clock (live) or keep the chosen time. */
  tick(): void {
    const at = this.at;
    this.slider.value = String(Math.round((at - Date.now()) / 60_000));
    const readout = byId('time-readout');
    readout.textContent = this.live ? `${t('timeline.now')} · ${utcDateTime(new Date(at).toISOString())}` : utcDateTime(new Date(at).toISOString());
    readout.classList.toggle('past', !this.live);
    this.draw();
  }

  private toggleReplay(): void {
    if (this.replay !== null) {
      this.stopReplay();
      return;
    }
    const from = this.replayFrom() ?? Date.now() - 3600_000;
    this.set(from, false);
    byId('time-play').textContent = t('timeline.stop');
    // 30 s of recorded time per 250 ms shown: an hour in two minutes; back to live at the present.
    this.replay = window.setInterval(() => {
      const next = this.cursorMs + 30_000;
      if (next >= Date.now()) this.set(Date.now(), true);
      else this.set(next, false);
    }, 250);
  }

  private stopReplay(): void {
    if (this.replay !== null) clearInterval(this.replay);
    this.replay = null;
    byId('time-play').textContent = t('timeline.replay');
  }

  private draw(): void {
    const c = this.canvas;
    const width = c.clientWidth, height = c.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    if (c.width !== Math.round(width * ratio)) { c.width = Math.round(width * ratio); c.height = Math.round(height * ratio); }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const now = Date.now();
    const x = (ms: number) => ((ms - now) / 60_000 + RANGE_MIN) / (2 * RANGE_MIN) * width;
    // Hour ticks, the present, then bars, then the cursor on top.
    ctx.fillStyle = '#16202b';
    for (let h = -24; h <= 24; h++) ctx.fillRect(Math.round(x(Math.ceil(now / 3600_000 + h) * 3600_000)), 0, 1, height);
    ctx.fillStyle = '#5b6b7c';
    ctx.fillRect(Math.round(x(now)), 0, 1, height);
    for (const b of this.conflictBars) bar(ctx, x(b.t0), x(b.t1), 2, 7, CONFLICT_COLOUR);
    const lanes: number[] = [];
    const laneH = 6, top = 12, maxLanes = Math.max(1, Math.floor((height - top) / (laneH + 1)));
    for (const b of [...this.bars].sort((p, q) => p.t0 - q.t0)) {
      const x0 = x(b.t0), x1 = x(b.t1);
      if (x1 < 0 || x0 > width) continue;
      let lane = lanes.findIndex((end) => end < x0);
      if (lane < 0) lane = lanes.length < maxLanes ? lanes.length : lanes.indexOf(Math.min(...lanes));
      lanes[lane] = x1 + 1;
      bar(ctx, x0, x1, top + lane * (laneH + 1), laneH, b.conflicted ? CONFLICT_COLOUR : b.colour);
    }
    ctx.fillStyle = '#ffe066';
    ctx.fillRect(Math.round(x(this.at)) - 1, 0, 2, height);
  }
}

function bar(ctx: CanvasRenderingContext2D, x0: number, x1: number, y: number, h: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.fillRect(x0, y, Math.max(2, x1 - x0), h);
}
