import { describe, expect, it } from 'vitest';
import { BASEMAP_MIN_ZOOM, contextLayers, kindOf, resolved, sourcesOfStyle } from '../../src/map/basemap';
import { isArchive, parseBasemapSetting } from '../../src/map/basemap-setting';
import { BASEMAP_COLOURS } from '../../src/map/palette';

describe('the basemap setting (the meta element the build writes)', () => {
  it('reads a URL and its credit, and nothing from a missing or malformed element', () => {
    expect(parseBasemapSetting('{"url":"https://a.example/b.pmtiles","attribution":"© OSM"}')).toEqual({
      url: 'https://a.example/b.pmtiles',
      attribution: '© OSM',
    });
    expect(parseBasemapSetting('{"url":"./b.pmtiles"}')).toEqual({ url: './b.pmtiles', attribution: '' });
    for (const bad of [null, undefined, '', 'https://a.example/b.pmtiles', '{"url":3}', '{"url":" "}', 'null', '[]']) {
      expect(parseBasemapSetting(bad)).toBeNull();
    }
  });

  it('tells an archive from a style', () => {
    expect(isArchive('https://a.example/cq.pmtiles')).toBe(true);
    expect(isArchive('https://a.example/cq.pmtiles?v=2')).toBe(true);
    expect(isArchive('pmtiles://https://a.example/cq')).toBe(true);
    expect(isArchive('https://a.example/style.json')).toBe(false);
  });
});

describe('the basemap’s layers', () => {
  const style = {
    sources: {
      omt: { type: 'vector', url: '../tiles.json', attribution: 'OSM' },
      zxy: { type: 'vector', tiles: ['tiles/{z}/{x}/{y}.pbf'] },
      archive: { type: 'vector', url: 'pmtiles://https://a.example/cq.pmtiles' },
      hills: { type: 'raster-dem', url: 'dem.json' },
      labelsOnly: { type: 'vector', tiles: ['labels/{z}/{x}/{y}.pbf'] },
    },
    layers: [
      { id: 'bg', type: 'background' },
      { id: 'water', type: 'fill', source: 'omt', 'source-layer': 'water' },
      { id: 'river', type: 'line', source: 'omt', 'source-layer': 'waterway' },
      { id: 'road-minor', type: 'line', source: 'omt', 'source-layer': 'transportation' },
      { id: 'road-major', type: 'line', source: 'omt', 'source-layer': 'transportation' },
      { id: 'place', type: 'symbol', source: 'omt', 'source-layer': 'place' },
      { id: 'roads', type: 'line', source: 'zxy', 'source-layer': 'roads' },
      { id: 'buildings', type: 'fill', source: 'archive', 'source-layer': 'buildings' },
      { id: 'hillshade', type: 'hillshade', source: 'hills' },
      { id: 'labels', type: 'symbol', source: 'labelsOnly', 'source-layer': 'places' },
    ],
  };

  it('keeps a style’s vector sources (URLs resolved against the style) and the water, roads and buildings they carry', () => {
    expect(sourcesOfStyle(style, 'https://maps.example/styles/light/style.json')).toEqual([
      {
        id: 'omt',
        spec: { type: 'vector', url: 'https://maps.example/styles/tiles.json', attribution: 'OSM' },
        sourceLayers: ['water', 'waterway', 'transportation'],
      },
      {
        id: 'zxy',
        spec: { type: 'vector', tiles: ['https://maps.example/styles/light/tiles/{z}/{x}/{y}.pbf'] },
        sourceLayers: ['roads'],
      },
      {
        id: 'archive',
        spec: { type: 'vector', url: 'pmtiles://https://a.example/cq.pmtiles' },
        sourceLayers: ['buildings'],
      },
    ]);
    expect(resolved('/t/{z}/{x}/{y}.pbf', 'https://maps.example/s/style.json')).toBe(
      'https://maps.example/t/{z}/{x}/{y}.pbf',
    );
  });

  it('draws no labels, only fills and lines in the atlas’s colours from city zoom', () => {
    for (const name of ['place', 'places', 'poi', 'transportation_name', 'water_name', 'boundary']) {
      expect(kindOf(name)).toBeUndefined();
      expect(contextLayers('basemap-x', name)).toEqual([]);
    }
    const layers = ['water', 'waterway', 'roads', 'transportation', 'building', 'buildings'].flatMap((name) =>
      contextLayers('basemap-x', name),
    );
    const ids = layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of layers) {
      expect(['fill', 'line']).toContain(layer.type);
      expect(layer.id.startsWith('basemap-')).toBe(true);
      expect(layer.minzoom).toBeGreaterThanOrEqual(BASEMAP_MIN_ZOOM);
      const paint = layer.paint as Record<string, unknown>;
      expect(Object.values(BASEMAP_COLOURS)).toContain(paint['fill-color'] ?? paint['line-color']);
    }
  });
});
