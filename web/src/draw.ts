// Map tools: drawing an intent's shape (polygon, circle, corridor), measuring range and bearing,
// and picking a strike point. A tool owns map clicks while it is on (object popups are suppressed).

import type { Feature } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { circleRing, corridorRings, densifyRing, inverse, type LonLat } from './geodesy';
import { labelImage } from './labels';
import { fc } from './picture';

export type Tool = 'polygon' | 'circle' | 'corridor' | 'measure' | 'strike';
export type DraftShape =
  | { type: 'polygon'; ring: LonLat[] }
  | { type: 'circle'; centre: LonLat; radiusM: number }
  | { type: 'corridor'; path: LonLat[]; halfWidthM: number };

const NM = 1852;

export function rangeBearing(a: LonLat, b: LonLat): { nm: number; bearingDeg: number } {
  const r = inverse(a[1], a[0], b[1], b[0]);
  return { nm: r.distanceM / NM, bearingDeg: (r.azimuthDeg + 360) % 360 };
}

export function draftFeatures(shape: DraftShape | null, pending: LonLat[], hover: LonLat | null): Feature[] {
  const out: Feature[] = [];
  if (shape?.type === 'polygon') out.push(poly([densifyRing([...shape.ring, shape.ring[0]])]));
  else if (shape?.type === 'circle') out.push(poly([circleRing(shape.centre[1], shape.centre[0], shape.radiusM)]));
  else if (shape?.type === 'corridor') out.push(...corridorRings(shape.path, shape.halfWidthM).map((r) => poly([r])));
  const line = hover ? [...pending, hover] : pending;
  if (line.length >= 2) out.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } });
  for (const p of pending) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });
  return out;
}

function poly(coordinates: LonLat[][]): Feature {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
}

export class MapTools {
  tool: Tool | null = null;
  private points: LonLat[] = [];
  private hover: LonLat | null = null;
  shape: DraftShape | null = null;
  corridorHalfWidthM = 10_000;

  constructor(
    private readonly map: MapLibreMap,
    private readonly draw: (draft: Feature[], measure: Feature[]) => void,
    private readonly onShape: (shape: DraftShape | null) => void,
    private readonly onStrikePoint: (at: LonLat) => void,
    private readonly hint: (text: string) => void,
    private readonly hints: Record<Tool | 'done', string>,
  ) {
    map.on('click', (e) => this.click(e));
    map.on('dblclick', (e) => { if (this.tool) { e.preventDefault(); this.finish(); } });
    map.on('mousemove', (e) => { if (this.tool && this.points.length) { this.hover = [e.lngLat.lng, e.lngLat.lat]; this.redraw(); } });
  }

  use(tool: Tool | null): void {
    this.tool = this.tool === tool ? null : tool;
    this.points = [];
    this.hover = null;
    if (this.tool && this.tool !== 'measure' && this.tool !== 'strike') this.shape = null;
    const canvas = this.map.getCanvas();
    if (this.tool) canvas.dataset.tool = this.tool;
    else delete canvas.dataset.tool;
    canvas.style.cursor = this.tool ? 'crosshair' : '';
    document.body.dataset.tool = this.tool ?? '';
    this.hint(this.tool ? this.hints[this.tool] : '');
    this.redraw();
    if (this.tool && this.tool !== 'measure' && this.tool !== 'strike') this.onShape(null);
  }

  clear(): void {
    this.shape = null;
    this.points = [];
    this.redraw();
  }

  setShape(shape: DraftShape | null): void {
    this.shape = shape;
    this.redraw();
  }

  private click(e: MapMouseEvent): void {
    if (!this.tool) return;
    const at: LonLat = [e.lngLat.lng, e.lngLat.lat];
    switch (this.tool) {
      case 'strike':
        this.onStrikePoint(at);
        this.use(null);
        return;
      case 'measure':
        if (this.points.length >= 2) this.points = [];
        this.points.push(at);
        break;
      case 'circle':
        this.points.push(at);
        if (this.points.length === 2) {
          this.shape = { type: 'circle', centre: this.points[0], radiusM: Math.round(inverse(this.points[0][1], this.points[0][0], at[1], at[0]).distanceM) };
          this.done();
        }
        break;
      case 'polygon': {
        const first = this.points[0];
        if (first && this.points.length >= 3) {
          const a = this.map.project(first), b = this.map.project(at);
          if (Math.hypot(a.x - b.x, a.y - b.y) < 10) { this.finish(); return; }
        }
        this.points.push(at);
        break;
      }
      case 'corridor':
        this.points.push(at);
        break;
    }
    this.redraw();
  }

  /** Ends a polygon or corridor (double click, or clicking the first vertex again). */
  finish(): void {
    if (this.tool === 'polygon' && this.points.length >= 3) this.shape = { type: 'polygon', ring: dedupe(this.points) };
    else if (this.tool === 'corridor' && this.points.length >= 2) this.shape = { type: 'corridor', path: dedupe(this.points), halfWidthM: this.corridorHalfWidthM };
    else return;
    this.done();
  }

  private done(): void {
    const shape = this.shape;
    this.points = [];
    this.use(null);
    this.shape = shape;
    this.redraw();
    this.hint(this.hints.done);
    this.onShape(shape);
  }

  private redraw(): void {
    const measure: Feature[] = [];
    if (this.tool === 'measure' && this.points.length) {
      const a = this.points[0];
      const b = this.points[1] ?? this.hover;
      if (b) {
        const { nm, bearingDeg } = rangeBearing(a, b);
        measure.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [a, b] } });
        measure.push({ type: 'Feature', properties: { label: labelImage(`${nm.toFixed(1)} NM  ${String(Math.round(bearingDeg) % 360).padStart(3, '0')}°`, '#ffffff', true) },
          geometry: { type: 'Point', coordinates: b } });
        document.body.dataset.measure = `${nm.toFixed(2)}|${bearingDeg.toFixed(1)}`;
      }
    }
    const drawing = this.tool && this.tool !== 'measure' && this.tool !== 'strike';
    this.draw(draftFeatures(this.shape, drawing ? this.points : [], drawing ? this.hover : null), measure);
  }
}

/** A double click also lands two clicks: drop repeated points. */
function dedupe(points: LonLat[]): LonLat[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

export { fc };
