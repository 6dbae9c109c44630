/**
 * Builds the MapLibre style in code from local data only: no tiles, no sprite, no glyphs and
 * no symbol layers (place names are HTML text over the map: map-labels.ts).
 * Pure: the same inputs give the same style, validated in unit tests.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';
import type { MapFeatures } from '../data/map-features';
import type { PopulationMeasureId } from '../layers/population-measures';
import {
  coversDistricts,
  DISTRICT_THEMES,
  type DistrictTheme,
  generatedStyleLayers,
  LAYER_IDS,
  type LayerId,
  layerColour,
  layersDrawingSchematic,
  visualsOf,
} from '../layers/registry';
import { populationFillExpression, TINT_OPACITY, themeColour, urbanSystemFillExpression } from './district-colours';
import type { FlagTarget } from './feature-state-diff';
import { COLOURS, TRANSPARENT, URBAN_SYSTEM_ORDER, withOpacity } from './palette';

export interface StyleInputs {
  features: MapFeatures;
  visibleLayers: readonly LayerId[];
  /** What the population layer shades the districts by. */
  populationMeasure: PopulationMeasureId;
  /** District codes each thematic layer highlights. */
  themeDistricts: Record<DistrictTheme, string[]>;
}

/**
 * Source ids, exported for the adapter's feature-state calls. Two sources, each told apart
 * by a `kind` property, because MapLibre draws a frame for every source's data and for every
 * tile of it as each arrives: five base sources cost about twice the frames before the first
 * view is complete.
 */
export const SOURCES = {
  /** Districts, regions, provinces and rivers; districts and regions by `fid`. */
  base: 'base',
  /** Schematic lines and nodes, flow arrows and their heads, shown with the thematic layers. */
  thematic: 'thematic',
} as const;

/** The `kind` of each feature of the base source. */
export const BASE_KINDS = {
  district: 'district',
  region: 'region',
  province: 'province',
  river: 'river',
} as const;

/**
 * Flow arrows, observed and proposed apart: an observed net outflow (solid) is a measured
 * pattern, a direction the article proposes (dashed) is not, and the reader must tell them apart.
 */
const FLOW_BASES = ['observed', 'proposed'] as const;
const FLOW_STYLE_LAYERS = FLOW_BASES.flatMap((basis) => [`flows-${basis}-line`, `flows-${basis}-head`]);

/** Layers that draw schematic lines: the only ones with a `schematic-<id>-line` style layer. */
const SCHEMATIC_LINE_LAYERS = layersDrawingSchematic('line');

/**
 * Style layers whose features a click selects, in priority order (small targets first). The
 * schematic nodes come before them all; they are HTML (map-labels.ts), hit-tested by the adapter.
 */
export function clickableLayers(): string[] {
  return [...SCHEMATIC_LINE_LAYERS.map(generatedStyleLayers.schematicLine), ...FLOW_STYLE_LAYERS];
}

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const isKind = (kind: (typeof BASE_KINDS)[keyof typeof BASE_KINDS]): ExpressionSpecification => ofKind(kind);
/** A colour for the listed districts only (none for the rest), for fills that share the districts' bucket. */
const ofDistricts = (codes: string[], colour: string): DataDrivenPropertyValueSpecification<string> => [
  'case',
  ['in', ['get', 'code'], ['literal', codes]],
  colour,
  TRANSPARENT,
];
/** A width that grows linearly with the zoom between stops of zoom and width. */
const byZoom = (...stops: (readonly [zoom: number, width: number])[]): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;

/**
 * Everything the base layers draw, as one collection: each feature tagged with its `kind`,
 * districts and regions with the `fid` their feature state is keyed by (codes and region ids
 * never collide).
 */
