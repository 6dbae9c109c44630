/**
 * Builds the MapLibre style in code from local data only: no tiles, no sprite and no
 * `glyphs` URL, so labels (Chinese included) are drawn from the device's own fonts.
 * Pure: the same inputs give the same style, validated in unit tests.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { MapFeatures } from '../data/map-features';
import type { Lang } from '../types/atlas-data';
import type { LayerId } from '../types/layers';
import { COLOURS, NO_DATA_COLOUR, OUTFLOW_STEPS, URBAN_SYSTEM_COLOURS, URBAN_SYSTEM_ORDER } from './palette';

/** Thematic layers drawn as highlighted districts (taken from the passages tagged with them). */
export const DISTRICT_THEMES = ['yuzhong', 'innovation', 'wan-kai-yun', 'ecology', 'governance'] as const;
export type DistrictTheme = (typeof DISTRICT_THEMES)[number];

/** Thematic layers with schematic lines and nodes. */
const SCHEMATIC_THEMES: LayerId[] = ['yuzhong', 'innovation', 'wan-kai-yun', 'ecology', 'governance', 'population'];

export interface StyleInputs {
  features: MapFeatures;
  lang: Lang;
  visibleLayers: readonly LayerId[];
  /** District codes each thematic layer highlights. */
  themeDistricts: Record<DistrictTheme, string[]>;
}

/** Source ids, exported for the adapter's feature-state calls. */
export const SOURCES = {
  districts: 'districts',
  regions: 'regions',
  provinces: 'provinces',
  rivers: 'rivers',
  labels: 'labels',
  /** Schematic lines and nodes, flow arrows and their heads: one source, told apart by `kind`. */
  thematic: 'thematic',
} as const;

/** Style layers whose features a click selects, in priority order (small targets first). */
export function clickableLayers(): string[] {
  return [
    ...SCHEMATIC_THEMES.map((theme) => `schematic-${theme}-node`),
    ...SCHEMATIC_THEMES.map((theme) => `schematic-${theme}-line`),
    'flows-line',
    'flows-head',
  ];
}

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

function labelText(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'zh' ? 'nameZh' : 'nameEn'];
}

function outflowColour(): DataDrivenPropertyValueSpecification<string> {
  const steps = OUTFLOW_STEPS.slice(1).flat();
  return [
    'case',
    ['!', ['get', 'hasOutflow']],
    NO_DATA_COLOUR,
    ['step', ['get', 'outflow'], OUTFLOW_STEPS[0]?.[1] ?? NO_DATA_COLOUR, ...steps],
  ] as DataDrivenPropertyValueSpecification<string>;
}

function urbanSystemColour(): DataDrivenPropertyValueSpecification<string> {
  return [
    'match',
    ['get', 'urban'],
    ...URBAN_SYSTEM_ORDER.flatMap((id) => [id, URBAN_SYSTEM_COLOURS[id] as string]),
    COLOURS.districtFill,
  ] as unknown as DataDrivenPropertyValueSpecification<string>;
}

/** Which public layer each style layer belongs to; style layers not listed are always shown. */
export function styleLayerGroups(): Record<LayerId, string[]> {
  const groups: Record<LayerId, string[]> = {
    districts: ['districts-fill', 'districts-line'],
    'urban-system': ['urban-system-fill', 'urban-system-line'],
    population: ['population-fill', 'flows-line', 'flows-head'],
    yuzhong: [],
    innovation: [],
    'wan-kai-yun': [],
    ecology: [],
    governance: [],
  };
  for (const theme of DISTRICT_THEMES) groups[theme].push(`theme-${theme}-fill`, `theme-${theme}-line`);
  for (const theme of SCHEMATIC_THEMES) {
    groups[theme].push(`schematic-${theme}-line`, `schematic-${theme}-node`, `schematic-${theme}-label`);
  }
  return groups;
}

/** Fills that cover every district: under any of them the plain district fill is never seen. */
const COVERING_LAYERS: LayerId[] = ['urban-system', 'population'];

/**
 * The visibility of every grouped style layer for a set of visible public layers. The plain
 * district fill is left out when a covering fill is shown: one full-screen fill fewer per frame.
 */
