import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { buildStyle, DISTRICT_THEMES, styleLayerGroups, styleLayerVisibility } from '../../src/map/style';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId } from '../../src/types/layers';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const features = buildMapFeatures(loadTopology(), places, content);
const themeDistricts = new ContentIndex(content, new PlaceIndex(places)).themeDistricts();
const style = (lang: 'zh' | 'en' = 'zh', visibleLayers = [...DEFAULT_LAYERS]) =>
  buildStyle({ features, lang, visibleLayers, themeDistricts });

describe('buildStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style())).toEqual([]);
    expect(validateStyleMin(style('en', [...LAYER_IDS]))).toEqual([]);
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

  it('labels in the chosen language', () => {
    const label = (lang: 'zh' | 'en') => style(lang).layers.find((layer) => layer.id === 'labels-district');
    expect(JSON.stringify(label('zh')?.layout)).toContain('"nameZh"');
    expect(JSON.stringify(label('en')?.layout)).toContain('"nameEn"');
  });

  it('shows exactly the style layers of the visible public layers', () => {
    const groups = styleLayerGroups();
    const built = style('zh', ['districts', 'population']);
    const layer = (id: string) => built.layers.find((candidate) => candidate.id === id);
    for (const id of groups.population) expect(layer(id)?.layout?.visibility, id).not.toBe('none');
    for (const id of groups['urban-system']) expect(layer(id)?.layout?.visibility, id).toBe('none');
    for (const ids of Object.values(groups)) for (const id of ids) expect(layer(id), id).toBeDefined();
  });

  it('leaves out the plain district fill under a fill that covers every district, and the member tint until needed', () => {
    const hidden = (layers: LayerId[], id: string) =>
      style('zh', layers).layers.find((layer) => layer.id === id)?.layout?.visibility === 'none';
    expect(hidden(['districts'], 'districts-fill')).toBe(false);
    expect(hidden(['districts', 'urban-system'], 'districts-fill')).toBe(true);
    expect(hidden(['districts', 'population'], 'districts-fill')).toBe(true);
    expect(hidden(['districts', 'urban-system'], 'districts-line')).toBe(false);
    expect(hidden([...LAYER_IDS], 'member-fill')).toBe(true);
    expect(styleLayerVisibility(new Set(['districts'])).get('districts-fill')).toBe('visible');
  });

  it('highlights theme districts by code and never uses feature-state in a filter', () => {
    const built = style();
    for (const theme of DISTRICT_THEMES) {
      const fill = built.layers.find((layer) => layer.id === `theme-${theme}-fill`);
      expect(JSON.stringify(fill && 'filter' in fill ? fill.filter : null)).toContain(
        JSON.stringify(themeDistricts[theme]),
      );
    }
    for (const layer of built.layers) {
      if ('filter' in layer) expect(JSON.stringify(layer.filter)).not.toContain('feature-state');
    }
  });

  it('keeps the rivers to small scales, where Natural Earth does not mislead', () => {
    const rivers = style().layers.find((layer) => layer.id === 'rivers-line');
    expect(rivers?.maxzoom).toBeLessThanOrEqual(9);
  });
});