export function baseCollection(features: MapFeatures): FeatureCollection {
  const tagged = (collection: FeatureCollection, kind: string, fid?: (properties: GeoJsonProperties) => string) =>
    collection.features.map(
      (feature): Feature => ({
        ...feature,
        properties: { ...feature.properties, kind, ...(fid ? { fid: fid(feature.properties) } : {}) },
      }),
    );
  return {
    type: 'FeatureCollection',
    features: [
      ...tagged(features.provinces, BASE_KINDS.province),
      ...tagged(features.rivers, BASE_KINDS.river),
      ...tagged(features.districts, BASE_KINDS.district, (properties) => String(properties?.code)),
      ...tagged(features.regions, BASE_KINDS.region, (properties) => String(properties?.id)),
    ],
  };
}

/** Which public layer each style layer belongs to (the registry's visuals); style layers not listed are always shown. */
export function styleLayerGroups(): Record<LayerId, string[]> {
  return Object.fromEntries(
    LAYER_IDS.map((id) => [id, visualsOf(id).flatMap((visual) => visual.styleLayers)]),
  ) as Record<LayerId, string[]>;
}

/**
 * The visibility of every grouped style layer for a set of visible public layers. The plain
 * district fill is left out when a covering fill is shown: one full-screen fill fewer per frame.
 */
export function styleLayerVisibility(visible: ReadonlySet<LayerId>): Map<string, 'visible' | 'none'> {
  const result = new Map<string, 'visible' | 'none'>();
  for (const [group, members] of Object.entries(styleLayerGroups())) {
    for (const id of members) result.set(id, visible.has(group as LayerId) ? 'visible' : 'none');
  }
  if ([...visible].some(coversDistricts)) result.set('districts-fill', 'none');
  return result;
}

/** The property that switches a style layer on and off without touching its data. */
export type LayerSwitch = 'fill-layer-opacity' | 'line-layer-opacity' | 'visibility';

/**
 * Fills and lines are switched by their layer opacity: at 0 MapLibre skips them when drawing,
 * and switching only redraws. A visibility change instead makes MapLibre re-tile the layer's
 * whole source in its worker (every tile again, one frame per tile as it arrives). Other types
 * (the style has none now) have no layer opacity and would keep visibility.
 */
export function layerSwitch(type: string): LayerSwitch {
  if (type === 'fill') return 'fill-layer-opacity';
  if (type === 'line') return 'line-layer-opacity';
  return 'visibility';
}

/** Whether a layer is shown, given its type, its visibility and the value of its layer-opacity switch. */
export function isShownBy(type: string, visibility: unknown, switchValue: unknown): boolean {
  if (visibility === 'none') return false;
  return layerSwitch(type) === 'visibility' || switchValue !== 0;
}

/** Whether a layer of a built style is shown, whichever way it is switched. */
export function shownInStyle(layer: LayerSpecification): boolean {
  const property = layerSwitch(layer.type);
  const visibility = layer.layout && 'visibility' in layer.layout ? layer.layout.visibility : undefined;
  return isShownBy(layer.type, visibility, (layer.paint as Record<string, unknown> | undefined)?.[property]);
}

/** A layer switched on or off in a built style: the switch, without a transition. */
function switched<L extends LayerSpecification>(layer: L, shown: boolean): L {
  const property = layerSwitch(layer.type);
  if (property === 'visibility') {
    return shown ? layer : ({ ...layer, layout: { ...(layer.layout ?? {}), visibility: 'none' } } as L);
  }
  const paint = { ...(layer.paint ?? {}), [property]: shown ? 1 : 0, [`${property}-transition`]: NO_TRANSITION };
  return { ...layer, paint } as L;
}

const NO_TRANSITION = { duration: 0, delay: 0 };

/** Line widths by zoom, as [zoom, width] stops: the static map (src/static-map/) draws the same. */
export const LINE_WIDTH_STOPS = {
  district: [
    [6, 0.6],
    [12, 1.6],
  ],
  urbanSystem: [
    [6, 1.4],
    [12, 3],
  ],
} as const satisfies Record<string, readonly [number, number][]>;
export const THEME_LINE_WIDTH = 1.5;
export const PROVINCE_LINE_WIDTH = 0.8;
/** Rivers fade out between these zooms: beyond them Natural Earth strays from the district borders. */
export const RIVER_FADE: readonly [number, number][] = [
  [8, 0.9],
  [9, 0],
];
/** The rivers' widths at zoom 9, wide and narrow alike. */
export const RIVER_WIDTH_AT_9 = 2.5;

