// Positions as an officer reads them: latitude/longitude and MGRS (the `mgrs` package, WGS-84 UTM),
// and the optional MGRS grid of 100 km squares over the visible area.

import type { Feature } from 'geojson';
import * as mgrs from 'mgrs';
import { latLon } from './format';

/** MGRS to 1 m, spaced as written by hand: `37S BA 12345 67890`; empty outside UTM's latitudes. */
export function toMgrs(lat: number, lon: number, digits = 5): string {
  if (lat < -80 || lat > 84) return '';
  const raw = mgrs.forward([lon, lat], digits);
  const m = /^(\d{1,2}[A-Z])([A-Z]{2})(\d*)$/.exec(raw);
  if (!m) return raw;
  const half = m[3].length / 2;
  return `${m[1]} ${m[2]} ${m[3].slice(0, half)} ${m[3].slice(half)}`.trim();
}

export function cursorText(lat: number, lon: number): string {
  const grid = toMgrs(lat, lon);
  return grid ? `${latLon(lat, lon)}  ${grid}` : latLon(lat, lon);
}

/** Outlines of the 100 km squares touching the box (at most `limit`), corners from the MGRS library. */
export function mgrsSquares(west: number, south: number, east: number, north: number, limit = 400): Feature[] {
  const ids = new Set<string>();
  const s = Math.max(-80, south), n = Math.min(84, north);
  const step = Math.max(0.2, Math.min((east - west) / 40, (n - s) / 40));
  for (let lat = s; lat <= n; lat += step) for (let lon = west; lon <= east; lon += step) {
    if (ids.size >= limit) break;
    ids.add(mgrs.forward([Math.max(-180, Math.min(180, lon)), lat], 0));
  }
  const out: Feature[] = [];
  for (const id of ids) {
    try {
      const corners = ['0000000000', '9999900000', '9999999999', '0000099999', '0000000000'].map((d) => mgrs.toPoint(id + d));
      out.push({ type: 'Feature', properties: { id }, geometry: { type: 'LineString', coordinates: corners } });
    } catch {
      // a square cut by a zone edge may not exist in full: skip it
    }
  }
  return out;
}
