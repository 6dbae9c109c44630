/**
 * The measures the population layer can shade the districts by, each said once: its id (in
 * URLs and embeds), where its values come from, its source, its class breaks and colours.
 * The map style, the static map, the legend and its picker, the URL codec and the embed
 * protocol all derive from this list. A measure's texts are in messages.ts
 * (`population.<id>.name`, `.measures`, `.year`); a missing one is a type error there.
 *
 * No runtime imports: the embed host script validates measure ids with this module.
 *
 * Breaks are fixed, in percent, and chosen once from the data: round numbers a reader can
 * repeat, each class holding several districts. The 2020 urban share breaks put 70 % next to
 * the municipality's published 69.46 %. A class runs from its lower bound (inclusive) to the
 * next one; the first is open below, the last open above.
 */

/** Where a measure's values come from in the built content. */
type MeasureValues =
  /** The figures of a series, one per district (the 2020 census by county, in %). */
  | { from: 'figures'; series: 'hukou-other-county-share' | 'hukou-other-province-share' | 'urban-share' }
  /** The build's net-outflow shares (a fraction, shown in %): only districts with a sourced resident/hukou pair. */
  | { from: 'outflow-shares' };

interface MeasureEntry {
  readonly id: string;
  readonly values: MeasureValues;
  /**
   * Source keys of the sources list (geodata/content/sources.json), or `figures`: the sources
   * of the figures each value is computed from, which differ by district.
   */
  readonly source: string | 'figures';
  /** Lower bounds of the classes after the first, in percent, ascending. */
  readonly breaks: readonly number[];
  /** One colour per class (`#rrggbb`), lowest first: one more than the breaks. */
  readonly colours: readonly string[];
  /** What its values say about people moving: the legend says it beside the scale. */
  readonly reads: 'in-migration' | 'net-outflow' | 'urbanisation';
}

/**
 * The measures, in the picker's order. The in-migration shares take ColorBrewer's sequential
 * BuPu (purple, as net inflow is on the outflow scale); the urban share YlGnBu; the 2023 net
 * outflow the diverging PuOr it always had. All are safe for colour-blind readers.
 */
export const POPULATION_MEASURES = [
  {
    id: 'hukou-other-county-share',
    values: { from: 'figures', series: 'hukou-other-county-share' },
    source: '[N1]',
    breaks: [2.5, 5, 10, 20],
    colours: ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'],
    reads: 'in-migration',
  },
  {
    id: 'hukou-other-province-share',
    values: { from: 'figures', series: 'hukou-other-province-share' },
    source: '[N1]',
    breaks: [1.5, 3, 6, 10],
    colours: ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'],
    reads: 'in-migration',
  },
  {
    id: 'urban-share',
    values: { from: 'figures', series: 'urban-share' },
    source: '[N1]',
    breaks: [50, 60, 70, 85],
    colours: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    reads: 'urbanisation',
  },
  {
    id: 'net-outflow-share',
    values: { from: 'outflow-shares' },
    source: 'figures',
    breaks: [-40, -10, -5, 5, 15, 25],
    colours: ['#542788', '#998ec3', '#d8daeb', '#f7f7f7', '#fee0b6', '#f1a340', '#b35806'],
    reads: 'net-outflow',
  },
] as const satisfies readonly MeasureEntry[];

export type PopulationMeasureId = (typeof POPULATION_MEASURES)[number]['id'];
export type PopulationMeasure = (typeof POPULATION_MEASURES)[number];

export const POPULATION_MEASURE_IDS: readonly PopulationMeasureId[] = POPULATION_MEASURES.map((measure) => measure.id);

/**
 * The measure shown when none is named: the 2020 share registered in another county of
 * Chongqing covers all 38 units from one census and is the receiving side of the moves the
 * fourth article discusses; the 2023 net outflow covers only 15.
 */
export const DEFAULT_POPULATION_MEASURE: PopulationMeasureId = 'hukou-other-county-share';

export function isPopulationMeasure(value: unknown): value is PopulationMeasureId {
  return typeof value === 'string' && (POPULATION_MEASURE_IDS as readonly string[]).includes(value);
}

export function populationMeasure(id: PopulationMeasureId): PopulationMeasure {
  return POPULATION_MEASURES.find((measure) => measure.id === id) as PopulationMeasure;
}

/** The feature property a district's value of a measure is kept in (map-features.ts). */
export const measureProperty = (id: PopulationMeasureId) => `population:${id}` as const;

/** The message keys of a measure's texts: messages.ts must have all three for every measure. */
export type PopulationMeasureTextKey = `population.${PopulationMeasureId}.${'name' | 'measures' | 'year'}`;

export const measureName = (id: PopulationMeasureId) => `population.${id}.name` as const;
export const measureDescription = (id: PopulationMeasureId) => `population.${id}.measures` as const;
export const measureYear = (id: PopulationMeasureId) => `population.${id}.year` as const;

/** The index of the class a value falls in. */
export function measureClass(id: PopulationMeasureId, percent: number): number {
  const { breaks } = populationMeasure(id);
  let index = 0;
  for (const lower of breaks) if (percent >= lower) index += 1;
  return index;
}
