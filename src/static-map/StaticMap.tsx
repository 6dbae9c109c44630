/**
 * The atlas drawn as SVG without WebGL: district and region fills and borders, rivers, the
 * neighbouring provinces, thematic lines, the selection's outline and the place names, in the
 * MapLibre style's colours and widths (district-colours.ts, style.ts) and at the same camera
 * (projection.ts). Pure: the same inputs give the same element tree, which Preact renders in
 * the page or serialises to a string.
 *
 * Presentation attributes only, never `style`: the page's Content-Security-Policy forbids
 * inline styles. Every district's and region's shape carries its id as `data-id`.
 */
import type { Feature, Geometry } from 'geojson';
import type { JSX } from 'preact';
import type { MapFeatures } from '../data/map-features';
import type { PlaceIndex } from '../data/place-index';
import type { PopulationMeasureId } from '../layers/population-measures';
import { DISTRICT_THEMES, type DistrictTheme, type LayerId, layerColour, schematicPlace } from '../layers/registry';
import { type DistrictFillProperties, districtFills, themeColour } from '../map/district-colours';
import type { FlagTarget } from '../map/feature-state-diff';
import { highlightFlags } from '../map/highlight';
import { COLOURS, URBAN_SYSTEM_ORDER } from '../map/palette';
import {
  ARROW_HEAD_FADE,
  HIGHLIGHT_LINES,
  LINE_WIDTH_STOPS,
  PROVINCE_LINE_WIDTH,
  RIVER_FADE,
  RIVER_WIDTH_AT_9,
  RIVER_WIDTHS,
  THEMATIC_LINES,
  THEME_LINE_WIDTH,
} from '../map/style';
import type { Lang } from '../types/atlas-data';
import { LABEL_LINE_HEIGHT, placeStaticLabels } from './labels';
import { cameraOf, planarPath, projectionOf, type Size, type StaticView } from './projection';

export interface StaticMapInput {
  features: MapFeatures;
  places: PlaceIndex;
  /** District codes each thematic layer highlights (the content's). */
  themeDistricts: Readonly<Record<DistrictTheme, readonly string[]>>;
  state: { lang: Lang; layers: readonly LayerId[]; population: PopulationMeasureId; sel: string | null };
  /** The places of the open passage, outlined as the map outlines them. */
  passagePlaces?: readonly string[];
  view: StaticView;
  size: Size;
  /** Whether to draw the place names (default true). */
  labels?: boolean;
  /** Whether to leave out the shapes' parts outside the map's area (default false): a saved file need not carry them. */
  clip?: boolean;
  /** The accessible name of the picture. */
  title?: string;
}

/** A value at a zoom between [zoom, value] stops, linearly, held beyond the ends (MapLibre's `interpolate`). */
export function atZoom(zoom: number, stops: readonly (readonly [number, number])[]): number {
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return 0;
  if (zoom <= first[0]) return first[1];
  if (zoom >= last[0]) return last[1];
  for (let index = 1; index < stops.length; index += 1) {
    const [z1, v1] = stops[index] as readonly [number, number];
    const [z0, v0] = stops[index - 1] as readonly [number, number];
    if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
  }
  return last[1];
}

/** MapLibre's dashes are in line widths; SVG's in px. */
const dashes = (pattern: readonly number[], width: number) => pattern.map((length) => length * width).join(' ');

/** The rivers' width at zoom 5 by rank (the main stem is rank 1), as style.ts has them. */
const riverWidthAt5 = (rank: number) =>
  RIVER_WIDTHS.find((river) => river.id === (rank <= 1 ? 'main-river-line' : 'rivers-line'))?.width ?? 1;

const flagged = (flags: readonly FlagTarget[], kind: FlagTarget['kind'], id: string, key: string) =>
  flags.some((flag) => flag.kind === kind && flag.id === id && flag.key === key);

/** A node marker's radius, its white ring included, as map-labels.ts draws it. */
const NODE_RADIUS = 9;
const NODE_RING = 2;
const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** The neighbouring provinces' names, as atlas.css colours them. */
const PROVINCE_LABEL_COLOUR = '#6b665c';

