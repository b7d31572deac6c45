// The operational picture the console shows: live tracks, intent volumes, open conflicts and
// sites, and the map features derived from them (colours by party, conflicted objects marked).

import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { Conflict, IntentSummary, Track } from './api';
import { project, type LonLat } from './geodesy';
import { flightLevel } from './format';
import { arrowImage, labelImage } from './labels';
import { CONFLICT_COLOUR, SITE_COLOUR } from './mapview';
import type { PartyBook } from './parties';
import { labelPoint, type VolumeFeature } from './volumes';

export interface IntentEntry { summary: IntentSummary; volumes: VolumeFeature[] }
export interface Site { id: string; name: string; category: string; geometry: Geometry; area?: Polygon; properties: Record<string, unknown> }

/** Ids an open conflict refers to, read from `objects` (strings or {type,id}) and common id fields. */
export function conflictObjectIds(c: Conflict): { tracks: string[]; intents: string[]; sites: string[]; any: string[] } {
  const tracks: string[] = [], intents: string[] = [], sites: string[] = [], any: string[] = [];
  const objects = Array.isArray(c.objects) ? c.objects : [];
  for (const o of objects) {
    if (typeof o === 'string' || typeof o === 'number') {
      const s = String(o);
      const m = /^(track|intent|site|movement)[:/](.+)$/.exec(s);
      if (m) (m[1] === 'track' ? tracks : m[1] === 'intent' ? intents : sites).push(m[2]);
      else any.push(s);
    } else if (o && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      const type = String(r.type ?? r.kind ?? r.object_type ?? '').toLowerCase();
      const id = r.id ?? r.intent_id ?? r.track_id ?? r.site_id ?? r.object_id;
      if (id === undefined) continue;
      if (type.includes('track') || r.track_id !== undefined) tracks.push(String(id));
      else if (type.includes('intent') || r.intent_id !== undefined) intents.push(String(id));
      else if (type.includes('site') || type.includes('movement') || r.site_id !== undefined) sites.push(String(id));
      else any.push(String(id));
    }
  }
  for (const k of ['intent_id1', 'intent_id2', 'intent_id']) if (typeof c[k] === 'string') intents.push(c[k] as string);
  for (const k of ['track_id1', 'track_id2', 'track_id']) if (typeof c[k] === 'string') tracks.push(c[k] as string);
  return { tracks, intents, sites, any };
}

export class Picture {
  readonly tracks = new Map<string, Track>();
  readonly intents = new Map<string, IntentEntry>();
  conflicts: Conflict[] = [];
  sites: Site[] = [];

  constructor(private readonly parties: PartyBook) {}

  upsertTrack(t: Track): void {
    if (typeof t.id !== 'string' || !Number.isFinite(t.lat_deg) || !Number.isFinite(t.lon_deg)) return;
    this.tracks.set(t.id, t);
  }

  replaceTracks(list: Track[]): void {
    this.tracks.clear();
    for (const t of list) this.upsertTrack(t);
  }

  /** Sets of object ids that are part of an open conflict. */
  conflicted(): { tracks: Set<string>; intents: Set<string>; sites: Set<string> } {
    const tracks = new Set<string>(), intents = new Set<string>(), sites = new Set<string>();
    for (const c of this.conflicts) {
      const ids = conflictObjectIds(c);
      ids.tracks.forEach((x) => tracks.add(x));
      ids.intents.forEach((x) => intents.add(x));
      ids.sites.forEach((x) => sites.add(x));
      for (const x of ids.any) {
        if (this.tracks.has(x)) tracks.add(x);
        if (this.intents.has(x)) intents.add(x);
        if (this.sites.some((s) => s.id === x)) sites.add(x);
      }
    }
    return { tracks, intents, sites };
  }

  volumeCollections(): { volumes: FeatureCollection; labels: FeatureCollection } {
    const hot = this.conflicted().intents;
    const now = Date.now();
    const volumes: Feature[] = [];
    const labels: Feature[] = [];
    for (const [id, entry] of this.intents) {
      const colour = this.parties.colour(entry.summary.party);
      entry.volumes.forEach((v, i) => {
        // Active = its time window contains now; later or past volumes are drawn fainter.
        const from = Date.parse(v.properties.time_start), to = Date.parse(v.properties.time_end);
        const active = !(from > now) && !(to < now);
        volumes.push({ ...v, properties: { ...v.properties, intent_id: id, colour, conflicted: hot.has(id), active } });
        if (i === 0) {
          const text = `${id} ${entry.summary.state}\n${flightLevel(v.properties.alt_lower_ft)}-${flightLevel(v.properties.alt_upper_ft)}`;
          labels.push(point(labelPoint(v), { intent_id: id, label: labelImage(text, hot.has(id) ? CONFLICT_COLOUR : colour) }));
        }
      });
    }
    return { volumes: fc(volumes), labels: fc(labels) };
  }

