/**
 * The colour each district is filled with, for the MapLibre style (as expressions) and for the
 * static SVG map (as values), both from the same palette tables so the two cannot disagree.
 * Pure. A unit test evaluates the expressions with MapLibre's evaluator against the functions.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { coversDistricts, DISTRICT_THEMES, type DistrictTheme, type LayerId, layerColour } from '../layers/registry';
import {
  COLOURS,
  NO_DATA_FILL,
  OUTFLOW_FILLS,
  URBAN_SYSTEM_FILLS,
  URBAN_SYSTEM_ORDER,
  URBAN_SYSTEM_UNCLASSED_FILL,
} from './palette';

/** The properties of a district feature the fills read (map-features.ts writes them). */
export interface DistrictFillProperties {
  code: string;
  urban: string;
  outflow: number;
  hasOutflow: boolean;
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

/** The outflow layer's fill of a district: its step of the scale, or the no-data grey. */
export function outflowFill(outflow: number, hasOutflow: boolean): string {
  if (!hasOutflow) return NO_DATA_FILL;
  let colour = OUTFLOW_FILLS[0]?.[1] ?? NO_DATA_FILL;
  for (const [lower, fill] of OUTFLOW_FILLS.slice(1)) if (outflow >= lower) colour = fill;
  return colour;
}

export function outflowFillExpression(): ExpressionSpecification {
  const steps = OUTFLOW_FILLS.slice(1).flat();
  return [
    'case',
    ['!', ['get', 'hasOutflow']],
    NO_DATA_FILL,
    ['step', ['get', 'outflow'], OUTFLOW_FILLS[0]?.[1] ?? NO_DATA_FILL, ...steps],
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
 * order: the plain fill (left out under a covering fill), the urban system, the outflow
 * steps, then each visible theme's tint over the districts it names.
 */
export function districtFills(
  district: DistrictFillProperties,
  visible: ReadonlySet<LayerId>,
  themeDistricts: Readonly<Record<DistrictTheme, readonly string[]>>,
): DistrictFill[] {
  const fills: DistrictFill[] = [];
  const covered = [...visible].some(coversDistricts);
  if (visible.has('districts') && !covered) fills.push({ colour: COLOURS.districtFill, opacity: 1 });
  if (visible.has('urban-system')) fills.push({ colour: urbanSystemFill(district.urban), opacity: 1 });
  if (visible.has('population')) fills.push({ colour: outflowFill(district.outflow, district.hasOutflow), opacity: 1 });
  for (const theme of DISTRICT_THEMES) {
    if (visible.has(theme) && themeDistricts[theme].includes(district.code)) {
      fills.push({ colour: themeColour(theme), opacity: TINT_OPACITY });
    }
  }
  return fills;
}
