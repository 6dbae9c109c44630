/**
 * The legend of the layers shown, as plain rows (a swatch and its text), from the layer
 * registry and the palette the map style is built from. The page's legend (Legend.tsx) and the
 * saved image's legend both read these, so they cannot disagree.
 */
import type { ContentIndex } from '../content/queries';
import { populationValues } from '../data/map-features';
import type { PlaceIndex } from '../data/place-index';
import type { Translate } from '../i18n/messages';
import {
  measureDescription,
  measureYear,
  type PopulationMeasureId,
  populationMeasure,
} from '../layers/population-measures';
import { type LayerId, type LegendSwatch, layerColour, layerTitle, visualsOf } from '../layers/registry';
import { COLOURS, NO_DATA_FILL, POPULATION_FILLS, URBAN_SYSTEM_FILLS, URBAN_SYSTEM_ORDER } from '../map/palette';
import type { Lang } from '../types/atlas-data';
import { formatNumber } from '../ui/format';

export type LegendRow =
  | { kind: 'swatch'; swatch: LegendSwatch; colour: string; label: string }
  /** A line of text that heads the entries below it (a scale's title), or says how to read them. */
  | { kind: 'caption'; label: string }
  /** The sources of a scale: `label` names them in plain text; the page links `citation`'s keys. */
  | { kind: 'source'; label: string; citation: string };

/** What the legends are written with: the language, the places, the content and the population layer's measure. */
export interface LegendInput {
  t: Translate;
  lang: Lang;
  places: PlaceIndex;
  content: ContentIndex;
  population: PopulationMeasureId;
}

export interface LegendGroup {
  layer: LayerId;
  heading: string;
  rows: LegendRow[];
}

/** A class of a measure's scale as its bounds in percent: "< 2.5%", "2.5% – 5%", "≥ 20%". */
export function classLabel(measure: PopulationMeasureId, index: number, lang: Lang): string {
  const percent = (value: number) => `${formatNumber(value, lang, 1)}%`;
  const { breaks } = populationMeasure(measure);
  const lower = breaks[index - 1];
  const upper = breaks[index];
  if (lower === undefined) return `< ${percent(upper ?? 0)}`;
  if (upper === undefined) return `≥ ${percent(lower)}`;
  return `${percent(lower)} – ${percent(upper)}`;
}

/**
 * The population layer's scale for its measure: what the measure is (its year, how many units
 * have data), what it says about moves, its classes, highest first, no data where any, and its
 * sources by name.
 */
function populationRows({ t, lang, places, content, population: measure }: LegendInput): LegendRow[] {
  const covered = populationValues(content.data).get(measure)?.size ?? 0;
  const units = places.districts.size;
  const fills = POPULATION_FILLS[measure];
  const citation = content.measureCitation(measure);
  const names = content
    .sourcesOf(citation)
    .map(
      ({ entry, number }) =>
        `[${number}] ${entry.publisher}, ${entry.title}, ${entry.date ?? t('sources.dateNotStated')}`,
    );
  return [
    {
      kind: 'caption',
      label: `${t(measureDescription(measure))} · ${t(measureYear(measure))} · ${t('legend.coverage', { count: covered, units })}`,
    },
    { kind: 'caption', label: t(`legend.reads.${populationMeasure(measure).reads}`) },
    ...[...fills.keys()].reverse().map(
      (index): LegendRow => ({
        kind: 'swatch',
        swatch: 'fill',
        colour: fills[index] as string,
        label: classLabel(measure, index, lang),
      }),
    ),
    ...(covered < units
      ? [{ kind: 'swatch', swatch: 'fill', colour: NO_DATA_FILL, label: t('legend.noData') } as const]
      : []),
    { kind: 'source', label: `${t('popup.source')}: ${names.join('; ')}`, citation },
  ];
}

/** The rows of one layer's legend. */
export function layerLegendRows(layer: LayerId, input: LegendInput): LegendRow[] {
  const { t, lang, places } = input;
  return visualsOf(layer).flatMap(({ legend }): LegendRow[] => {
    if ('swatch' in legend) {
      const colour = legend.colour === 'own' ? layerColour(layer, COLOURS.hover) : COLOURS[legend.colour];
      return [{ kind: 'swatch', swatch: legend.swatch, colour, label: t(legend.label) }];
    }
    if (legend.scale === 'urban-system') {
      return URBAN_SYSTEM_ORDER.map((id) => ({
        kind: 'swatch' as const,
        swatch: 'fill' as const,
        colour: URBAN_SYSTEM_FILLS[id] as string,
        label: places.name(id, lang),
      }));
    }
    return populationRows(input);
  });
}

/** The legends of the layers shown, in the state's order. */
export function legendGroups(layers: readonly LayerId[], input: LegendInput): LegendGroup[] {
  return layers.map((layer) => ({
    layer,
    heading: input.t(layerTitle(layer)),
    rows: layerLegendRows(layer, input),
  }));
}