  trackCollections(leadS = 60): { tracks: FeatureCollection; leaders: FeatureCollection } {
    const hot = this.conflicted().tracks;
    const tracks: Feature[] = [];
    const leaders: Feature[] = [];
    for (const t of this.tracks.values()) {
      const colour = hot.has(t.id) ? CONFLICT_COLOUR : this.parties.colour(t.party);
      const name = t.callsign && t.callsign !== t.id ? `${t.callsign} ${t.id}` : t.id;
      const text = `${name}\n${flightLevel(t.alt_ft)} ${t.gs_kt != null ? Math.round(t.gs_kt) + 'kt' : ''}`.trim();
      tracks.push(point([t.lon_deg, t.lat_deg], {
        id: t.id, party: t.party ?? '', trk_deg: t.trk_deg ?? 0, icon: arrowImage(colour), label: labelImage(text, colour),
        alt_ft: t.alt_ft ?? null, gs_kt: t.gs_kt ?? null, vs_fpm: t.vs_fpm ?? null, t: t.t ?? '', intent_id: t.intent_id ?? '',
      }));
      if (t.gs_kt != null && t.gs_kt > 0 && t.trk_deg != null) {
        const end = project(t.lat_deg, t.lon_deg, t.trk_deg, t.gs_kt, leadS);
        leaders.push({ type: 'Feature', properties: { colour }, geometry: { type: 'LineString', coordinates: [[t.lon_deg, t.lat_deg], end] } });
      }
    }
    return { tracks: fc(tracks), leaders: fc(leaders) };
  }

  /** Rings on conflicting tracks (or on a conflict's own position) and links between the pair. */
  conflictCollections(): { points: FeatureCollection; links: FeatureCollection } {
    const points: Feature[] = [];
    const links: Feature[] = [];
    for (const c of this.conflicts) {
      const at = this.conflictPositions(c);
      for (const p of at) points.push(point(p, { id: c.id, kind: c.kind, level: c.level ?? '' }));
      if (at.length >= 2) links.push({ type: 'Feature', properties: { id: c.id }, geometry: { type: 'LineString', coordinates: at } });
    }
    return { points: fc(points), links: fc(links) };
  }

  conflictPositions(c: Conflict): LonLat[] {
    const own = explicitPosition(c);
    if (own) return [own];
    const ids = conflictObjectIds(c);
    const out: LonLat[] = [];
    for (const id of [...ids.tracks, ...ids.any]) {
      const t = this.tracks.get(id);
      if (t) out.push([t.lon_deg, t.lat_deg]);
    }
    for (const id of [...ids.sites, ...ids.any]) {
      const s = this.sites.find((x) => x.id === id);
      if (s && s.geometry.type === 'Point') out.push([s.geometry.coordinates[0], s.geometry.coordinates[1]]);
    }
    return out;
  }

  siteCollection(): FeatureCollection {
    const hot = this.conflicted().sites;
    const features: Feature[] = [];
    for (const s of this.sites) {
      const properties = { ...s.properties, id: s.id, label: labelImage(`${s.name} (${s.category})`, hot.has(s.id) ? CONFLICT_COLOUR : SITE_COLOUR) };
      features.push({ type: 'Feature', geometry: s.geometry, properties });
      if (s.area) features.push({ type: 'Feature', geometry: s.area, properties: { ...properties, label: '' } });
    }
    return fc(features);
  }
}

function explicitPosition(c: Conflict): LonLat | null {
  const r = c as Record<string, unknown>;
  const candidates = [r, r.position, r.location, r.cpa] as unknown[];
  for (const x of candidates) {
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.lat_deg === 'number' && typeof o.lon_deg === 'number') return [o.lon_deg, o.lat_deg];
    }
  }
  const g = r.geometry as Geometry | undefined;
  if (g && g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  return null;
}

function point(c: LonLat, properties: Record<string, unknown>): Feature<Point> {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: c } };
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
