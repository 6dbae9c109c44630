/**
 * The layer registry against what is built from it: every visual it registers is drawn by the
 * built style (and draws something there) and has its legend entry, and the style draws nothing
 * a layer does not register, apart from the layers that belong to no thematic layer.
 */

import { type FilterSpecification, featureFilter, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import {
  DEFAULT_LAYERS,
  DISTRICT_THEMES,
  drawsSchematic,
  LAYER_IDS,
  LAYERS,
  layerColour,
  layersDrawingSchematic,
  schematicPlace,
  visualsOf,
} from '../../src/layers/registry';
import { buildStyle, clickableLayers, HIGHLIGHT_LAYERS, styleLayerGroups } from '../../src/map/style';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const features = buildMapFeatures(loadTopology(), places, content);
const themeDistricts = new ContentIndex(content, new PlaceIndex(places)).themeDistricts();
const style = buildStyle({
  features,
  visibleLayers: [...LAYER_IDS],
  populationMeasure: DEFAULT_POPULATION_MEASURE,
  themeDistricts,
});

/** Style layers that belong to no thematic layer: always drawn, or drawn for a selection or hover. */
const NOT_THEMATIC = ['provinces-line', 'districts-hit', ...HIGHLIGHT_LAYERS];

/** The features of a style layer's source its filter keeps. */
function drawnBy(layer: LayerSpecification): Feature[] {
  if (!('source' in layer) || typeof layer.source !== 'string') return [];
  const source = style.sources[layer.source] as { data: { features: Feature[] } };
  const filter = featureFilter(('filter' in layer ? layer.filter : undefined) as FilterSpecification, 'filter');
  return source.data.features.filter((feature) =>
    filter.filter({ zoom: layer.minzoom ?? 0 }, {
      type: 1,
      properties: feature.properties ?? {},
    } as never),
  );
}

describe('the layer registry', () => {
  it('lists each layer once, and shows districts and the urban system by default', () => {
    expect(new Set(LAYER_IDS).size).toBe(LAYERS.length);
    expect(DEFAULT_LAYERS).toEqual(['districts', 'urban-system']);
  });

  it('gives a colour to every layer that draws in its own colour', () => {
    for (const id of LAYER_IDS) {
      const ownColour = visualsOf(id).some(({ legend }) => 'colour' in legend && legend.colour === 'own');
      if (ownColour) expect(layerColour(id, 'none'), id).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('has every registered visual drawn by the built style, and nothing else drawn but the non-thematic layers', () => {
    const registered = LAYER_IDS.flatMap((id) => visualsOf(id).flatMap((visual) => visual.styleLayers));
    expect(new Set(registered).size, 'a style layer registered twice').toBe(registered.length);
    const built = style.layers.map((layer) => layer.id);
    expect([...built].sort()).toEqual([...registered, ...NOT_THEMATIC].sort());
    expect(Object.values(styleLayerGroups()).flat().sort()).toEqual([...registered].sort());
  });

  it('registers only style layers that draw something', () => {
    for (const id of LAYER_IDS) {
      for (const styleLayer of visualsOf(id).flatMap((visual) => visual.styleLayers)) {
        const layer = style.layers.find((candidate) => candidate.id === styleLayer);
        expect(layer && drawnBy(layer).length, `${id}: ${styleLayer}`).toBeGreaterThan(0);
      }
    }
    for (const theme of DISTRICT_THEMES) expect(themeDistricts[theme].length, theme).toBeGreaterThan(0);
  });

  it('draws schematic lines and nodes for exactly the layers that have some, and selects their place on a click', () => {
    for (const kind of ['line', 'node'] as const) {
      const withContent = new Set(content.schematic.filter((item) => item.kind === kind).map((item) => item.layer));
      expect(layersDrawingSchematic(kind), kind).toEqual(LAYER_IDS.filter((id) => withContent.has(id)));
    }
    for (const id of layersDrawingSchematic('line')) {
      expect(clickableLayers()).toContain(`schematic-${id}-line`);
      expect(schematicPlace(id), id).not.toBeNull();
    }
    expect(drawsSchematic('yuzhong', 'line')).toBe(false);
    expect(drawsSchematic('urban-system', 'node')).toBe(false);
  });

  it('has a legend entry for every visual, nodes included, and none for what a layer does not draw', () => {
    const swatches = (id: (typeof LAYER_IDS)[number]) =>
      visualsOf(id).map(({ legend }) => ('swatch' in legend ? legend.swatch : legend.scale));
    // Yuzhong has a node and no schematic line: no dashed line in its legend.
    expect(swatches('yuzhong')).toEqual(['tint', 'node']);
    expect(swatches('innovation')).toEqual(['tint', 'dashed', 'node']);
    expect(swatches('ecology')).toEqual(['tint']);
    expect(swatches('population')).toEqual(['population', 'arrow', 'dashed-arrow']);
    expect(swatches('urban-system')).toEqual(['urban-system', 'line']);
    for (const id of LAYER_IDS) expect(swatches(id).length, id).toBeGreaterThan(0);
  });
});
