import { Color, createExpression } from '@maplibre/maplibre-gl-style-spec';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import {
  DEFAULT_POPULATION_MEASURE,
  POPULATION_MEASURE_IDS,
  type PopulationMeasureId,
} from '../../src/layers/population-measures';
import { DEFAULT_LAYERS, type LayerId, layerColour } from '../../src/layers/registry';
import { districtFills } from '../../src/map/district-colours';
import { COLOURS, channels } from '../../src/map/palette';
import { buildStyle } from '../../src/map/style';
import { textWidthEm, wrapLines } from '../../src/static-map/labels';
import { cameraOf, projectionOf } from '../../src/static-map/projection';
import { StaticMap, type StaticMapInput } from '../../src/static-map/StaticMap';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const topology = loadTopology();
const features = buildMapFeatures(topology, places, content);
const placeIndex = new PlaceIndex(places);
const themeDistricts = new ContentIndex(content, placeIndex).themeDistricts();
const SIZE = { width: 800, height: 600 };
const CAMERA = { center: [107.8, 30.0] as [number, number], zoom: 6.5 };

function svgOf(
  overrides: Partial<StaticMapInput> & {
    layers?: LayerId[];
    population?: PopulationMeasureId;
    sel?: string | null;
    lang?: 'zh' | 'en';
  } = {},
) {
  const {
    layers = [...DEFAULT_LAYERS],
    population = DEFAULT_POPULATION_MEASURE,
    sel = null,
    lang = 'zh',
    ...rest
  } = overrides;
  return renderToString(
    <StaticMap
      features={features}
      places={placeIndex}
      themeDistricts={themeDistricts}
      state={{ lang, layers, population, sel }}
      view={CAMERA}
      size={SIZE}
      {...rest}
    />,
  );
}

