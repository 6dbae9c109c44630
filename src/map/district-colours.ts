/**
 * The colour each district is filled with, for the MapLibre style (as expressions) and for the
 * static SVG map (as values), both from the same palette tables so the two cannot disagree.
 * Pure. A unit test evaluates the expressions with MapLibre's evaluator against the functions.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  measureClass,
  measureProperty,
  type PopulationMeasureId,
  populationMeasure,
} from '../layers/population-measures';
import { coversDistricts, DISTRICT_THEMES, type DistrictTheme, type LayerId, layerColour } from '../layers/registry';
import {
  COLOURS,
  NO_DATA_FILL,
  POPULATION_FILLS,
  URBAN_SYSTEM_FILLS,
  URBAN_SYSTEM_ORDER,
  URBAN_SYSTEM_UNCLASSED_FILL,
} from './palette';

/**
 * The properties of a district feature the fills read (map-features.ts writes them): besides
 * these, each population measure's value in percent under `measureProperty(id)`, absent where
 * the measure has no data.
 */
export interface DistrictFillProperties {
  code: string;
  urban: string;
  [measure: `population:${string}`]: number | undefined;
}

/** The urban system's fill of a district, by the part of it the district is in. */
export function urbanSystemFill(urban: string): string {
  return (URBAN_SYSTEM_ORDER as readonly string[]).includes(urban)
    ? (URBAN_SYSTEM_FILLS[urban] as string)
    : URBAN_SYSTEM_UNCLASSED_FILL;
}

export function urbanSystemFillExpression(): ExpressionSpecification {
  return [
    'match',
    ['get', 'urban'],
    ...URBAN_SYSTEM_ORDER.flatMap((id) => [id, URBAN_SYSTEM_FILLS[id] as string]),
    URBAN_SYSTEM_UNCLASSED_FILL,
  ] as unknown as ExpressionSpecification;
}

/** The population layer's fill of a district for a measure: its class's colour, or the no-data grey. */
export function populationFill(measure: PopulationMeasureId, percent: number | undefined): string {
  if (percent === undefined) return NO_DATA_FILL;
  return POPULATION_FILLS[measure][measureClass(measure, percent)] ?? NO_DATA_FILL;
}

export function populationFillExpression(measure: PopulationMeasureId): ExpressionSpecification {
  const fills = POPULATION_FILLS[measure];
  const property = measureProperty(measure);
  const steps = populationMeasure(measure).breaks.flatMap((lower, index) => [lower, fills[index + 1] as string]);
  return [
    'case',
    ['!', ['has', property]],
    NO_DATA_FILL,
    ['step', ['get', property], fills[0] as string, ...steps],
  ] as ExpressionSpecification;
}

/** Opacity of a theme's tint over the districts its passages name. */
export const TINT_OPACITY = 0.28;

/** A theme's tint and outline colour. */
export const themeColour = (theme: DistrictTheme): string => layerColour(theme, COLOURS.hover);

/** One fill drawn over a district, bottom first. */
export interface DistrictFill {
  colour: string;
  opacity: number;
}

/**
 * Every fill drawn over a district for a set of visible layers, bottom first, in the style's
 * order: the plain fill (left out under a covering fill), the urban system, the population
 * measure's class, then each visible theme's tint over the districts it names.
 */
export function districtFills(
  district: DistrictFillProperties,
  visible: ReadonlySet<LayerId>,
  themeDistricts: Readonly<Record<DistrictTheme, readonly string[]>>,
  measure: PopulationMeasureId,
): DistrictFill[] {
  const fills: DistrictFill[] = [];
  const covered = [...visible].some(coversDistricts);
  if (visible.has('districts') && !covered) fills.push({ colour: COLOURS.districtFill, opacity: 1 });
  if (visible.has('urban-system')) fills.push({ colour: urbanSystemFill(district.urban), opacity: 1 });
  if (visible.has('population')) {
    fills.push({ colour: populationFill(measure, district[`population:${measure}`]), opacity: 1 });
  }
  for (const theme of DISTRICT_THEMES) {
    if (visible.has(theme) && themeDistricts[theme].includes(district.code)) {
      fills.push({ colour: themeColour(theme), opacity: TINT_OPACITY });
    }
  }
  return fills;
}
