// The operational picture the console shows: live tracks, intent volumes, open conflicts and sites,
// each keyed by its identity (kind, owner party, id), and the map features derived from them. Map
// features carry their validity (t0/t1 in ms) and band (lo/hi in ft), so the time cursor and the
// flight-level filter are map filters rather than rebuilt data.

import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { Conflict, IntentSummary, Track } from './api';
import { project, type LonLat } from './geodesy';
import { flightLevel } from './format';
import { tOr } from './i18n/i18n';
import { arrowImage, labelImage } from './labels';
import { CONFLICT_COLOUR, SITE_COLOUR } from './mapview';
import type { PartyBook } from './parties';
import { conflictRefs, key, refKey, type ObjectRef } from './refs';
import { TrackHistory } from './trackhistory';
import { labelPoint, type VolumeFeature } from './volumes';

export interface IntentEntry { summary: IntentSummary; volumes: VolumeFeature[] }
export interface Site { kind: 'site' | 'movement'; id: string; party: string; name: string; category: string; geometry: Geometry; area?: Polygon; properties: Record<string, unknown> }

const NEVER = -8.64e15, FOREVER = 8.64e15;

/** Label priority for decluttering: conflicts first, then the caller's own objects, then others. */
export function labelRank(conflicted: boolean, own: boolean): number {
  return conflicted ? 0 : own ? 1 : 2;
}

export class Picture {
  readonly tracks = new Map<string, Track>();
  readonly intents = new Map<string, IntentEntry>();
  readonly sites = new Map<string, Site>();
  readonly history = new TrackHistory();
  conflicts: Conflict[] = [];
  private refsCache = new WeakMap<Conflict, ObjectRef[]>();
  // Live tracks reported or removed since the map last took them, so a render sends only what changed.
  private readonly changedTracks = new Set<string>();
  private readonly removedTracks = new Set<string>();
  private hotTracks = new Set<string>();

  constructor(private readonly parties: PartyBook) {}

  trackKey(t: Track): string {
    return key('track', t.party, t.id);
  }

  upsertTrack(t: Track): void {
    if (typeof t.id !== 'string' || !Number.isFinite(t.lat_deg) || !Number.isFinite(t.lon_deg)) return;
    const k = this.trackKey(t);
    this.tracks.set(k, t);
    this.history.record(k, t);
    this.changedTracks.add(k);
    this.removedTracks.delete(k);
  }

  /** Samples of the hub's track history, merged into the console's record for the time cursor. */
  absorbHistory(samples: Track[]): void {
    for (const t of samples) if (typeof t.id === 'string' && Number.isFinite(t.lat_deg) && Number.isFinite(t.lon_deg)) this.history.insert(this.trackKey(t), t);
  }

  removeTrack(k: string): void {
    if (!this.tracks.delete(k)) return;
    this.changedTracks.delete(k);
    this.removedTracks.add(k);
  }

  replaceTracks(list: Track[]): void {
    for (const k of this.tracks.keys()) this.removedTracks.add(k);
    this.tracks.clear();
    for (const t of list) this.upsertTrack(t);
  }

  /**
   * The live track features that changed since the last call: tracks reported since, tracks whose conflict
   * state changed, and the keys of tracks that left. `all` rebuilds every track (a first draw, or after the
   * map showed a past cursor).
   */
  takeTrackChanges(all: boolean, leadS = 60): { tracks: Feature[]; leaders: Feature[]; removed: string[]; changed: string[] } {
    const hot = new Set<string>();
    for (const k of this.conflicted()) if (this.tracks.has(k)) hot.add(k);
    const keys = all ? [...this.tracks.keys()] : [...this.changedTracks];
    if (!all) for (const k of symmetricDifference(hot, this.hotTracks)) if (this.tracks.has(k) && !this.changedTracks.has(k)) keys.push(k);
    this.hotTracks = hot;
    const tracks: Feature[] = [];
    const leaders: Feature[] = [];
    for (const k of keys) {
      const t = this.tracks.get(k);
      if (!t) continue;
      const f = this.trackFeatures(k, t, hot.has(k), leadS);
      tracks.push(f.track);
      if (f.leader) leaders.push(f.leader);
    }
    const removed = [...this.removedTracks];
    this.changedTracks.clear();
    this.removedTracks.clear();
    return { tracks, leaders, removed, changed: keys };
  }

  /** The objects a conflict names, as identities. */
  refsOf(c: Conflict): ObjectRef[] {
    let refs = this.refsCache.get(c);
    if (!refs) {
      refs = conflictRefs(c, (id, parties) => this.lookup(id, parties));
      this.refsCache.set(c, refs);
    }
    return refs;
  }

  /** Objects with this id owned by one of `parties` (a hub that names objects by id alone). */
  private lookup(id: string, parties: string[]): ObjectRef[] {
    const out: ObjectRef[] = [];
    for (const party of parties) {
      if (this.intents.has(key('intent', party, id))) out.push({ kind: 'intent', party, id });
      if (this.tracks.has(key('track', party, id))) out.push({ kind: 'track', party, id });
      if (this.sites.has(key('site', party, id))) out.push({ kind: 'site', party, id });
      if (this.sites.has(key('movement', party, id))) out.push({ kind: 'movement', party, id });
    }
    return out;
  }

  /** Keys of every object in an open conflict. */
  conflicted(): Set<string> {
    const hot = new Set<string>();
    for (const c of this.conflicts) for (const r of this.refsOf(c)) hot.add(refKey(r));
    return hot;
  }