/** The attributes of the element carrying `data-id="<id>"`. */
function shapeOf(svg: string, id: string): Record<string, string> {
  const tag = svg.match(new RegExp(`<path[^>]*data-id="${id}"[^>]*>`))?.[0];
  if (!tag) throw new Error(`no shape with data-id ${id}`);
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

/** MapLibre's own evaluation of a style layer's fill colour for a district, as #rrggbb. */
function styleFill(
  layers: LayerId[],
  styleLayer: string,
  properties: Record<string, unknown>,
  populationMeasure: PopulationMeasureId = DEFAULT_POPULATION_MEASURE,
): string {
  const style = buildStyle({ features, visibleLayers: layers, populationMeasure, themeDistricts });
  const layer = style.layers.find((candidate) => candidate.id === styleLayer);
  const colour = (layer?.paint as Record<string, unknown> | undefined)?.['fill-color'];
  const parsed = createExpression(colour, 'fill-color');
  if (parsed.result !== 'success') throw new Error('the style’s fill colour does not parse');
  const raw = parsed.value.evaluate({ zoom: 7 }, { type: 'Polygon', properties } as never) as unknown;
  const value = raw instanceof Color ? raw : Color.parse(String(raw));
  if (!value) throw new Error(`not a colour: ${String(raw)}`);
  return `#${[value.r, value.g, value.b]
    .map((channel) =>
      Math.round(channel * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

describe('the static map', () => {
  it('is an <svg> with a viewBox of its size and no style attribute', () => {
    const svg = svgOf();
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 800 600"/);
    expect(svg).not.toMatch(/\sstyle=/);
  });

  it('gives every district and region its own shape with its id', () => {
    const svg = svgOf();
    for (const feature of [...features.districts.features, ...features.regions.features]) {
      const id = String(feature.properties?.code ?? feature.properties?.id);
      expect(svg.match(new RegExp(`data-id="${id}"`, 'g')), id).toHaveLength(1);
    }
    expect(shapeOf(svg, '500101').d).toMatch(/^M[\d.-]+,[\d.-]+L/);
    expect(shapeOf(svg, 'wan-kai-yun').d).toMatch(/^M/);
  });

  it('fills each district in the colour MapLibre evaluates from the style for the same layers', () => {
    const cases: [LayerId[], string, PopulationMeasureId][] = [
      [['districts', 'urban-system'], 'urban-system-fill', DEFAULT_POPULATION_MEASURE],
      ...POPULATION_MEASURE_IDS.map((measure): [LayerId[], string, PopulationMeasureId] => [
        ['districts', 'population'],
        'population-fill',
        measure,
      ]),
    ];
    for (const [layers, styleLayer, population] of cases) {
      const svg = svgOf({ layers, population });
      const fills = new Set<string>();
      for (const feature of features.districts.features) {
        const code = String(feature.properties?.code);
        const fill = styleFill(layers, styleLayer, feature.properties ?? {}, population);
        expect(shapeOf(svg, code).fill, `${code} under ${layers.join()} by ${population}`).toBe(fill);
        fills.add(fill);
      }
      // Every scale spreads the districts over several of its classes.
      expect(fills.size, population).toBeGreaterThanOrEqual(4);
    }
    expect(shapeOf(svgOf({ layers: ['districts'] }), '500101').fill).toBe(COLOURS.districtFill);
  });

  it('draws a theme’s tint over the districts it names, at the style’s colour and opacity', () => {
    const [code] = themeDistricts['wan-kai-yun'];
    expect(code).toBeDefined();
    const svg = svgOf({ layers: ['districts', 'wan-kai-yun'] });
    const fills = districtFills(
      features.districts.features.find((feature) => feature.properties?.code === code)?.properties as never,
      new Set<LayerId>(['districts', 'wan-kai-yun']),
      themeDistricts,
      DEFAULT_POPULATION_MEASURE,
    );
    const tint = fills[1];
    expect(tint?.colour).toBe('#332288');
    expect(svg).toContain(`fill="${tint?.colour}" fill-opacity="${tint?.opacity}"`);
  });

  it('fades the flow arrows’ heads as MapLibre does, so that close in they do not cover the places', () => {
    const style = buildStyle({
      features,
      visibleLayers: ['districts', 'population'],
      populationMeasure: DEFAULT_POPULATION_MEASURE,
      themeDistricts,
    });
    const head = style.layers.find((layer) => layer.id === 'flows-observed-head');
    const parsed = createExpression(((head?.paint ?? {}) as Record<string, unknown>)['fill-opacity'], 'fill-opacity');
    if (parsed.result !== 'success') throw new Error('the heads’ opacity does not parse');
    const headOpacities = (zoom: number) =>
      [
        ...svgOf({ layers: ['districts', 'population'], view: { center: CAMERA.center, zoom } }).matchAll(
          /<path[^>]*fill-opacity="([\d.]+)"[^>]*>/g,
        ),
      ]
        .filter((match) => match[0].includes(`fill="${layerColour('population', COLOURS.hover)}"`))
        .map((match) => Number(match[1]));
    for (const zoom of [6.5, 7.9, 9]) {
      const expected = parsed.value.evaluate({ zoom }, { type: 'Polygon', properties: {} } as never) as number;
      const drawn = headOpacities(zoom);
      expect(drawn.length, `heads at zoom ${zoom}`).toBeGreaterThan(0);
      for (const opacity of drawn) expect(opacity).toBeCloseTo(expected, 5);
    }
    expect(headOpacities(6.5)[0]).toBe(1);
    expect(headOpacities(9)[0]).toBe(0);
  });

  it('projects a point to the pixel MapLibre’s Web Mercator gives it at the same camera', () => {
    const world = 512 * 2 ** CAMERA.zoom;
    const x = (lon: number) => ((lon + 180) / 360) * world;
    const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
    const wanzhou: [number, number] = [108.40163, 30.7314];
    const [px, py] = projectionOf(CAMERA, SIZE)(wanzhou) ?? [];
    expect(px).toBeCloseTo(SIZE.width / 2 + x(wanzhou[0]) - x(CAMERA.center[0]), 6);
    expect(py).toBeCloseTo(SIZE.height / 2 + y(wanzhou[1]) - y(CAMERA.center[1]), 6);
  });

  it('fits bounds to a camera that shows them', () => {
    const camera = cameraOf(
      {
        bounds: [
          [105.28642, 28.16375],
          [110.19485, 32.20343],
        ],
        padding: 20,
      },
      SIZE,
    );
    const project = projectionOf(camera, SIZE);
    const [west, north] = project([105.28642, 32.20343]) ?? [];
    const [east, south] = project([110.19485, 28.16375]) ?? [];
    expect(Math.min(west ?? 0, north ?? 0)).toBeGreaterThanOrEqual(19.9);
    expect(Math.max(east ?? 0, south ?? 0) - SIZE.width).toBeLessThanOrEqual(0.1);
    expect(Math.abs((west ?? 0) - 20) < 0.1 || Math.abs((north ?? 0) - 20) < 0.1).toBe(true);
  });

  it('outlines the selection in the selection colour, and a selected region dashed', () => {
    const district = svgOf({ sel: '500101' });
    expect(district).toMatch(
      new RegExp(`<g data-kind="selection"[^>]*>.*stroke="${COLOURS.selection}" stroke-width="3.5"`),
    );
    const region = svgOf({ sel: 'wan-kai-yun' });
    expect(region).toMatch(/stroke-dasharray="10.5 5.25"/);
    expect(svgOf()).not.toMatch(/<g data-kind="selection"[^>]*>\s*<path/);
  });

  it('names places as text, in the language of the state, not overlapping', () => {
    expect(svgOf({ lang: 'zh' })).toMatch(/<text[^>]*>万州区<\/text>/);
    expect(svgOf({ lang: 'en' })).toMatch(
      /<text[^>]*><tspan[^>]*>Wanzhou<\/tspan><tspan[^>]*>District<\/tspan><\/text>/,
    );
    expect(svgOf({ labels: false })).not.toContain('<text');
  });

  it('wraps English names at spaces as the HTML names wrap, and never a Chinese one', () => {
    // As the HTML name breaks it at 6 em (a reader's screenshot): five lines.
    expect(wrapLines('Youyang Tujia and Miao Autonomous County', 6)).toEqual([
      'Youyang',
      'Tujia and',
      'Miao',
      'Autonomous',
      'County',
    ]);
    expect(wrapLines('Wanzhou District', 6)).toEqual(['Wanzhou', 'District']);
    expect(wrapLines('Yuzhong', 6)).toEqual(['Yuzhong']);
    const english = svgOf({ lang: 'en' });
    const wrapped = [...english.matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)];
    expect(wrapped.length).toBeGreaterThan(0);
    for (const [, spans] of wrapped) {
      const lines = [...(spans ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1] ?? '');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) if (line.includes(' ')) expect(textWidthEm(line)).toBeLessThanOrEqual(8);
    }
    expect(svgOf({ lang: 'zh' })).not.toContain('<tspan');
  });

  it('leaves out the rivers and borders of a layer that is switched off', () => {
    expect(svgOf({ layers: ['urban-system'] })).not.toContain('data-kind="rivers"');
    expect(svgOf({ layers: ['districts'] })).toContain('data-kind="rivers"');
    expect(channels(shapeOf(svgOf({ layers: ['urban-system'] }), 'northeast').stroke ?? '')).toEqual(
      channels(COLOURS.regionLine),
    );
  });
});
