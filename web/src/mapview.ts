// The map: offline basemap plus the operational layers (volumes, sites, track leader lines, tracks,
// conflict geometry, the draft being drawn, the range-and-bearing line, an optional MGRS grid).
// Everything is GeoJSON sources with fill/line/circle layers and symbol layers that use icons only
// (labels are canvas images), so no glyph or sprite server is needed. The time cursor and the
// flight-level band are layer filters; labels are decluttered by MapLibre's collision placement,
// conflicts first, then the caller's own objects.

import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { dropUnusedLabels, installImageFactory } from './labels';

// MapLibre 6 loads its worker from a separate module: serve the bundled copy from our own origin.
maplibregl.setWorkerUrl(workerUrl);

export const CONFLICT_COLOUR = '#ff3b3b';
export const SITE_COLOUR = '#f2f2f2';
export const DRAFT_COLOUR = '#ffe066';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export type Selection = { layer: 'track' | 'volume' | 'conflict' | 'site'; key: string; id: string; feature: Feature };
export type LayerGroup = 'volumes' | 'tracks' | 'conflicts' | 'sites' | 'labels' | 'mgrs';

const SOURCES = ['volumes', 'volume-labels', 'sites', 'leaders', 'tracks', 'conflict-areas', 'conflict-lines', 'conflict-points', 'conflict-labels', 'draft', 'measure', 'mgrs-grid'] as const;
type SourceId = (typeof SOURCES)[number];
/** Sources updated feature by feature (a diff per render), their features identified by their `key` property. */
const KEYED: readonly SourceId[] = ['tracks', 'leaders'];
/** Below this zoom only tracks in conflict are labelled: thousands of labels at theatre scale are noise and cost. */
export const TRACK_LABEL_MIN_ZOOM = 7;
/** The rendered-object counts kept in the map's dataset are taken at most this often (they query every layer). */
const PROBE_INTERVAL_MS = 1000;

const TIMED = ['volumes-fill', 'volumes-line', 'volumes-conflict', 'volume-labels-symbol', 'sites-fill', 'sites-line', 'sites-circle', 'sites-label', 'conflict-areas-fill', 'conflict-areas-line', 'conflict-labels-symbol'];
const BANDED = ['volumes-fill', 'volumes-line', 'volumes-conflict', 'volume-labels-symbol', 'conflict-areas-fill', 'conflict-areas-line', 'conflict-labels-symbol'];
const POINT_BANDED = ['tracks-icon', 'tracks-label', 'tracks-label-hot', 'leaders-line'];

export class MapView {
  readonly map: MapLibreMap;
  private ready: Promise<void>;
  private pending = new Map<string, FeatureCollection>();
  private filters = new Map<string, FilterSpecification>();
  private loaded = false;
  // The label image each feature names, per source, so images no feature names any more can be dropped.
  private readonly labels = new Map<SourceId, Map<string | number, string>>();
  private labelsPrunedAt = 0;
  private probedAt = -Infinity;
  private probeTimer = 0;