export function StaticMap(input: StaticMapInput): JSX.Element {
  const { features, size, state } = input;
  const camera = cameraOf(input.view, size);
  const projection = projectionOf(camera, size);
  const path = planarPath(projection, input.clip ? size : undefined);
  const d = (feature: Feature<Geometry | null>) => path(feature as Feature) ?? '';
  const visible = new Set(state.layers);
  const zoom = camera.zoom;
  const schematicLines = features.schematicLines.features.map((feature) => ({
    id: String(feature.properties?.id),
    place: schematicPlace(feature.properties?.layer),
  }));
  const flags = highlightFlags(input.places, state.sel, input.passagePlaces ?? [], schematicLines);
  const districtShapes = features.districts.features.map((feature) => ({
    feature,
    code: String(feature.properties?.code),
    d: d(feature),
  }));
  const districtLineWidth = atZoom(zoom, LINE_WIDTH_STOPS.district);
  const urbanLineWidth = atZoom(zoom, LINE_WIDTH_STOPS.urbanSystem);
  const riverOpacity = atZoom(zoom, RIVER_FADE);
  const headOpacity = atZoom(zoom, ARROW_HEAD_FADE);
  const project = (lngLat: [number, number]) => {
    const [x, y] = projection(lngLat) ?? [Number.NaN, Number.NaN];
    return { x, y };
  };
  const labels = input.labels === false ? [] : placeStaticLabels(features, visible, state.lang, project, size, zoom);

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size.width} ${size.height}`}
      width={size.width}
      height={size.height}
      role="img"
      aria-label={input.title}
      lang={state.lang === 'zh' ? 'zh-Hans' : 'en'}
      data-zoom={zoom.toFixed(2)}
      data-center={`${camera.center[0].toFixed(5)},${camera.center[1].toFixed(5)}`}
    >
      <rect width={size.width} height={size.height} fill={COLOURS.background} />
      <g fill="none" stroke={COLOURS.provinceLine} stroke-width={PROVINCE_LINE_WIDTH} data-kind="provinces">
        {features.provinces.features.map((feature) => (
          <path key={String(feature.properties?.id)} d={d(feature)} />
        ))}
      </g>
      <g data-kind="districts" stroke="none">
        {districtShapes.map(({ feature, code, d: shape }) => {
          const fills = districtFills(
            feature.properties as DistrictFillProperties,
            visible,
            input.themeDistricts,
            state.population,
          );
          // What an opaque fill covers is not drawn: the shape with the id carries the colour seen.
          const [base, ...over] = fills.slice(Math.max(0, fills.map((fill) => fill.opacity).lastIndexOf(1)));
          return [
            <path
              key={code}
              d={shape}
              data-id={code}
              fill={base?.colour ?? 'none'}
              fill-rule="evenodd"
              pointer-events="all"
            />,
            ...over.map((fill, index) => (
              <path
                key={`${code}-${index}`}
                d={shape}
                fill={fill.colour}
                fill-opacity={fill.opacity}
                fill-rule="evenodd"
                pointer-events="none"
              />
            )),
          ];
        })}
      </g>
      <g data-kind="member-fill" stroke="none" fill={COLOURS.selection} fill-rule="evenodd" pointer-events="none">
        {districtShapes.flatMap(({ code, d: shape }) => {
          const opacity = flagged(flags, 'district', code, 'passage')
            ? 0.22
            : flagged(flags, 'district', code, 'member')
              ? 0.16
              : 0;
          return opacity > 0 ? [<path key={code} d={shape} fill-opacity={opacity} />] : [];
        })}
      </g>
      {visible.has('districts') && riverOpacity > 0 && (
        <g
          data-kind="rivers"
          fill="none"
          stroke={COLOURS.river}
          stroke-opacity={riverOpacity}
          stroke-linejoin="round"
          pointer-events="none"
        >
          {features.rivers.features.map((feature, index) => {
            const width = atZoom(zoom, [
              [5, riverWidthAt5(Number(feature.properties?.rank))],
              [9, RIVER_WIDTH_AT_9],
            ]);
            return <path key={index} d={d(feature)} stroke-width={width} />;
          })}
        </g>
      )}
      {visible.has('districts') && (
        <g
          data-kind="district-lines"
          fill="none"
          stroke={COLOURS.districtLine}
          stroke-width={districtLineWidth}
          pointer-events="none"
        >
          {districtShapes.map(({ code, d: shape }) => (
            <path key={code} d={shape} />
          ))}
        </g>
      )}
      <g data-kind="regions" fill="none" pointer-events="none">
        {features.regions.features.map((feature) => {
          const id = String(feature.properties?.id);
          const urban = visible.has('urban-system') && (URBAN_SYSTEM_ORDER as readonly string[]).includes(id);
          return (
            <path
              key={id}
              d={d(feature)}
              data-id={id}
              stroke={urban ? COLOURS.regionLine : 'none'}
              stroke-width={urbanLineWidth}
            />
          );
        })}
      </g>
      {DISTRICT_THEMES.filter((theme) => visible.has(theme)).map((theme) => (
        <g
          key={theme}
          data-kind={`theme-${theme}`}
          fill="none"
          stroke={themeColour(theme)}
          stroke-width={THEME_LINE_WIDTH}
          pointer-events="none"
        >
          {districtShapes
            .filter(({ code }) => input.themeDistricts[theme].includes(code))
            .map(({ code, d: shape }) => (
              <path key={code} d={shape} />
            ))}
        </g>
      ))}
      <g data-kind="selection" fill="none" pointer-events="none">
        {features.regions.features.flatMap((feature) => {
          const id = String(feature.properties?.id);
          const selected = flagged(flags, 'region', id, 'selected');
          if (!selected && !flagged(flags, 'region', id, 'context')) return [];
          const width = selected ? HIGHLIGHT_LINES.selectedWidth : HIGHLIGHT_LINES.contextWidth;
          return [
            <path
              key={`region-${id}`}
              d={d(feature)}
              stroke={COLOURS.selection}
              stroke-opacity={selected ? 1 : HIGHLIGHT_LINES.contextOpacity}
              stroke-width={width}
              stroke-dasharray={dashes(HIGHLIGHT_LINES.regionDash, width)}
            />,
          ];
        })}
        {districtShapes.flatMap(({ code, d: shape }) => {
          const selected = flagged(flags, 'district', code, 'selected');
          if (!selected && !flagged(flags, 'district', code, 'passage')) return [];
          return [
            <path
              key={`district-${code}`}
              d={shape}
              stroke={selected ? COLOURS.selection : COLOURS.passage}
              stroke-width={selected ? HIGHLIGHT_LINES.selectedWidth : HIGHLIGHT_LINES.passageWidth}
            />,
          ];
        })}
      </g>
      {visible.has('population') && (
        <g data-kind="flows" pointer-events="none">
          {features.flows.features.map((feature) => (
            <path
              key={String(feature.properties?.id)}
              d={d(feature)}
              fill="none"
              stroke={layerColour('population', COLOURS.hover)}
              stroke-width={THEMATIC_LINES.flowWidth}
              stroke-opacity={THEMATIC_LINES.flowOpacity}
              stroke-dasharray={
                feature.properties?.basis === 'proposed'
                  ? dashes(THEMATIC_LINES.proposedFlowDash, THEMATIC_LINES.flowWidth)
                  : undefined
              }
            />
          ))}
          {features.arrowHeads.features.map((feature) => (
            <path
              key={`head-${String(feature.properties?.id)}`}
              d={d(feature)}
              fill={layerColour('population', COLOURS.hover)}
              fill-opacity={headOpacity}
            />
          ))}
        </g>
      )}
      <g data-kind="schematic" fill="none" stroke-linecap="round" pointer-events="none">
        {features.schematicLines.features.flatMap((feature) => {
          const layer = feature.properties?.layer as LayerId;
          if (!visible.has(layer)) return [];
          const id = String(feature.properties?.id);
          const width = flagged(flags, 'schematic', id, 'selected') ? 6 : THEMATIC_LINES.schematicWidth;
          return [
            <path
              key={id}
              d={d(feature)}
              stroke={layerColour(layer, COLOURS.hover)}
              stroke-width={width}
              stroke-opacity={THEMATIC_LINES.schematicOpacity}
              stroke-dasharray={dashes(THEMATIC_LINES.schematicDash, width)}
            />,
          ];
        })}
        {features.schematicNodes.features.flatMap((feature) => {
          const layer = feature.properties?.layer as LayerId;
          if (!visible.has(layer)) return [];
          const { x, y } = project(feature.geometry.coordinates as [number, number]);
          return [
            <circle
              key={String(feature.properties?.id)}
              cx={x.toFixed(1)}
              cy={y.toFixed(1)}
              r={NODE_RADIUS - NODE_RING / 2}
              fill={layerColour(layer, COLOURS.hover)}
              stroke={COLOURS.labelHalo}
              stroke-width={NODE_RING}
            />,
          ];
        })}
      </g>
      {labels.length > 0 && (
        <g
          data-kind="labels"
          font-family={FONT_FAMILY}
          text-anchor="middle"
          dominant-baseline="central"
          stroke={COLOURS.labelHalo}
          stroke-width={3}
          stroke-linejoin="round"
          paint-order="stroke"
          pointer-events="none"
        >
          {labels.map((placed) => (
            <text
              key={placed.label.id}
              data-label={placed.label.id}
              x={placed.x.toFixed(1)}
              y={placed.y.toFixed(1)}
              font-size={placed.fontSize}
              font-weight={placed.label.kind === 'schematic' ? 600 : undefined}
              letter-spacing={placed.letterSpacing || undefined}
              fill={
                placed.label.kind === 'schematic' && placed.label.layer
                  ? layerColour(placed.label.layer, COLOURS.hover)
                  : placed.label.kind === 'province'
                    ? PROVINCE_LABEL_COLOUR
                    : COLOURS.label
              }
            >
              {placed.lines.length === 1
                ? placed.text
                : placed.lines.map((line, index) => (
                    <tspan
                      key={`${index}:${line}`}
                      x={placed.x.toFixed(1)}
                      dy={`${index === 0 ? -((placed.lines.length - 1) * LABEL_LINE_HEIGHT) / 2 : LABEL_LINE_HEIGHT}em`}
                    >
                      {line}
                    </tspan>
                  ))}
            </text>
          ))}
        </g>
      )}
    </svg>
  );
}
