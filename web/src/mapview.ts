// The map: offline basemap plus the operational layers (volumes, sites, track leader lines,
// tracks, conflicts). Everything is GeoJSON sources with fill/line/circle layers and symbol
// layers that use icons only (labels are canvas images), so no glyph or sprite server is needed.

import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { installImageFactory } from './labels';

// MapLibre 6 loads its worker from a separate module: serve the bundled copy from our own origin.
maplibregl.setWorkerUrl(workerUrl);

export const CONFLICT_COLOUR = '#ff3b3b';
export const SITE_COLOUR = '#f2f2f2';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export type Selection = { layer: 'track' | 'volume' | 'conflict' | 'site'; id: string; feature: Feature };

export class MapView {
  readonly map: MapLibreMap;
  private ready: Promise<void>;
  private pending = new Map<string, FeatureCollection>();

  constructor(container: HTMLElement, style: maplibregl.StyleSpecification, onSelect: (s: Selection, at: maplibregl.LngLat) => void) {
    this.map = new maplibregl.Map({
      container,
      style,
      center: [36, 34],
      zoom: 4,
      attributionControl: false,
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 14,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-left');
    this.map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Natural Earth via world-atlas' }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    installImageFactory(this.map);
    // What the map has actually drawn, for people and for the browser test: counts per layer.
    this.map.on('idle', () => {
      const distinct = (layer: string, key: string) =>
        this.map.getLayer(layer) ? new Set(this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.[key]))).size : 0;
      container.dataset.renderedLand = String(this.map.queryRenderedFeatures({ layers: ['land'] }).length);
      container.dataset.renderedVolumes = String(distinct('volumes-fill', 'intent_id'));
      container.dataset.renderedTracks = String(distinct('tracks-icon', 'id'));
      container.dataset.renderedConflicts = String(distinct('conflicts-ring', 'id'));
      container.dataset.renderedSites = String(distinct('sites-circle', 'id') + distinct('sites-fill', 'id'));
    });
    this.ready = new Promise((resolve) => this.map.on('load', () => {
      this.addLayers();
      for (const [id, data] of this.pending) this.source(id)?.setData(data);
      this.pending.clear();
      resolve();
    }));
    for (const [layer, kind] of [
      ['tracks-icon', 'track'],
      ['volumes-fill', 'volume'],
      ['conflicts-ring', 'conflict'],
      ['sites-circle', 'site'],
      ['sites-fill', 'site'],
    ] as const) {
      this.map.on('click', layer, (e: MapLayerMouseEvent) => {
        const f = e.features?.[0];
        if (!f) return;
        const id = String(f.properties?.id ?? f.properties?.intent_id ?? '');
        onSelect({ layer: kind, id, feature: f as unknown as Feature }, e.lngLat);
      });
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  setVolumes(volumes: FeatureCollection, labels: FeatureCollection): void {
    this.set('volumes', volumes);
    this.set('volume-labels', labels);
  }

  setTracks(tracks: FeatureCollection, leaders: FeatureCollection): void {
    this.set('tracks', tracks);
    this.set('leaders', leaders);
  }

  setConflicts(points: FeatureCollection, links: FeatureCollection): void {
    this.set('conflicts', points);
    this.set('conflict-links', links);
  }

  setSites(sites: FeatureCollection): void {
    this.set('sites', sites);
  }

  setLayerVisible(group: 'volumes' | 'tracks' | 'conflicts' | 'sites' | 'labels', visible: boolean): void {
    const layers: Record<typeof group, string[]> = {
      volumes: ['volumes-fill', 'volumes-line', 'volumes-conflict'],
      tracks: ['leaders-line', 'tracks-icon'],
      conflicts: ['conflict-links-line', 'conflicts-ring'],
      sites: ['sites-fill', 'sites-line', 'sites-circle'],
      labels: ['volume-labels-symbol', 'tracks-label', 'sites-label'],
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

  private set(id: string, data: FeatureCollection): void {
    const source = this.map.isStyleLoaded() ? this.source(id) : undefined;
    if (source) source.setData(data);
    else this.pending.set(id, data);
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map.getSource(id) as GeoJSONSource | undefined;
  }

  private addLayers(): void {
    const m = this.map;
    for (const id of ['volumes', 'volume-labels', 'sites', 'leaders', 'tracks', 'conflicts', 'conflict-links']) {
      m.addSource(id, { type: 'geojson', data: empty() });
    }
    const polygonOnly = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as maplibregl.FilterSpecification;
    const pointOnly = ['==', ['geometry-type'], 'Point'] as maplibregl.FilterSpecification;
    m.addLayer({
      id: 'volumes-fill', type: 'fill', source: 'volumes',
      paint: {
        'fill-color': ['get', 'colour'],
        'fill-opacity': ['case', ['==', ['get', 'state'], 'Ended'], 0.03, ['==', ['get', 'active'], false], 0.05, 0.14],
      },
    });
    m.addLayer({
      id: 'volumes-line', type: 'line', source: 'volumes',
      paint: {
        'line-color': ['get', 'colour'],
        'line-width': 1.5,
        'line-opacity': ['case', ['==', ['get', 'state'], 'Ended'], 0.4, ['==', ['get', 'active'], false], 0.6, 0.95],
      },
    });
    m.addLayer({
      id: 'volumes-conflict', type: 'line', source: 'volumes', filter: ['==', ['get', 'conflicted'], true],
      paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 3, 'line-dasharray': [2, 1] },
    });
    m.addLayer({
      id: 'sites-fill', type: 'fill', source: 'sites', filter: polygonOnly,
      paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.08 },
    });
    m.addLayer({
      id: 'sites-line', type: 'line', source: 'sites', filter: polygonOnly,
      paint: { 'line-color': SITE_COLOUR, 'line-width': 1.5, 'line-dasharray': [1, 1] },
    });
    m.addLayer({
      id: 'sites-circle', type: 'circle', source: 'sites', filter: pointOnly,
      paint: { 'circle-radius': 6, 'circle-color': '#0b3d1f', 'circle-stroke-color': SITE_COLOUR, 'circle-stroke-width': 2 },
    });
    m.addLayer({
      id: 'volume-labels-symbol', type: 'symbol', source: 'volume-labels',
      layout: { 'icon-image': ['get', 'label'], 'icon-anchor': 'bottom', 'icon-offset': [0, -2], 'icon-allow-overlap': true },
    });
    m.addLayer({
      id: 'sites-label', type: 'symbol', source: 'sites', filter: pointOnly,
      layout: { 'icon-image': ['get', 'label'], 'icon-anchor': 'left', 'icon-offset': [10, 0], 'icon-allow-overlap': true },
    });
    m.addLayer({
      id: 'leaders-line', type: 'line', source: 'leaders',
      paint: { 'line-color': ['get', 'colour'], 'line-width': 1, 'line-opacity': 0.8 },
    });
    m.addLayer({
      id: 'conflict-links-line', type: 'line', source: 'conflict-links',
      paint: { 'line-color': CONFLICT_COLOUR, 'line-width': 2, 'line-dasharray': [1, 1.5] },
    });
    m.addLayer({
      id: 'tracks-icon', type: 'symbol', source: 'tracks',
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-rotate': ['get', 'trk_deg'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    });
    m.addLayer({
      id: 'conflicts-ring', type: 'symbol', source: 'conflicts',
      layout: { 'icon-image': 'ring|' + CONFLICT_COLOUR, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
    m.addLayer({
      id: 'tracks-label', type: 'symbol', source: 'tracks',
      layout: { 'icon-image': ['get', 'label'], 'icon-anchor': 'top-left', 'icon-offset': [15, 9], 'icon-allow-overlap': true },
    });
  }
}

export function featureOf(geometry: Geometry, properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}
