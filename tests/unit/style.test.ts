import { Color, type LayerSpecification, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { DEFAULT_POPULATION_MEASURE, type PopulationMeasureId } from '../../src/layers/population-measures';
import { DEFAULT_LAYERS, DISTRICT_THEMES, LAYER_IDS, type LayerId, layerColour } from '../../src/layers/registry';
import {
  COLOURS,
  NO_DATA_FILL,
  POPULATION_FILLS,
  TRANSPARENT,
  URBAN_SYSTEM_FILLS,
  URBAN_SYSTEM_UNCLASSED_FILL,
} from '../../src/map/palette';
import {
  buildStyle,
  HIGHLIGHT_LAYERS,
  highlightLayerOpacity,
  layerSwitch,
  SOURCES,
  shownInStyle,
  styleLayerGroups,
  styleLayerVisibility,
} from '../../src/map/style';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const features = buildMapFeatures(loadTopology(), places, content);
const themeDistricts = new ContentIndex(content, new PlaceIndex(places)).themeDistricts();
const style = (
  visibleLayers = [...DEFAULT_LAYERS],
  populationMeasure: PopulationMeasureId = DEFAULT_POPULATION_MEASURE,
) => buildStyle({ features, visibleLayers, populationMeasure, themeDistricts });

describe('buildStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style())).toEqual([]);
    expect(validateStyleMin(style([...LAYER_IDS]))).toEqual([]);
  });

  it('needs nothing from the network: no glyphs, no sprite, only inline GeoJSON sources', () => {
    const built = style();
    expect(built.glyphs).toBeUndefined();
    expect(built.sprite).toBeUndefined();
    for (const source of Object.values(built.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('draws no text: place names are HTML over the map (map-labels.ts), so no glyphs are rasterised', () => {
    const built = style([...LAYER_IDS]);
    expect(built.layers.filter((layer) => layer.type === 'symbol').map((layer) => layer.id)).toEqual([]);
    const base = built.sources[SOURCES.base] as unknown as { data: { features: { properties: { kind: string } }[] } };
    const kinds = new Set(base.data.features.map((feature) => feature.properties.kind));
    expect([...kinds].sort()).toEqual(['district', 'province', 'region', 'river']);
  });

  it('shows exactly the style layers of the visible public layers', () => {
    const groups = styleLayerGroups();
    const built = style(['districts', 'population']);
    const layer = (id: string) => built.layers.find((candidate) => candidate.id === id);
    const shown = (id: string) => {
      const found = layer(id);
      return found ? shownInStyle(found) : undefined;
    };
    for (const id of groups.population) expect(shown(id), id).toBe(true);
    for (const id of groups['urban-system']) expect(shown(id), id).toBe(false);
    for (const ids of Object.values(groups)) for (const id of ids) expect(layer(id), id).toBeDefined();
  });

  it('leaves out the plain district fill under a fill that covers every district', () => {
    const hidden = (layers: LayerId[], id: string) => {
      const layer = style(layers).layers.find((candidate) => candidate.id === id);
      return layer ? !shownInStyle(layer) : undefined;
    };
    expect(hidden(['districts'], 'districts-fill')).toBe(false);
    expect(hidden(['districts', 'urban-system'], 'districts-fill')).toBe(true);
    expect(hidden(['districts', 'population'], 'districts-fill')).toBe(true);
    expect(hidden(['districts', 'urban-system'], 'districts-line')).toBe(false);
    expect(styleLayerVisibility(new Set(['districts'])).get('districts-fill')).toBe('visible');
  });

  it('switches fills and lines by layer opacity (no re-tiling), and has no other kind of layer', () => {
    const built = style(['districts']);
    const byId = (id: string) => built.layers.find((layer) => layer.id === id);
    const populationFill = byId('population-fill');
    expect(populationFill?.layout?.visibility).toBeUndefined();
    expect(populationFill?.paint).toMatchObject({ 'fill-layer-opacity': 0 });
    expect(byId('flows-proposed-line')?.paint).toMatchObject({ 'line-layer-opacity': 0 });
    expect(byId('schematic-innovation-line')?.paint).toMatchObject({ 'line-layer-opacity': 0 });
    // Anything else would be switched by visibility, which re-tiles its source (see layerSwitch).
    // No background layer either: the map's container shows the land colour (atlas-map.ts).
    expect(new Set(built.layers.map((layer) => layer.type))).toEqual(new Set(['fill', 'line']));
    expect(byId('districts-fill')?.paint).toMatchObject({ 'fill-layer-opacity': 1 });
    expect([layerSwitch('fill'), layerSwitch('line'), layerSwitch('symbol'), layerSwitch('circle')]).toEqual([
      'fill-layer-opacity',
      'line-layer-opacity',
      'visibility',
      'visibility',
    ]);
  });

  it('switches the highlight layers by layer opacity, on only while a flag or a hover needs them', () => {
    const built = style([...LAYER_IDS]);
    for (const id of HIGHLIGHT_LAYERS) {
      const layer = built.layers.find((candidate) => candidate.id === id);
      const property = layer ? layerSwitch(layer.type) : 'missing';
      // Not by visibility: switching it on must not re-tile the source.
      expect(layer?.layout?.visibility, id).not.toBe('none');
      // Off at first: the first view draws none of them (drawn unlit, they cost every frame).
      expect(layer?.paint, id).toMatchObject({ [property]: 0 });
      // Unlit while on without a flag: each feature's opacity is 0, or its colour transparent.
      expect(JSON.stringify(layer?.paint), id).toMatch(
        /opacity":\["case",.*,0\]|color":\["case",.*"rgba\(0, 0, 0, 0\)"\]/,
      );
    }
    const districts = (key: string) => ({ kind: 'district' as const, key });
    const regions = (key: string) => ({ kind: 'region' as const, key });
    expect(highlightLayerOpacity([], false)).toEqual({
      'member-fill': 0,
      'selected-region-line': 0,
      'district-highlight-line': 0,
    });
    expect(highlightLayerOpacity([], true)).toMatchObject({ 'district-highlight-line': 1, 'member-fill': 0 });
    expect(highlightLayerOpacity([districts('selected'), regions('context')], false)).toEqual({
      'member-fill': 0,
      'selected-region-line': 1,
      'district-highlight-line': 1,
    });
    expect(highlightLayerOpacity([regions('selected'), districts('member')], false)).toEqual({
      'member-fill': 1,
      'selected-region-line': 1,
      'district-highlight-line': 0,
    });
    expect(highlightLayerOpacity([districts('passage')], false)).toMatchObject({
      'member-fill': 1,
      'district-highlight-line': 1,
    });
  });

  it('highlights theme districts by code and never uses feature-state in a filter', () => {
    const built = style();
    for (const theme of DISTRICT_THEMES) {
      const codes = JSON.stringify(themeDistricts[theme]);
      const fill = built.layers.find((candidate) => candidate.id === `theme-${theme}-fill`);
      expect(JSON.stringify((fill?.paint as Record<string, unknown> | undefined)?.['fill-color']), theme).toContain(
        codes,
      );
      const line = built.layers.find((candidate) => candidate.id === `theme-${theme}-line`);
      expect(JSON.stringify(line && 'filter' in line ? line.filter : null), theme).toContain(codes);
    }
    for (const layer of built.layers) {
      if ('filter' in layer) expect(JSON.stringify(layer.filter)).not.toContain('feature-state');
    }
  });

  it('lets district layers share buckets: MapLibre tiles each group of equal layout once', () => {
    // MapLibre groups layers by type, source, filter, zoom range and layout (groupByLayout):
    // one bucket per group is built in the worker, however many layers draw it.
    const groupKey = (layer: LayerSpecification) =>
      JSON.stringify([
        layer.type,
        'source' in layer ? layer.source : null,
        'filter' in layer ? layer.filter : null,
        layer.minzoom,
        layer.maxzoom,
        layer.layout ?? null,
      ]);
    const layers = style().layers;
    const groupOf = (id: string) => {
      const layer = layers.find((candidate) => candidate.id === id);
      if (!layer) throw new Error(`no layer ${id}`);
      return groupKey(layer);
    };
    const sharing = [
      ['districts-fill', 'urban-system-fill', 'population-fill', 'member-fill', 'districts-hit'],
      ['districts-line', 'district-highlight-line'],
    ];
    for (const theme of DISTRICT_THEMES) sharing[0]?.push(`theme-${theme}-fill`);
    for (const group of sharing) expect(new Set(group.map(groupOf)).size, group.join(', ')).toBe(1);
    const baseGroups = new Set(
      layers.filter((layer) => 'source' in layer && layer.source === SOURCES.base).map(groupKey),
    );
    // provinces' borders, districts fill + line, urban-system regions, all regions, the rivers
    // (the main stem and the rest: a width each), and the theme outlines, which hold only their
    // theme's districts (themes with the same districts share one).
    const themeLists = new Set(DISTRICT_THEMES.map((theme) => JSON.stringify(themeDistricts[theme])));
    expect(baseGroups.size).toBe(7 + themeLists.size);
  });

  it('tiles the base source with a small buffer and a simplification below a pixel or so', () => {
    const source = style().sources[SOURCES.base];
    if (source?.type !== 'geojson') throw new Error('the base source is not GeoJSON');
    // MapLibre's defaults (128 px, 0.375 px) copy a quarter tile of every neighbour into each
    // tile and keep vertices no one can see: both cost worker time and vertices drawn per frame.
    // The widest line (a selection, 3.5 px) with a miter join reaches 3.5 px past its vertex.
    expect(source.buffer).toBeGreaterThanOrEqual(8);
    expect(source.buffer).toBeLessThanOrEqual(32);
    expect(source.tolerance).toBeGreaterThan(0.375);
    expect(source.tolerance).toBeLessThanOrEqual(1);
  });

  it('draws in the colours of the palette and of the layer registry only', () => {
    // Its red, green and blue, whatever its alpha (Color keeps them premultiplied).
    const rgb = (colour: string) => {
      const parsed = Color.parse(colour);
      if (!parsed) return null;
      return [parsed.r, parsed.g, parsed.b].map((channel) => Math.round((channel / parsed.a) * 255)).join(',');
    };
    const known = new Set(
      [
        ...Object.values(COLOURS),
        ...Object.values(URBAN_SYSTEM_FILLS),
        URBAN_SYSTEM_UNCLASSED_FILL,
        ...Object.values(POPULATION_FILLS).flat(),
        NO_DATA_FILL,
        ...LAYER_IDS.flatMap((id) => layerColour(id, COLOURS.hover)),
      ].map(rgb),
    );
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : [];
    const colours = style([...LAYER_IDS])
      .layers.flatMap((layer) => Object.entries(layer.paint ?? {}))
      .filter(([property]) => property.endsWith('-color'))
      .flatMap(([, value]) => strings(value))
      .filter((text) => Color.parse(text) !== undefined && text !== TRANSPARENT);
    expect(colours.length).toBeGreaterThan(20);
    for (const colour of colours) expect(known.has(rgb(colour)), colour).toBe(true);
  });

  it('keeps the rivers to small scales, where Natural Earth does not mislead', () => {
    const rivers = style().layers.filter((layer) => layer.id.endsWith('river-line') || layer.id === 'rivers-line');
    expect(rivers.map((layer) => layer.id).sort()).toEqual(['main-river-line', 'rivers-line']);
    for (const layer of rivers) expect(layer.maxzoom, layer.id).toBeLessThanOrEqual(9);
  });
});
