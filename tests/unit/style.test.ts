import {
  Color,
  createPropertyExpression,
  type LayerSpecification,
  latest,
  type StyleSpecification,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import {
  buildStyle,
  DISTRICT_THEMES,
  HIGHLIGHT_LAYERS,
  highlightLayerOpacity,
  layerSwitch,
  SOURCES,
  shownInStyle,
  styleLayerGroups,
  styleLayerVisibility,
} from '../../src/map/style';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId } from '../../src/types/layers';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const features = buildMapFeatures(loadTopology(), places, content);
const themeDistricts = new ContentIndex(content, new PlaceIndex(places)).themeDistricts();
const style = (visibleLayers = [...DEFAULT_LAYERS]) => buildStyle({ features, visibleLayers, themeDistricts });

/**
 * The shader programs MapLibre compiles to draw a layer, named as its program cache keys them:
 * the program (fills with smoothed edges add an outline program, dashed lines use the SDF one)
 * and how each paint property that varies by feature reaches it (a_ per feature, z_ per feature
 * and zoom); the rest are uniforms.
 * Paint properties MapLibre leaves out of its key (switches, transitions) are left out here.
 */
function shaderPrograms(layer: LayerSpecification): string[] {
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const specs = (latest as unknown as Record<string, Record<string, { 'property-type'?: string }>>)[
    `paint_${layer.type}`
  ];
  const binders = Object.entries(paint)
    .filter(([name]) => specs?.[name]?.['property-type'] === 'data-driven')
    .map(([name, value]) => {
      const parsed = createPropertyExpression(value, name, specs?.[name] as never);
      if (parsed.result === 'error') throw new Error(`${layer.id}: ${name}`);
      const kind = parsed.value.kind;
      // MapLibre evaluates a value that depends on the zoom alone once per frame: a uniform.
      if (kind === 'constant' || kind === 'camera') return null;
      return `${kind === 'source' ? 'a' : 'z'}_${name}`;
    })
    .filter((binder) => binder !== null)
    .sort()
    .join('/');
  const key = (program: string) => `${program}/${binders}`;
  // MapLibre skips a fill or line whose opacity is 0 for every feature (districts-hit): no program.
  const opacity = paint[`${layer.type}-opacity`];
  if ((layer.type === 'fill' || layer.type === 'line') && opacity === 0) return [];
  if (layer.type === 'fill')
    return paint['fill-antialias'] === false ? [key('fill')] : [key('fill'), key('fillOutline')];
  if (layer.type === 'line') return [key(paint['line-dasharray'] ? 'lineSDF' : 'line')];
  return [key(layer.type)];
}

/**
 * The pipelines a software renderer compiles for a layer: each program in each drawing state.
 * MapLibre draws a fill in its opaque pass (no blending, depth written) only when its colour is
 * one opaque value and its opacity 1; every other fill, and every line, in the translucent pass.
 */
function pipelines(layer: LayerSpecification): string[] {
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const colour = paint['fill-color'];
  const opaque =
    layer.type === 'fill' &&
    typeof colour === 'string' &&
    Color.parse(colour)?.a === 1 &&
    (paint['fill-opacity'] ?? 1) === 1;
  return shaderPrograms(layer).map((program) => `${program} ${opaque ? 'opaque' : 'translucent'}`);
}

/** The layers the first view draws: those shown (the highlight layers start switched off). */
const firstViewLayers = (built: StyleSpecification) => built.layers.filter(shownInStyle);

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
    expect(byId('flows-line')?.paint).toMatchObject({ 'line-layer-opacity': 0 });
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
    // (the main stem and the rest: a width each, see the pipelines below), and the theme outlines,
    // which hold only their theme's districts (themes with the same districts share one; see the
    // shader programs below).
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

  it('compiles no shader program at a layer switch or a highlight beyond those of the first view', () => {
    // A software renderer (SwiftShader) compiles a program in the frame that first draws it, about
    // 100 ms each: a switch that adds two was the longest task after idle (BENCHMARKS.md, 27). A
    // phone's GPU compiles faster, but each new program is still a stall on the switch's frame.
    const built = style();
    const firstView = new Set(firstViewLayers(built).flatMap(shaderPrograms));
    const groups = styleLayerGroups();
    const added = Object.fromEntries(
      [...LAYER_IDS, 'highlights'].map((group) => {
        const members: readonly string[] = group === 'highlights' ? HIGHLIGHT_LAYERS : groups[group as LayerId];
        const programs = built.layers.filter((layer) => members.includes(layer.id)).flatMap(shaderPrograms);
        return [group, [...new Set(programs.filter((program) => !firstView.has(program)))].sort()];
      }),
    );
    expect(added).toEqual(Object.fromEntries([...LAYER_IDS, 'highlights'].map((group) => [group, []])));
    // And no layer of any kind draws with another program.
    expect([...new Set(built.layers.flatMap(shaderPrograms))].filter((program) => !firstView.has(program))).toEqual([]);
  });

  it('draws the first view with two pipelines: one for the fills, one for the lines', () => {
    // SwiftShader compiles each program in each drawing state in the frame that first uses it,
    // and that frame holds up every tile after it: 10 pipelines → 6 was 0.84–0.93 × time to idle
    // (BENCHMARKS.md, 32); one program for every line took the highlights' own off the first
    // view's frame and off the first hover (36). A layer whose paint would add one should share.
    expect([...new Set(firstViewLayers(style()).flatMap(pipelines))].sort()).toEqual([
      // every fill: districts, the urban system; later the theme tints and, for a chosen region
      // or passage, its districts (member-fill), each with its colour, alpha included, per feature
      'fill/a_fill-color translucent',
      // every line: borders, rivers, the urban system's outline; later the highlights (district
      // outlines, the selected region's dashed outline), the themes' and the schematic lines:
      // colour per feature, width per feature and zoom, a dash pattern
      'lineSDF/a_line-color/z_line-width translucent',
    ]);
  });

  it('keeps the rivers to small scales, where Natural Earth does not mislead', () => {
    const rivers = style().layers.filter((layer) => layer.id.endsWith('river-line') || layer.id === 'rivers-line');
    expect(rivers.map((layer) => layer.id).sort()).toEqual(['main-river-line', 'rivers-line']);
    for (const layer of rivers) expect(layer.maxzoom, layer.id).toBeLessThanOrEqual(9);
  });
});