  constructor(container: HTMLElement, style: maplibregl.StyleSpecification, onSelect: (s: Selection, at: maplibregl.LngLat) => void) {
    this.map = new maplibregl.Map({
      container, style, center: [36, 34], zoom: 4, attributionControl: false, renderWorldCopies: false,
      dragRotate: false, pitchWithRotate: false, maxZoom: 14, doubleClickZoom: false,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-left');
    this.map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Natural Earth via world-atlas' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    installImageFactory(this.map);
    // What the map has actually drawn, for people and for the browser test: counts per layer, taken when the
    // map is idle but at most once a second (with thousands of objects each count is a query of every tile).
    this.map.on('idle', () => {
      const wait = this.probedAt + PROBE_INTERVAL_MS - performance.now();
      if (wait <= 0) this.probe(container);
      // Taken later only if the map is still settled then; otherwise the next idle event asks again.
      else if (!this.probeTimer) this.probeTimer = window.setTimeout(() => { this.probeTimer = 0; if (this.map.loaded() && !this.map.isMoving()) this.probe(container); }, wait);
    });
    this.ready = new Promise((resolve) => this.map.on('load', () => {
      this.addLayers();
      this.loaded = true;
      for (const [id, data] of this.pending) this.source(id)?.setData(data);
      this.pending.clear();
      for (const [layer, filter] of this.filters) this.map.setFilter(layer, filter);
      resolve();
    }));
    for (const [layer, kind] of [['tracks-icon', 'track'], ['volumes-fill', 'volume'], ['conflict-points-ring', 'conflict'], ['conflict-areas-fill', 'conflict'],
      ['sites-circle', 'site'], ['sites-fill', 'site']] as const) {
      this.map.on('click', layer, (e: MapLayerMouseEvent) => {
        if (this.map.getCanvas().dataset.tool) return;
        const f = e.features?.[0];
        if (!f) return;
        onSelect({ layer: kind, key: String(f.properties?.key ?? ''), id: String(f.properties?.id ?? f.properties?.intent_id ?? ''), feature: f as unknown as Feature }, e.lngLat);
      });
      this.map.on('mouseenter', layer, () => { if (!this.map.getCanvas().dataset.tool) this.map.getCanvas().style.cursor = 'pointer'; });
      this.map.on('mouseleave', layer, () => { if (!this.map.getCanvas().dataset.tool) this.map.getCanvas().style.cursor = ''; });
    }
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  set(id: SourceId, data: FeatureCollection): void {
    const labels = new Map<string | number, string>();
    data.features.forEach((f, i) => { if (typeof f.properties?.label === 'string') labels.set(String(f.properties.key ?? i), f.properties.label); });
    this.labels.set(id, labels);
    const source = this.loaded ? this.source(id) : undefined;
    if (source) void source.setData(data);
    else this.pending.set(id, data);
    this.pruneLabels();
  }

  /**
   * Changes a keyed source by feature: `add` replaces features of the same key, `remove` drops keys. False when
   * the map cannot take a diff yet (not loaded); the caller then sends the whole collection with `set`.
   */
  update(id: SourceId, add: Feature[], remove: string[]): boolean {
    if (!KEYED.includes(id) || !this.loaded || this.pending.has(id)) return false;
    const source = this.source(id);
    if (!source) return false;
    if (add.length === 0 && remove.length === 0) return true;
    const labels = this.labels.get(id) ?? new Map<string | number, string>();
    for (const k of remove) labels.delete(k);
    for (const f of add) if (typeof f.properties?.label === 'string') labels.set(String(f.properties.key), f.properties.label);
    this.labels.set(id, labels);
    void source.updateData({ remove, add });
    this.pruneLabels();
    return true;
  }

  /** Drops label images no feature of any source names, at most every 10 s (moving tracks change their text). */
  private pruneLabels(): void {
    const now = performance.now();
    if (now - this.labelsPrunedAt < 10_000) return;
    this.labelsPrunedAt = now;
    const used = new Set<string>();
    for (const labels of this.labels.values()) for (const label of labels.values()) used.add(label);
    dropUnusedLabels(this.map, used);
  }

  private probe(container: HTMLElement): void {
    this.probedAt = performance.now();
    const distinct = (layer: string, key: string) =>
      this.map.getLayer(layer) ? new Set(this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.[key]))).size : 0;
    container.dataset.renderedLand = String(this.map.queryRenderedFeatures({ layers: ['land'] }).length);
    container.dataset.renderedVolumes = String(distinct('volumes-fill', 'key'));
    container.dataset.renderedVolumeIds = [...new Set(this.map.queryRenderedFeatures({ layers: ['volumes-fill'] }).map((f) => String(f.properties?.intent_id)))].sort().join(',');
    container.dataset.renderedTracks = String(distinct('tracks-icon', 'key'));
    container.dataset.renderedTrackIds = [...new Set(this.map.queryRenderedFeatures({ layers: ['tracks-icon'] }).map((f) => String(f.properties?.id)))].sort().join(',');
    container.dataset.renderedConflicts = String(distinct('conflict-points-ring', 'id') + distinct('conflict-areas-fill', 'id'));
    container.dataset.renderedConflictAreas = String(distinct('conflict-areas-fill', 'id'));
    container.dataset.renderedSites = String(distinct('sites-circle', 'id') + distinct('sites-fill', 'id'));
    container.dataset.renderedLabels = String(['volume-labels-symbol', 'tracks-label', 'tracks-label-hot', 'sites-label', 'conflict-labels-symbol']
      .reduce((n, l) => n + (this.map.getLayer(l) ? this.map.queryRenderedFeatures({ layers: [l] }).length : 0), 0));
    container.dataset.idleAt = String(performance.now());
  }

  /** Shows what is valid at `atMs` and inside the band [lowerFt, upperFt] (upper null: no ceiling). */
  setWindow(atMs: number, lowerFt: number, upperFt: number | null): void {
    const hi = upperFt ?? 1e9;
    const timed: ExpressionSpecification = ['all', ['<=', ['coalesce', ['get', 't0'], -8.64e15], atMs], ['>', ['coalesce', ['get', 't1'], 8.64e15], atMs]];
    const banded: ExpressionSpecification = ['all', ['<', ['coalesce', ['get', 'lo'], -1e9], hi], ['>', ['coalesce', ['get', 'hi'], 1e9], lowerFt]];
    const pointBanded: ExpressionSpecification = ['all', ['>=', ['coalesce', ['get', 'lo'], 0], lowerFt], ['<=', ['coalesce', ['get', 'hi'], 0], hi]];
    const base: Record<string, FilterSpecification | undefined> = {
      'volumes-conflict': ['==', ['get', 'conflicted'], true], 'tracks-label-hot': HOT, 'sites-fill': POLYGON, 'sites-line': POLYGON, 'sites-circle': POINT, 'sites-label': POINT,
    };
    const layers = new Set([...TIMED, ...BANDED, ...POINT_BANDED]);
    for (const layer of layers) {
      const parts: FilterSpecification[] = [];
      if (base[layer]) parts.push(base[layer]!);
      if (TIMED.includes(layer)) parts.push(timed);
      if (BANDED.includes(layer)) parts.push(banded);
      if (POINT_BANDED.includes(layer)) parts.push(pointBanded);
      const filter = ['all', ...parts] as FilterSpecification;
      this.filters.set(layer, filter);
      if (this.map.getLayer(layer)) this.map.setFilter(layer, filter);
    }
  }

  setLayerVisible(group: LayerGroup, visible: boolean): void {
    const layers: Record<LayerGroup, string[]> = {
      volumes: ['volumes-fill', 'volumes-line', 'volumes-conflict'],
      tracks: ['leaders-line', 'tracks-icon'],
      conflicts: ['conflict-areas-fill', 'conflict-areas-line', 'conflict-lines-line', 'conflict-points-ring'],
      sites: ['sites-fill', 'sites-line', 'sites-circle'],
      labels: ['volume-labels-symbol', 'tracks-label', 'tracks-label-hot', 'sites-label', 'conflict-labels-symbol'],
      mgrs: ['mgrs-grid-line'],
    };
    void this.ready.then(() => {
      for (const id of layers[group]) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    });
  }

  fit(bbox: [number, number, number, number], maxZoom = 9): void {
    const [w, s, e, n] = bbox;
    if (w === e && s === n) this.map.easeTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), 8) });
    else this.map.fitBounds([[w, s], [e, n]], { padding: { top: 50, bottom: 50, left: 60, right: 200 }, maxZoom, duration: 600 });
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource(id) as GeoJSONSource | undefined;
  }

  private addLayers(): void {
    const m = this.map;
    for (const id of SOURCES) m.addSource(id, { type: 'geojson', data: empty(), ...(KEYED.includes(id) ? { promoteId: 'key' } : {}) });
    const label = (id: string, source: string, anchor: 'bottom' | 'left' | 'top-left' | 'center', offset: [number, number], filter?: FilterSpecification, zooms: { minzoom?: number; maxzoom?: number } = {}) => m.addLayer({
      id, type: 'symbol', source, ...(filter ? { filter } : {}), ...zooms,
      layout: { 'icon-image': ['get', 'label'], 'icon-anchor': anchor, 'icon-offset': offset, 'icon-allow-overlap': false, 'icon-padding': 1, 'symbol-sort-key': ['coalesce', ['get', 'rank'], 2] },
    });
    m.addLayer({ id: 'mgrs-grid-line', type: 'line', source: 'mgrs-grid', layout: { visibility: 'none' }, paint: { 'line-color': '#4c6a8a', 'line-width': 0.8, 'line-opacity': 0.7 } });
    m.addLayer({ id: 'volumes-fill', type: 'fill', source: 'volumes', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': ['case', ['==', ['get', 'state'], 'Ended'], 0.03, 0.14] } });
    m.addLayer({ id: 'volumes-line', type: 'line', source: 'volumes', paint: { 'line-color': ['get', 'colour'], 'line-width': ['case', ['get', 'own'], 2.5, 1.5], 'line-opacity': 0.95 } });
    m.addLayer({ id: 'volumes-conflict', type: 'line', source: 'volumes', filter: ['==', ['get', 'conflicted'], true], paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 2, 'line-dasharray': [2, 1] } });
    m.addLayer({ id: 'conflict-areas-fill', type: 'fill', source: 'conflict-areas', paint: { 'fill-color': CONFLICT_COLOUR, 'fill-opacity': 0.35 } });
    m.addLayer({ id: 'conflict-areas-line', type: 'line', source: 'conflict-areas', paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 2 } });
    m.addLayer({ id: 'sites-fill', type: 'fill', source: 'sites', filter: POLYGON, paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.08 } });
    m.addLayer({ id: 'sites-line', type: 'line', source: 'sites', filter: POLYGON, paint: { 'line-color': SITE_COLOUR, 'line-width': 1.5, 'line-dasharray': [1, 1] } });
    m.addLayer({ id: 'sites-circle', type: 'circle', source: 'sites', filter: POINT, paint: { 'circle-radius': 6, 'circle-color': '#0b3d1f', 'circle-stroke-color': SITE_COLOUR, 'circle-stroke-width': 2 } });
    m.addLayer({ id: 'leaders-line', type: 'line', source: 'leaders', paint: { 'line-color': ['get', 'colour'], 'line-width': 1, 'line-opacity': 0.8 } });
    m.addLayer({ id: 'conflict-lines-line', type: 'line', source: 'conflict-lines', paint: { 'line-color': CONFLICT_COLOUR, 'line-width': ['case', ['get', 'path'], 2, 1.5], 'line-dasharray': [1, 1.5] } });
    m.addLayer({ id: 'draft-fill', type: 'fill', source: 'draft', filter: POLYGON, paint: { 'fill-color': DRAFT_COLOUR, 'fill-opacity': 0.18 } });
    m.addLayer({ id: 'draft-line', type: 'line', source: 'draft', paint: { 'line-color': DRAFT_COLOUR, 'line-width': 2, 'line-dasharray': [3, 1] } });
    m.addLayer({ id: 'draft-vertex', type: 'circle', source: 'draft', filter: POINT, paint: { 'circle-radius': 4, 'circle-color': DRAFT_COLOUR } });
    m.addLayer({ id: 'measure-line', type: 'line', source: 'measure', paint: { 'line-color': '#ffffff', 'line-width': 2, 'line-dasharray': [2, 2] } });
    m.addLayer({ id: 'tracks-icon', type: 'symbol', source: 'tracks',
      layout: { 'icon-image': ['get', 'icon'], 'icon-rotate': ['get', 'trk_deg'], 'icon-rotation-alignment': 'map', 'icon-allow-overlap': true, 'icon-ignore-placement': true } });
    m.addLayer({ id: 'conflict-points-ring', type: 'symbol', source: 'conflict-points',
      layout: { 'icon-image': 'ring|' + CONFLICT_COLOUR, 'icon-allow-overlap': true, 'icon-ignore-placement': true } });
    label('conflict-labels-symbol', 'conflict-labels', 'center', [0, 0]);
    label('tracks-label', 'tracks', 'top-left', [15, 9], undefined, { minzoom: TRACK_LABEL_MIN_ZOOM });
    label('tracks-label-hot', 'tracks', 'top-left', [15, 9], HOT, { maxzoom: TRACK_LABEL_MIN_ZOOM });
    label('volume-labels-symbol', 'volume-labels', 'bottom', [0, -2]);
    label('sites-label', 'sites', 'left', [10, 0], POINT);
    m.addLayer({ id: 'measure-label', type: 'symbol', source: 'measure', filter: POINT,
      layout: { 'icon-image': ['get', 'label'], 'icon-anchor': 'bottom-left', 'icon-offset': [6, -6], 'icon-allow-overlap': true, 'icon-ignore-placement': true } });
  }
}

const POLYGON = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as FilterSpecification;
const POINT = ['==', ['geometry-type'], 'Point'] as FilterSpecification;
const HOT = ['==', ['get', 'rank'], 0] as FilterSpecification;

export function featureOf(geometry: Geometry, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}
