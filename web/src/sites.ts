// Humanitarian sites and movements as the hub lists them: a FeatureCollection, an array of
// Features, or an array of objects with `geometry` or `lat_deg`/`lon_deg`; keyed by identity.

import type { Geometry, Polygon } from 'geojson';
import { circleRing } from './geodesy';
import type { Site } from './picture';

export function parseSites(body: unknown, kind: 'site' | 'movement'): Site[] {
  const items: unknown[] = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { features?: unknown[] }).features)
      ? (body as { features: unknown[] }).features
      : [];
  const out: Site[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    const props = (r.properties && typeof r.properties === 'object' ? r.properties : {}) as Record<string, unknown>;
    const all = { ...r, ...props };
    delete all.properties;
    delete all.geometry;
    let geometry = r.geometry as Geometry | undefined;
    if (!geometry && typeof all.lat_deg === 'number' && typeof all.lon_deg === 'number') {
      geometry = { type: 'Point', coordinates: [all.lon_deg, all.lat_deg] };
    }
    if (!geometry || !geometry.type) continue;
    // A site notified as a point with a radius covers the geodesic circle around it.
    const area: Polygon | undefined = geometry.type === 'Point' && typeof all.radius_m === 'number' && all.radius_m > 0
      ? { type: 'Polygon', coordinates: [circleRing(geometry.coordinates[1], geometry.coordinates[0], all.radius_m, 64)] }
      : undefined;
    const id = String(all.id ?? all.site_id ?? all.movement_id ?? '');
    out.push({
      kind, id, party: String(all.party ?? ''),
      name: String(all.name ?? all.notes ?? id),
      category: String(all.category ?? kind),
      geometry,
      area,
      properties: Object.fromEntries(Object.entries(all).filter(([k, v]) => v === null || typeof v !== 'object' || k === 'acknowledgements' || k === 'pending_acknowledgement')),
    });
  }
  return out;
}