/** Outlines of the selection and its context (a district's regions, a passage's places). */
export const HIGHLIGHT_LINES = {
  selectedWidth: 3.5,
  passageWidth: 3,
  hoverWidth: 2.5,
  contextWidth: 2,
  contextOpacity: 0.7,
  /** The region outlines' dashes, in line widths (MapLibre's `line-dasharray`). */
  regionDash: [3, 1.5],
} as const;
/** Schematic lines and flow arrows; dashes in line widths. */
export const THEMATIC_LINES = {
  schematicWidth: 4,
  schematicDash: [2, 1.2],
  schematicOpacity: 0.9,
  flowWidth: 3,
  flowOpacity: 0.9,
  proposedFlowDash: [2, 1.5],
} as const;

/**
 * The flow arrows' heads are drawn in map units (about 20 px at the municipality's zoom), so
 * they double with every zoom level: faded out before they grow over the names they point at.
 * Close in, a flow's line runs off screen anyway and its direction is in the legend.
 */
export const ARROW_HEAD_FADE: readonly [number, number][] = [
  [7.6, 1],
  [8.2, 0],
];

/** The rivers' two widths at zoom 5: the main stem (Natural Earth's rank 1, the Yangtze) and the rest. */
export const RIVER_WIDTHS: { id: string; ranks: ExpressionSpecification; width: number }[] = [
  { id: 'rivers-line', ranks: ['>', ['get', 'rank'], 1], width: 0.9 },
  { id: 'main-river-line', ranks: ['<=', ['get', 'rank'], 1], width: 1.8 },
];

/** Drawn only while a region is selected or a passage is open (the adapter switches it). */
export const MEMBER_FILL = 'member-fill';

/** The population layer's fill: its colour follows the measure shown (atlas-map.ts sets it). */
export const POPULATION_FILL = 'population-fill';

/**
 * Layers that draw nothing but feature-state highlights (a fill and lines, so switched by layer
 * opacity like the thematic ones: switching only redraws). Without a flag every feature's colour
 * is transparent. They start switched off: the first view needs none of them, and drawn unlit
 * they would cost every frame a blended fill over the whole municipality and two lines.
 */
export const HIGHLIGHT_LAYERS = [MEMBER_FILL, 'selected-region-line', 'district-highlight-line'] as const;
export type HighlightLayer = (typeof HIGHLIGHT_LAYERS)[number];

/** Which highlight layers have something to draw: 1 draws the layer as styled, 0 skips it. */
export function highlightLayerOpacity(
  flags: readonly Pick<FlagTarget, 'kind' | 'key'>[],
  hoveringDistrict: boolean,
): Record<HighlightLayer, 0 | 1> {
  const flagged = (kind: FlagTarget['kind'], keys: string[]) =>
    flags.some((flag) => flag.kind === kind && keys.includes(flag.key));
  return {
    [MEMBER_FILL]: flagged('district', ['member', 'passage']) ? 1 : 0,
    'selected-region-line': flagged('region', ['selected', 'context']) ? 1 : 0,
    'district-highlight-line': hoveringDistrict || flagged('district', ['selected', 'passage']) ? 1 : 0,
  };
}

/**
 * The style: fills first, then lines, then the invisible hit layer. Layers that draw from the
 * same source with the same filter and layout share one bucket, built once in MapLibre's worker
 * (the district fills; the district outlines and their highlights).
 */