export function styleLayerVisibility(visible: ReadonlySet<LayerId>): Map<string, 'visible' | 'none'> {
  const result = new Map<string, 'visible' | 'none'>();
  for (const [group, members] of Object.entries(styleLayerGroups())) {
    for (const id of members) result.set(id, visible.has(group as LayerId) ? 'visible' : 'none');
  }
  if (COVERING_LAYERS.some((layer) => visible.has(layer))) result.set('districts-fill', 'none');
  return result;
}

/** Drawn only while a region is selected or a passage is open (the adapter switches it). */
export const MEMBER_FILL = 'member-fill';

/**
 * Fills draw without antialiasing (`fill-antialias: false`) where a line layer already draws
 * their edges: MapLibre would otherwise draw every fill's outline once more in each frame.
 */
export function buildStyle(inputs: StyleInputs): StyleSpecification {
  const { features, lang } = inputs;
  const textFont = ['sans-serif'];
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': COLOURS.background } },
    {
      id: 'provinces-fill',
      type: 'fill',
      source: SOURCES.provinces,
      paint: { 'fill-antialias': false, 'fill-color': COLOURS.province },
    },
    {
      id: 'provinces-line',
      type: 'line',
      source: SOURCES.provinces,
      paint: { 'line-color': COLOURS.provinceLine, 'line-width': 0.8 },
    },
    {
      id: 'districts-fill',
      type: 'fill',
      source: SOURCES.districts,
      paint: { 'fill-antialias': false, 'fill-color': COLOURS.districtFill },
    },
    {
      id: 'urban-system-fill',
      type: 'fill',
      source: SOURCES.districts,
      paint: { 'fill-antialias': false, 'fill-color': urbanSystemColour(), 'fill-opacity': 0.85 },
    },
    {
      id: 'population-fill',
      type: 'fill',
      source: SOURCES.districts,
      paint: { 'fill-antialias': false, 'fill-color': outflowColour(), 'fill-opacity': 0.9 },
    },
    ...DISTRICT_THEMES.map(
      (theme): LayerSpecification => ({
        id: `theme-${theme}-fill`,
        type: 'fill',
        source: SOURCES.districts,
        filter: ['in', ['get', 'code'], ['literal', inputs.themeDistricts[theme]]],
        paint: { 'fill-antialias': false, 'fill-color': COLOURS.thematic[theme], 'fill-opacity': 0.28 },
      }),
    ),
    {
      id: MEMBER_FILL,
      type: 'fill',
      source: SOURCES.districts,
      paint: {
        'fill-antialias': false,
        'fill-color': COLOURS.selection,
        'fill-opacity': ['case', state('member'), 0.16, state('passage'), 0.22, 0],
      },
    },
    {
      id: 'rivers-line',
      type: 'line',
      source: SOURCES.rivers,
      // Natural Earth is generalised for 1:10m: beyond zoom 9 it strays from the district
      // borders, which already trace the rivers' mid-channels.
      maxzoom: 9,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', ['<=', ['get', 'rank'], 1], 1.8, 0.9], 9, 2.5],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.9, 9, 0],
      },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: SOURCES.districts,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 12, 1.6],
      },
    },
    {
      id: 'urban-system-line',
      type: 'line',
      source: SOURCES.regions,
      filter: ['in', ['get', 'id'], ['literal', [...URBAN_SYSTEM_ORDER]]],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOURS.regionLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 12, 3] },
    },
    ...DISTRICT_THEMES.map(
      (theme): LayerSpecification => ({
        id: `theme-${theme}-line`,
        type: 'line',
        source: SOURCES.districts,
        filter: ['in', ['get', 'code'], ['literal', inputs.themeDistricts[theme]]],
        paint: { 'line-color': COLOURS.thematic[theme], 'line-width': 1.5 },
      }),
    ),
    {
      id: 'selected-region-line',
      type: 'line',
      source: SOURCES.regions,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.selection,
        'line-width': ['case', state('selected'), 3.5, 2],
        'line-dasharray': [3, 1.5],
        'line-opacity': ['case', state('selected'), 1, state('context'), 0.7, 0],
      },
    },
    {
      // One layer for every district outline that depends on feature state (selection, passage,
      // hover): fewer draws per frame, and it shares the districts-line bucket (same layout).
      id: 'district-highlight-line',
      type: 'line',
      source: SOURCES.districts,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), COLOURS.selection, state('passage'), COLOURS.passage, COLOURS.hover],
        'line-width': ['case', state('selected'), 3.5, state('passage'), 3, 2.5],
        'line-opacity': ['case', ['any', state('selected'), state('passage'), state('hover')], 1, 0],
      },
    },
    {
      id: 'flows-line',
      type: 'line',
      source: SOURCES.thematic,
      filter: ofKind('flow'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': COLOURS.thematic.population, 'line-width': 3, 'line-opacity': 0.9 },
    },
    {
      id: 'flows-head',
      type: 'fill',
      source: SOURCES.thematic,
      filter: ofKind('arrow-head'),
      paint: { 'fill-color': COLOURS.thematic.population },
    },
    ...SCHEMATIC_THEMES.flatMap((theme): LayerSpecification[] => {
      const colour =
        theme in COLOURS.thematic ? COLOURS.thematic[theme as keyof typeof COLOURS.thematic] : COLOURS.hover;
      const ofTheme = (kind: string): ExpressionSpecification => ['all', ofKind(kind), ['==', ['get', 'layer'], theme]];
      return [
        {
          id: `schematic-${theme}-line`,
          type: 'line',
          source: SOURCES.thematic,
          filter: ofTheme('schematic-line'),
          layout: { 'line-cap': 'round' },
          paint: { 'line-color': colour, 'line-width': 4, 'line-dasharray': [2, 1.2] },
        },
        {
          id: `schematic-${theme}-node`,
          type: 'circle',
          source: SOURCES.thematic,
          filter: ofTheme('schematic-node'),
          paint: {
            'circle-radius': 7,
            'circle-color': colour,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
        {
          id: `schematic-${theme}-label`,
          type: 'symbol',
          source: SOURCES.thematic,
          filter: ofTheme('schematic-node'),
          layout: {
            'text-field': labelText(lang),
            'text-font': textFont,
            'text-size': 12,
            'text-offset': [0, 1.2],
            'text-anchor': 'top',
            'text-max-width': 8,
          },
          paint: { 'text-color': colour, 'text-halo-color': COLOURS.labelHalo, 'text-halo-width': 1.6 },
        },
      ];
    }),
    {
      id: 'labels-province',
      type: 'symbol',
      source: SOURCES.labels,
      filter: ['==', ['get', 'kind'], 'province'],
      layout: { 'text-field': labelText(lang), 'text-font': textFont, 'text-size': 14, 'text-letter-spacing': 0.2 },
      paint: { 'text-color': '#6b665c', 'text-halo-color': COLOURS.labelHalo, 'text-halo-width': 1 },
    },
    {
      id: 'labels-district',
      type: 'symbol',
      source: SOURCES.labels,
      filter: ['==', ['get', 'kind'], 'district'],
      layout: {
        'text-field': labelText(lang),
        'text-font': textFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 10, 14],
        'symbol-sort-key': ['get', 'rank'],
        'text-max-width': 6,
      },
      paint: { 'text-color': COLOURS.label, 'text-halo-color': COLOURS.labelHalo, 'text-halo-width': 1.5 },
    },
    // Districts stay clickable whichever fills are shown.
    { id: 'districts-hit', type: 'fill', source: SOURCES.districts, paint: { 'fill-opacity': 0 } },
  ];
  const visibility = styleLayerVisibility(new Set(inputs.visibleLayers));
  visibility.set(MEMBER_FILL, 'none');
  for (const layer of layers) {
    if (visibility.get(layer.id) === 'none') {
      layer.layout = { ...(layer.layout ?? {}), visibility: 'none' } as typeof layer.layout;
    }
  }
  return {
    version: 8,
    sources: {
      [SOURCES.districts]: { type: 'geojson', data: features.districts, promoteId: 'code' },
      [SOURCES.regions]: { type: 'geojson', data: features.regions, promoteId: 'id' },
      [SOURCES.provinces]: { type: 'geojson', data: features.provinces },
      [SOURCES.rivers]: { type: 'geojson', data: features.rivers },
      [SOURCES.labels]: { type: 'geojson', data: features.labels },
      [SOURCES.thematic]: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: [
            ...features.schematicLines.features,
            ...features.schematicNodes.features,
            ...features.flows.features,
            ...features.arrowHeads.features,
          ],
        },
      },
    },
    layers,
  };
}
