// Vertical profile of a selected intent, track or conflict: altitude over time, with the objects
// in conflict with it and the overlaps in red, so a planner sees at once which band and window to
// move out of. SVG, drawn from the same picture as the map.

import { clear, h } from '../dom';
import { flightLevel, utcHm } from '../format';
import { t } from '../i18n/i18n';
import { CONFLICT_COLOUR } from '../mapview';

export interface ProfileBox { t0: number; t1: number; lo: number; hi: number }
export interface ProfileItem { label: string; colour: string; selected: boolean; boxes: ProfileBox[]; path?: { t: number; alt: number }[] }

const NS = 'http://www.w3.org/2000/svg';

export function renderProfile(root: HTMLElement, title: string, items: ProfileItem[], overlaps: ProfileBox[], cursorMs: number, onClose: () => void): void {
  clear(root);
  root.hidden = false;
  const W = 620, H = 200, L = 56, R = 10, T = 10, B = 22;
  const spans = [...items.flatMap((i) => [...i.boxes, ...(i.path ?? []).map((p) => ({ t0: p.t, t1: p.t, lo: p.alt, hi: p.alt }))]), ...overlaps];
  const finite = (v: number) => Number.isFinite(v) && Math.abs(v) < 8e15;
  let t0 = Math.min(...spans.map((s) => s.t0).filter(finite), cursorMs), t1 = Math.max(...spans.map((s) => s.t1).filter(finite), cursorMs);
  if (!(t1 > t0)) { t0 = cursorMs - 3600_000; t1 = cursorMs + 3600_000; }
  const pad = (t1 - t0) * 0.04; t0 -= pad; t1 += pad;
  let lo = Math.min(...spans.map((s) => s.lo).filter(Number.isFinite)), hi = Math.max(...spans.map((s) => s.hi).filter(Number.isFinite));
  if (!(hi > lo)) { lo = 0; hi = 40_000; }
  lo = Math.max(0, Math.floor(lo / 5000) * 5000 - 5000); hi = Math.ceil(hi / 5000) * 5000 + 5000;
  const x = (ms: number) => L + ((ms - t0) / (t1 - t0)) * (W - L - R);
  const y = (ft: number) => T + (1 - (ft - lo) / (hi - lo)) * (H - T - B);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'profile-svg' });
  for (let ft = lo; ft <= hi; ft += (hi - lo) / 4) {
    svg.append(el('line', { x1: L, x2: W - R, y1: y(ft), y2: y(ft), stroke: '#22303d' }), text(L - 4, y(ft) + 4, flightLevel(ft), 'end'));
  }
  for (let i = 0; i <= 4; i++) {
    const ms = t0 + ((t1 - t0) * i) / 4;
    svg.append(text(x(ms), H - 6, utcHm(new Date(ms).toISOString()), 'middle'));
  }
  for (const item of items) {
    for (const b of item.boxes) {
      if (!finite(b.t0) || !finite(b.t1)) continue;
      svg.append(el('rect', { x: x(b.t0), y: y(b.hi), width: Math.max(1, x(b.t1) - x(b.t0)), height: Math.max(1, y(b.lo) - y(b.hi)),
        fill: item.colour, 'fill-opacity': item.selected ? 0.35 : 0.15, stroke: item.colour, 'stroke-width': item.selected ? 2 : 1, 'data-item': item.label }));
      svg.append(text(x(b.t0) + 3, y(b.hi) + 12, item.label, 'start', item.colour));
    }
    if (item.path && item.path.length) {
      svg.append(el('polyline', { points: item.path.map((p) => `${x(p.t)},${y(p.alt)}`).join(' '), fill: 'none', stroke: item.colour, 'stroke-width': 2, 'data-item': item.label }));
      const last = item.path[item.path.length - 1];
      svg.append(text(x(last.t) + 4, y(last.alt) - 4, item.label, 'start', item.colour));
    }
  }
  for (const o of overlaps) {
    if (!finite(o.t0) || !finite(o.t1)) continue;
    svg.append(el('rect', { x: x(o.t0), y: y(o.hi), width: Math.max(1, x(o.t1) - x(o.t0)), height: Math.max(1, y(o.lo) - y(o.hi)),
      fill: CONFLICT_COLOUR, 'fill-opacity': 0.45, stroke: CONFLICT_COLOUR, class: 'overlap' }));
  }
  svg.append(el('line', { x1: x(cursorMs), x2: x(cursorMs), y1: T, y2: H - B, stroke: '#ffe066', 'stroke-width': 2 }));
  root.append(h('div', { class: 'row' }, h('strong', {}, `${t('profile.title')}: ${title}`), h('span', { class: 'spacer' }),
    h('button', { type: 'button', onclick: onClose, 'aria-label': t('profile.close') }, '×')), svg);
}

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function text(xv: number, yv: number, content: string, anchor: 'start' | 'middle' | 'end', fill = '#9aa7b4'): SVGElement {
  const e = el('text', { x: xv, y: yv, 'text-anchor': anchor, fill, 'font-size': 11, 'font-family': 'DejaVu Sans Mono, monospace' });
  e.textContent = content;
  return e;
}
