// Turns an intent's GeoJSON (STRATEGIC.md format) into drawable outlines: polygons densified
// along great circles, circles (Point + radius_m) and corridors (LineString + half_width_m)
// computed geodesically.

import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { circleRing, corridorRings, densifyRing, type LonLat } from './geodesy';

export interface VolumeProps {
  intent_id: string;
  party: string;
  state: string;
  priority: number;
  alt_lower_ft: number;
  alt_upper_ft: number;
  time_start: string;
  time_end: string;
  shape: 'polygon' | 'circle' | 'corridor';
  size_m: number;
}

export type VolumeFeature = Feature<Polygon | MultiPolygon, VolumeProps>;

export function volumesOf(collection: FeatureCollection | Feature, fallbackId: string, fallbackParty: string, fallbackState: string): VolumeFeature[] {
  const features = collection.type === 'FeatureCollection' ? collection.features : [collection];
  const top = collection as unknown as Record<string, unknown>;
  const out: VolumeFeature[] = [];
  for (const f of features) {
    if (!f || !f.geometry) continue;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const outline = outlineOf(f.geometry, p);
    if (!outline) continue;
    out.push({
      type: 'Feature',
      geometry: outline.geometry,
      properties: {
        intent_id: str(p.intent_id, fallbackId),
        party: str(p.party, fallbackParty),
        state: str(p.state ?? top.state, fallbackState),
        priority: num(p.priority ?? top.priority, 0),
        alt_lower_ft: num(p.alt_lower_ft, NaN),
        alt_upper_ft: num(p.alt_upper_ft, NaN),
        time_start: str(p.time_start, ''),
        time_end: str(p.time_end, ''),
        shape: outline.shape,
        size_m: outline.sizeM,
      },
    });
  }
  return out;
}

function outlineOf(geometry: Geometry, p: Record<string, unknown>): { geometry: Polygon | MultiPolygon; shape: VolumeProps['shape']; sizeM: number } | null {
  switch (geometry.type) {
    case 'Polygon':
      return { geometry: { type: 'Polygon', coordinates: [densifyRing(ring(geometry.coordinates[0]))] }, shape: 'polygon', sizeM: 0 };
    case 'MultiPolygon':
      return {
        geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => [densifyRing(ring(poly[0]))]) },
        shape: 'polygon',
        sizeM: 0,
      };
    case 'Point': {
      const r = num(p.radius_m, NaN);
      if (!(r > 0)) return null;
      const [lon, lat] = geometry.coordinates;
      return { geometry: { type: 'Polygon', coordinates: [circleRing(lat, lon, r)] }, shape: 'circle', sizeM: r };
    }
    case 'LineString': {
      const w = num(p.half_width_m, NaN);
      if (!(w > 0) || geometry.coordinates.length === 0) return null;
      const rings = corridorRings(ring(geometry.coordinates), w);
      return { geometry: { type: 'MultiPolygon', coordinates: rings.map((r2) => [r2]) }, shape: 'corridor', sizeM: w };
    }
    default:
      return null;
  }
}

function ring(coords: Position[]): LonLat[] {
  return coords.map((c) => [c[0], c[1]] as LonLat);
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Where the volume's label goes: its northernmost vertex (the label sits above the outline, clear of tracks inside). */
export function labelPoint(feature: VolumeFeature): LonLat {
  const outer = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates.flatMap((poly) => poly[0]);
  let best = outer[0];
  for (const c of outer) if (c[1] > best[1]) best = c;
  return [best[0], best[1]];
}

/** Bounding box [west, south, east, north] of a set of positions. */
export function bounds(points: Iterable<LonLat>): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [lon, lat] of points) {
    w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

export function positionsOf(feature: VolumeFeature): LonLat[] {
  const polys = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  return polys.flatMap((poly) => poly[0].map((c) => [c[0], c[1]] as LonLat));
}
