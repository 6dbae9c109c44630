/**
 * Colours shared by the map style and the legends, so a legend can never disagree with
 * the map. Each thematic layer's own colour is in the layer registry (src/layers/registry.ts).
 * Categorical fills use Paul Tol's "light" scheme, designed to stay distinct
 * for colour-blind readers and to carry dark labels. The population layer's scales are in
 * its measure list (src/layers/population-measures.ts).
 */
import { POPULATION_MEASURES, type PopulationMeasureId } from '../layers/population-measures';

export const URBAN_SYSTEM_COLOURS: Record<string, string> = {
  'central-urban': '#EE8866',
  western: '#EEDD88',
  'eastern-new-city': '#FFAABB',
  northeast: '#77AADD',
  southeast: '#44BB99',
};

export const URBAN_SYSTEM_ORDER = ['central-urban', 'western', 'eastern-new-city', 'northeast', 'southeast'] as const;

export const NO_DATA_COLOUR = '#c8c8c8';

export const COLOURS = {
  /** The land around Chongqing: the neighbouring provinces are drawn by their borders, over it. */
  background: '#eeece6',
  provinceLine: '#b9b4aa',
  districtFill: '#faf8f3',
  districtLine: '#7a7468',
  regionLine: '#3b3a36',
  river: '#5b8db8',
  hover: '#1f1f1f',
  selection: '#c2185b',
  passage: '#6a1b9a',
  label: '#1f1f1f',
  labelHalo: '#ffffff',
} as const;

/** A colour of the palette by name: the layer registry's legend entries refer to them so. */
export type PaletteColour = keyof typeof COLOURS;

/** The red, green and blue of a `#rrggbb` colour, 0–255. */
export function channels(colour: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
}

/**
 * A colour laid over another at an opacity, as one opaque colour (`#rrggbb` in and out). The
 * covering fills (urban system, population) are drawn opaque in such colours, softened towards
 * the background: their legend swatches are then exactly the colours drawn.
 */
export function over(colour: string, opacity: number, under: string): string {
  const bottom = channels(under);
  return `#${channels(colour)
    .map((value, index) => Math.round(value * opacity + (bottom[index] ?? 0) * (1 - opacity)))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** A colour at an opacity, as `rgba()`. */
export function withOpacity(colour: string, opacity: number): string {
  return `rgba(${channels(colour).join(', ')}, ${opacity})`;
}

/** Nothing drawn: a fill's colour for the features it leaves out. */
export const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** How strongly the urban system's and the population layer's colours show over the background. */
const URBAN_SYSTEM_OPACITY = 0.85;
const POPULATION_OPACITY = 0.9;

/** The urban system's fills as drawn: its colours at 85 % over the map's background. */
export const URBAN_SYSTEM_FILLS: Record<string, string> = Object.fromEntries(
  Object.entries(URBAN_SYSTEM_COLOURS).map(([id, colour]) => [
    id,
    over(colour, URBAN_SYSTEM_OPACITY, COLOURS.background),
  ]),
);

/** The urban system's fill, as drawn, for a district in none of its parts. */
export const URBAN_SYSTEM_UNCLASSED_FILL = over(COLOURS.districtFill, URBAN_SYSTEM_OPACITY, COLOURS.background);

/** Each population measure's class colours as drawn: at 90 % over the map's background, lowest class first. */
export const POPULATION_FILLS: Readonly<Record<PopulationMeasureId, readonly string[]>> = Object.fromEntries(
  POPULATION_MEASURES.map((measure) => [
    measure.id,
    measure.colours.map((colour) => over(colour, POPULATION_OPACITY, COLOURS.background)),
  ]),
) as unknown as Record<PopulationMeasureId, readonly string[]>;

/** The no-data grey of the population layer as drawn. */
export const NO_DATA_FILL = over(NO_DATA_COLOUR, POPULATION_OPACITY, COLOURS.background);

/**
 * The optional basemap (basemap.ts), drawn over the fills as thin context in the map's own
 * colours, whatever colours its style had: water in the rivers' blue, roads and buildings in
 * the borders' grey, light enough that the fills' colours, as the legends show them, stay
 * readable around and between them.
 */
export const BASEMAP_COLOURS = {
  water: COLOURS.river,
  road: COLOURS.districtLine,
  building: COLOURS.districtLine,
} as const;