  volumeCollections(): { volumes: FeatureCollection; labels: FeatureCollection } {
    const hot = this.conflicted();
    const volumes: Feature[] = [];
    const labels: Feature[] = [];
    for (const [k, entry] of this.intents) {
      const colour = this.parties.colour(entry.summary.party);
      const own = this.parties.isMe(entry.summary.party);
      const conflicted = hot.has(k);
      entry.volumes.forEach((v) => {
        const props = {
          key: k, intent_id: entry.summary.id, party: entry.summary.party, state: entry.summary.state, priority: v.properties.priority,
          alt_lower_ft: v.properties.alt_lower_ft, alt_upper_ft: v.properties.alt_upper_ft, time_start: v.properties.time_start, time_end: v.properties.time_end,
          shape: v.properties.shape, colour, conflicted, own, ...validity(v.properties.time_start, v.properties.time_end), lo: v.properties.alt_lower_ft, hi: v.properties.alt_upper_ft,
        };
        volumes.push({ ...v, properties: props });
        const text = `${entry.summary.id} ${tOr(`state.${entry.summary.state}`, entry.summary.state)}\n${flightLevel(v.properties.alt_lower_ft)}-${flightLevel(v.properties.alt_upper_ft)}`;
        labels.push(point(labelPoint(v), { key: k, t0: props.t0, t1: props.t1, lo: props.lo, hi: props.hi, rank: labelRank(conflicted, own),
          label: labelImage(text, conflicted ? CONFLICT_COLOUR : colour, own) }));
      });
    }
    return { volumes: fc(volumes), labels: fc(labels) };
  }

  /** Tracks now (cursor null) or as recorded at the cursor, with 60 s leader lines. */
  trackCollections(atMs: number | null, leadS = 60): { tracks: FeatureCollection; leaders: FeatureCollection } {
    const hot = this.conflicted();
    const source = atMs === null ? this.tracks : this.history.at(atMs);
    const tracks: Feature[] = [];
    const leaders: Feature[] = [];
    for (const [k, t] of source) {
      const f = this.trackFeatures(k, t, hot.has(k), leadS);
      tracks.push(f.track);
      if (f.leader) leaders.push(f.leader);
    }
    return { tracks: fc(tracks), leaders: fc(leaders) };
  }

  /** One aircraft's symbol and its leader line (when it moves); both carry its key, the map's feature id. */
  private trackFeatures(k: string, t: Track, conflicted: boolean, leadS: number): { track: Feature; leader: Feature | null } {
    const own = this.parties.isMe(t.party);
    const colour = conflicted ? CONFLICT_COLOUR : this.parties.colour(t.party);
    const alt = t.alt_ft ?? null;
    const track = point([t.lon_deg, t.lat_deg], {
      key: k, id: t.id, callsign: t.callsign ?? '', party: t.party ?? '', trk_deg: t.trk_deg ?? 0, icon: arrowImage(colour),
      label: labelImage(`${displayName(t)}\n${flightLevel(alt)}`, colour, own), rank: labelRank(conflicted, own),
      alt_ft: alt, lo: alt ?? 0, hi: alt ?? 0, gs_kt: t.gs_kt ?? null, vs_fpm: t.vs_fpm ?? null, t: t.t ?? '', intent_id: t.intent_id ?? '',
    });
    let leader: Feature | null = null;
    if (t.gs_kt != null && t.gs_kt > 0 && t.trk_deg != null) {
      const end = project(t.lat_deg, t.lon_deg, t.trk_deg, t.gs_kt, leadS);
      leader = { type: 'Feature', properties: { key: k, colour, lo: alt ?? 0, hi: alt ?? 0 }, geometry: { type: 'LineString', coordinates: [[t.lon_deg, t.lat_deg], end] } };
    }
    return { track, leader };
  }

  siteCollection(): FeatureCollection {
    const hot = this.conflicted();
    const features: Feature[] = [];
    for (const [k, s] of this.sites) {
      const v = validity(s.properties.valid_from, s.properties.valid_to);
      const properties = { ...s.properties, key: k, id: s.id, party: s.party, ...v, label: labelImage(`${s.name} (${s.category})`, hot.has(k) ? CONFLICT_COLOUR : SITE_COLOUR, false) };
      features.push({ type: 'Feature', geometry: s.geometry, properties });
      if (s.area) features.push({ type: 'Feature', geometry: s.area, properties: { ...properties, label: '' } });
    }
    return fc(features);
  }

  /** Where a track is now, if live. */
  trackAt(r: ObjectRef): Track | undefined {
    return this.tracks.get(refKey(r));
  }

  siteOf(r: ObjectRef): Site | undefined {
    return this.sites.get(refKey(r));
  }

  intentOf(r: ObjectRef): IntentEntry | undefined {
    return this.intents.get(refKey(r));
  }
}

/** One identity per aircraft: its callsign when it has one, else its id (the ICAO address for SBS feeds). */
export function displayName(t: Track): string {
  return t.callsign && t.callsign.trim() ? t.callsign.trim() : t.id;
}

export function validity(from: unknown, to: unknown): { t0: number; t1: number } {
  const a = typeof from === 'string' ? Date.parse(from) : NaN;
  const b = typeof to === 'string' ? Date.parse(to) : NaN;
  return { t0: Number.isFinite(a) ? a : NEVER, t1: Number.isFinite(b) ? b : FOREVER };
}

export function point(c: LonLat, properties: Record<string, unknown>): Feature<Point> {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: c } };
}

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
  const out: string[] = [];
  for (const k of a) if (!b.has(k)) out.push(k);
  for (const k of b) if (!a.has(k)) out.push(k);
  return out;
}

export function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
