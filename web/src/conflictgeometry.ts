// What a conflict looks like on the map: a strategic conflict as the overlap of the two intents'
// volumes (area, with its band and window in the label), a tactical one as the predicted closest-
// approach points with the paths to them and the time to go, a ground one as the strike point and
// the protected object, a conformance one where the aircraft left its intent.

import type { Feature, MultiPolygon, Polygon } from 'geojson';
import * as clippingModule from 'polygon-clipping';
import type { Conflict, Track } from './api';
import { flightLevel, utcHm } from './format';
import { project, type LonLat } from './geodesy';
import { labelImage } from './labels';
import { CONFLICT_COLOUR } from './mapview';
import { fc, point, validity, type Picture } from './picture';
import type { VolumeFeature } from './volumes';

// The package's ES build exports one default object; its typings name the functions.
const clipping = ((clippingModule as unknown as { default?: typeof clippingModule }).default ?? clippingModule);

export interface ConflictFeatures { areas: Feature[]; lines: Feature[]; points: Feature[]; labels: Feature[] }

export function detailOf(c: Conflict): Record<string, unknown> {
  const d = c.detail && typeof c.detail === 'object' ? (c.detail as Record<string, unknown>) : {};
  return { ...d, ...c };
}

export function conflictFeatures(picture: Picture, strikes: Map<string, LonLat>, nowMs: number): ConflictFeatures {
  const out: ConflictFeatures = { areas: [], lines: [], points: [], labels: [] };
  for (const c of picture.conflicts) {
    const d = detailOf(c);
    const refs = picture.refsOf(c);
    const base = { id: c.id, kind: c.kind, level: c.level ?? '' };
    if (c.kind === 'strategic') {
      const [a, b] = refs.filter((r) => r.kind === 'intent').map((r) => picture.intentOf(r));
      const lo = num(d.overlap_lower_ft), hi = num(d.overlap_upper_ft);
      const win = validity(d.overlap_start, d.overlap_end);
      const areas = a && b ? overlapAreas(a.volumes, b.volumes) : [];
      for (const area of areas) out.areas.push({ type: 'Feature', geometry: area, properties: { ...base, ...win, lo: lo ?? -1e9, hi: hi ?? 1e9 } });
      const at = areas.length ? centroid(areas[0]) : null;
      if (at) {
        const band = lo !== undefined && hi !== undefined ? `${flightLevel(lo)}–${flightLevel(hi)}` : '';
        const window = typeof d.overlap_start === 'string' ? `${utcHm(d.overlap_start)}–${utcHm(String(d.overlap_end))}` : '';
        out.labels.push(point(at, { ...base, ...win, lo: lo ?? -1e9, hi: hi ?? 1e9, rank: 0, label: labelImage(`${band}\n${window}`.trim(), CONFLICT_COLOUR, true) }));
      }
    } else if (c.kind === 'tactical') {
      const tracks = refs.filter((r) => r.kind === 'track').map((r) => picture.trackAt(r)).filter((t): t is Track => !!t);
      const cpaMs = typeof d.cpa_at === 'string' ? Date.parse(d.cpa_at) : NaN;
      const cpas: LonLat[] = [];
      for (const t of tracks) {
        const here: LonLat = [t.lon_deg, t.lat_deg];
        const dtS = Number.isFinite(cpaMs) ? (cpaMs - Date.parse(t.t ?? '')) / 1000 : 0;
        const there = t.gs_kt && t.trk_deg != null && dtS > 0 ? project(t.lat_deg, t.lon_deg, t.trk_deg, t.gs_kt, dtS) : here;
        cpas.push(there);
        out.points.push(point(here, { ...base, lo: t.alt_ft ?? 0, hi: t.alt_ft ?? 0 }));
        out.lines.push({ type: 'Feature', properties: { ...base, path: true }, geometry: { type: 'LineString', coordinates: [here, there] } });
        out.points.push(point(there, { ...base, cpa: true }));
      }
      if (cpas.length === 2) {
        out.lines.push({ type: 'Feature', properties: { ...base, path: false }, geometry: { type: 'LineString', coordinates: cpas } });
        const toGo = Number.isFinite(cpaMs) ? Math.max(0, Math.round((cpaMs - nowMs) / 1000)) : null;
        const h = num(d.h_cpa_nm), v = num(d.v_cpa_ft);
        const text = `CPA ${h !== undefined ? h.toFixed(1) + ' NM' : ''}${v !== undefined ? ' / ' + Math.round(v) + ' ft' : ''}${toGo !== null ? `\nT-${toGo} s` : ''}`;
        out.labels.push(point([(cpas[0][0] + cpas[1][0]) / 2, (cpas[0][1] + cpas[1][1]) / 2], { ...base, rank: 0, label: labelImage(text, CONFLICT_COLOUR, true) }));
      }
    } else if (c.kind === 'ground') {
      const strike = typeof d.strike_id === 'string' ? strikes.get(d.strike_id) : undefined;
      const object = refs.map((r) => picture.siteOf(r)).find((s) => !!s);
      const objectAt: LonLat | null = object && object.geometry.type === 'Point' ? [object.geometry.coordinates[0], object.geometry.coordinates[1]]
        : object && object.geometry.type === 'LineString' ? [object.geometry.coordinates[0][0], object.geometry.coordinates[0][1]] : null;
      if (strike) out.points.push(point(strike, { ...base, strike: true }));
      if (objectAt) out.points.push(point(objectAt, { ...base }));
      if (strike && objectAt) out.lines.push({ type: 'Feature', properties: { ...base, path: false }, geometry: { type: 'LineString', coordinates: [strike, objectAt] } });
      const at = strike ?? objectAt;
      const dist = num(d.distance_m);
      if (at) out.labels.push(point(at, { ...base, rank: 0, label: labelImage(`${String(d.source ?? 'ground').toUpperCase()}${dist !== undefined ? ` ${Math.round(dist)} m` : ''}${object ? `\n${object.name}` : ''}`, CONFLICT_COLOUR, true) }));
    } else {
      const lat = num(d.lat_deg), lon = num(d.lon_deg);
      if (lat !== undefined && lon !== undefined) out.points.push(point([lon, lat], { ...base }));
      else for (const r of refs) { const t = picture.trackAt(r); if (t) out.points.push(point([t.lon_deg, t.lat_deg], { ...base })); }
    }
  }
  return out;
}

export function collections(f: ConflictFeatures) {
  return { areas: fc(f.areas), lines: fc(f.lines), points: fc(f.points), labels: fc(f.labels) };
}

/** The shared area of every pair of volumes (outlines already densified along geodesics). */
function overlapAreas(a: VolumeFeature[], b: VolumeFeature[]): (Polygon | MultiPolygon)[] {
  const out: (Polygon | MultiPolygon)[] = [];
  for (const va of a) for (const vb of b) {
    try {
      const shared = clipping.intersection(rings(va), rings(vb));
      if (shared.length) out.push({ type: 'MultiPolygon', coordinates: shared });
    } catch {
      // a degenerate outline: the conflict still shows through its volumes and label
    }
  }
  return out;
}

function rings(v: VolumeFeature): clippingModule.MultiPolygon {
  const polys = v.geometry.type === 'Polygon' ? [v.geometry.coordinates] : v.geometry.coordinates;
  return polys.map((p) => p.map((r) => r.map((c) => [c[0], c[1]] as [number, number])));
}

function centroid(g: Polygon | MultiPolygon): LonLat {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
  let x = 0, y = 0;
  for (const c of ring) { x += c[0]; y += c[1]; }
  return [x / ring.length, y / ring.length];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
