// Offline basemap: Natural Earth countries from the world-atlas npm package (TopoJSON), turned
// into GeoJSON in the browser and drawn as fill and line layers. The style needs no tile server,
// glyphs or sprites, so the console works on a network that reaches nothing but the hub.

import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, LineString, MultiLineString, Feature } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';

export const palette = {
  background: '#05080c',
  land: '#18212b',
  border: '#3a4654',
  coast: '#55667a',
  graticule: '#16202b',
};

export async function loadBasemapStyle(): Promise<StyleSpecification> {
  const response = await fetch(countriesUrl);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b) as MultiLineString;
  const coast = mesh(topology, topology.objects.countries, (a, b) => a === b) as MultiLineString;
  return {
    version: 8,
    name: 'deconflict-offline',
    sources: {
      countries: { type: 'geojson', data: countries, tolerance: 0.2 },
      borders: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: borders } },
      coast: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: coast } },
      graticule: { type: 'geojson', data: graticule(10) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': palette.background } },
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': palette.graticule, 'line-width': 1 } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': palette.land } },
      { id: 'coast', type: 'line', source: 'coast', paint: { 'line-color': palette.coast, 'line-width': 0.8 } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': palette.border, 'line-width': 0.8, 'line-dasharray': [3, 2] } },
    ],
  };
}

function graticule(stepDeg: number): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (let lon = -180; lon <= 180; lon += stepDeg) {
    const coords: [number, number][] = [];
    for (let lat = -80; lat <= 80; lat += 2) coords.push([lon, lat]);
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
  }
  for (let lat = -80; lat <= 80; lat += stepDeg) {
    const coords: [number, number][] = [];
    for (let lon = -180; lon <= 180; lon += 2) coords.push([lon, lat]);
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
  }
  return { type: 'FeatureCollection', features };
}