export function buildStyle(inputs: StyleInputs): StyleSpecification {
  const { features } = inputs;
  const layers: LayerSpecification[] = [
    // No background layer: the map's container shows the land colour through the transparent
    // canvas (atlas-map.ts). No fill for the neighbouring provinces: the background is their colour.
    {
      id: 'provinces-line',
      type: 'line',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.province),
      paint: { 'line-color': COLOURS.provinceLine, 'line-width': PROVINCE_LINE_WIDTH },
    },
    {
      id: 'districts-fill',
      type: 'fill',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      paint: { 'fill-color': COLOURS.districtFill },
    },
    {
      id: 'urban-system-fill',
      type: 'fill',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      // Its colours softened towards the background (palette.ts), opaque: the legend shows them as drawn.
      paint: { 'fill-color': urbanSystemFillExpression() },
    },
    {
      id: POPULATION_FILL,
      type: 'fill',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      paint: { 'fill-color': populationFillExpression(inputs.populationMeasure) },
    },
    ...DISTRICT_THEMES.map(
      (theme): LayerSpecification => ({
        id: generatedStyleLayers.tintFill(theme),
        type: 'fill',
        source: SOURCES.base,
        filter: isKind(BASE_KINDS.district),
        paint: {
          'fill-color': ofDistricts(inputs.themeDistricts[theme], themeColour(theme)),
          'fill-opacity': TINT_OPACITY,
        },
      }),
    ),
    {
      id: MEMBER_FILL,
      type: 'fill',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      paint: {
        'fill-color': [
          'case',
          state('member'),
          withOpacity(COLOURS.selection, 0.16),
          state('passage'),
          withOpacity(COLOURS.selection, 0.22),
          TRANSPARENT,
        ],
      },
    },
    // Natural Earth is generalised for 1:10m: beyond zoom 9 it strays from the district borders,
    // which already trace the rivers' mid-channels. The Yangtze (rank 1) and the rest, a width each.
    ...RIVER_WIDTHS.map(
      ({ id, ranks, width }): LayerSpecification => ({
        id,
        type: 'line',
        source: SOURCES.base,
        filter: ['all', isKind(BASE_KINDS.river), ranks],
        maxzoom: 9,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLOURS.river,
          'line-width': byZoom([5, width], [9, RIVER_WIDTH_AT_9]),
          'line-opacity': ['interpolate', ['linear'], ['zoom'], ...RIVER_FADE.flat()],
        },
      }),
    ),
    {
      id: 'districts-line',
      type: 'line',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      // Miter joins (the default): at these widths round ones look the same and add a fan of
      // triangles at each of the 23,000 vertices.
      paint: { 'line-color': COLOURS.districtLine, 'line-width': byZoom(...LINE_WIDTH_STOPS.district) },
    },
    {
      id: 'urban-system-line',
      type: 'line',
      source: SOURCES.base,
      filter: ['all', isKind(BASE_KINDS.region), ['in', ['get', 'fid'], ['literal', [...URBAN_SYSTEM_ORDER]]]],
      paint: { 'line-color': COLOURS.regionLine, 'line-width': byZoom(...LINE_WIDTH_STOPS.urbanSystem) },
    },
    ...DISTRICT_THEMES.map(
      (theme): LayerSpecification => ({
        id: generatedStyleLayers.tintLine(theme),
        type: 'line',
        source: SOURCES.base,
        // Its bucket holds only the theme's districts.
        filter: [
          'all',
          isKind(BASE_KINDS.district),
          ['in', ['get', 'code'], ['literal', inputs.themeDistricts[theme]]],
        ],
        paint: { 'line-color': themeColour(theme), 'line-width': THEME_LINE_WIDTH },
      }),
    ),
    {
      id: 'selected-region-line',
      type: 'line',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.region),
      paint: {
        'line-color': [
          'case',
          state('selected'),
          COLOURS.selection,
          state('context'),
          withOpacity(COLOURS.selection, HIGHLIGHT_LINES.contextOpacity),
          TRANSPARENT,
        ],
        'line-width': ['case', state('selected'), HIGHLIGHT_LINES.selectedWidth, HIGHLIGHT_LINES.contextWidth],
        'line-dasharray': [...HIGHLIGHT_LINES.regionDash],
      },
    },
    {
      // One layer for every district outline that depends on feature state (selection, passage,
      // hover): fewer draws per frame, and it shares the districts-line bucket (same layout).
      id: 'district-highlight-line',
      type: 'line',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      paint: {
        'line-color': [
          'case',
          state('selected'),
          COLOURS.selection,
          state('passage'),
          COLOURS.passage,
          state('hover'),
          COLOURS.hover,
          TRANSPARENT,
        ],
        'line-width': [
          'case',
          state('selected'),
          HIGHLIGHT_LINES.selectedWidth,
          state('passage'),
          HIGHLIGHT_LINES.passageWidth,
          HIGHLIGHT_LINES.hoverWidth,
        ],
      },
    },
    ...FLOW_BASES.flatMap((basis): LayerSpecification[] => {
      const ofBasis: ExpressionSpecification = ['==', ['get', 'basis'], basis];
      return [
        {
          id: `flows-${basis}-line`,
          type: 'line',
          source: SOURCES.thematic,
          filter: ['all', ofKind('flow'), ofBasis],
          paint: {
            'line-color': layerColour('population', COLOURS.hover),
            'line-width': THEMATIC_LINES.flowWidth,
            'line-opacity': THEMATIC_LINES.flowOpacity,
            ...(basis === 'proposed' ? { 'line-dasharray': [...THEMATIC_LINES.proposedFlowDash] } : {}),
          },
        },
        {
          id: `flows-${basis}-head`,
          type: 'fill',
          source: SOURCES.thematic,
          filter: ['all', ofKind('arrow-head'), ofBasis],
          paint: {
            'fill-color': layerColour('population', COLOURS.hover),
            'fill-opacity': ['interpolate', ['linear'], ['zoom'], ...ARROW_HEAD_FADE.flat()],
          },
        },
      ];
    }),
    // Schematic lines, only for the layers that draw them; wider while the place they stand for is
    // selected. Their nodes are HTML (map-labels.ts), which also names them.
    ...SCHEMATIC_LINE_LAYERS.map(
      (theme): LayerSpecification => ({
        id: generatedStyleLayers.schematicLine(theme),
        type: 'line',
        source: SOURCES.thematic,
        filter: ['all', ofKind('schematic-line'), ['==', ['get', 'layer'], theme]],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': layerColour(theme, COLOURS.hover),
          'line-opacity': ['case', state('selected'), 1, THEMATIC_LINES.schematicOpacity],
          'line-width': ['case', state('selected'), 6, THEMATIC_LINES.schematicWidth],
          'line-dasharray': [...THEMATIC_LINES.schematicDash],
        },
      }),
    ),
    // Districts stay clickable whichever fills are shown.
    {
      id: 'districts-hit',
      type: 'fill',
      source: SOURCES.base,
      filter: isKind(BASE_KINDS.district),
      paint: { 'fill-opacity': 0 },
    },
  ];
  const visibility = styleLayerVisibility(new Set(inputs.visibleLayers));
  for (const id of HIGHLIGHT_LAYERS) visibility.set(id, 'none');
  return {
    version: 8,
    sources: {
      [SOURCES.base]: {
        type: 'geojson',
        data: baseCollection(features),
        promoteId: 'fid',
        // MapLibre's defaults copy 128 px of every neighbouring tile into each tile (2.25× the
        // area) and keep detail to 0.375 px. The widest line needs 8 px; a pixel of
        // simplification is invisible under 0.6–3.5 px borders. The worker's time to the
        // first tiles fell by a third, and every frame draws fewer vertices.
        buffer: 16,
        tolerance: 1,
      },
      [SOURCES.thematic]: {
        type: 'geojson',
        // Schematic lines carry a selection state (by their own ids; flows and their heads share one, unused).
        promoteId: 'id',
        data: {
          type: 'FeatureCollection',
          features: [...features.schematicLines.features, ...features.flows.features, ...features.arrowHeads.features],
        },
      },
    },
    layers: layers.map((layer) => {
      const shown = visibility.get(layer.id);
      return shown === undefined ? layer : switched(layer, shown === 'visible');
    }),
  };
}

/**
 * The optional basemap's layers go just under this one (basemap.ts): above every fill, so the
 * fills keep their legends' colours and the basemap shows over them as thin context, and under
 * the borders and highlights, which stay on top.
 */
export const BASEMAP_BEFORE_LAYER = 'districts-line';
