/**
 * The legend of the layers shown, as plain rows (a swatch and its text), from the layer
 * registry and the palette the map style is built from. The page's legend (Legend.tsx) and the
 * saved image's legend both read these, so they cannot disagree.
 */
import type { PlaceIndex } from '../data/place-index';
import type { Translate } from '../i18n/messages';
import { type LayerId, type LegendSwatch, layerColour, layerTitle, visualsOf } from '../layers/registry';
import { COLOURS, NO_DATA_FILL, OUTFLOW_FILLS, URBAN_SYSTEM_FILLS, URBAN_SYSTEM_ORDER } from '../map/palette';
import type { Lang } from '../types/atlas-data';
import { formatNumber } from '../ui/format';

export type LegendRow =
  | { kind: 'swatch'; swatch: LegendSwatch; colour: string; label: string }
  /** A line of text that heads the entries below it (a scale's title). */
  | { kind: 'caption'; label: string };

export interface LegendGroup {
  layer: LayerId;
  heading: string;
  rows: LegendRow[];
}

/** An outflow step's range in percent: `< 0%`, `0% – 5%`, `≥ 20%`. */
export function outflowLabel(index: number, lang: Lang): string {
  const percent = (value: number) => `${formatNumber(value * 100, lang, 0)}%`;
  const lower = OUTFLOW_FILLS[index]?.[0] ?? 0;
  const upper = OUTFLOW_FILLS[index + 1]?.[0];
  if (!Number.isFinite(lower)) return `< ${percent(upper ?? 0)}`;
  if (upper === undefined) return `≥ ${percent(lower)}`;
  return `${percent(lower)} – ${percent(upper)}`;
}

/** The rows of one layer's legend. */
export function layerLegendRows(layer: LayerId, t: Translate, lang: Lang, places: PlaceIndex): LegendRow[] {
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
    return [
      { kind: 'caption', label: `${t('legend.outflow')} (${t('legend.outflowInflow')})` },
      ...[...OUTFLOW_FILLS.keys()].reverse().map((index) => ({
        kind: 'swatch' as const,
        swatch: 'fill' as const,
        colour: OUTFLOW_FILLS[index]?.[1] as string,
        label: outflowLabel(index, lang),
      })),
      { kind: 'swatch', swatch: 'fill', colour: NO_DATA_FILL, label: t('legend.noData') },
    ];
  });
}

/** The legends of the layers shown, in the state's order. */
export function legendGroups(layers: readonly LayerId[], t: Translate, lang: Lang, places: PlaceIndex): LegendGroup[] {
  return layers.map((layer) => ({
    layer,
    heading: t(layerTitle(layer)),
    rows: layerLegendRows(layer, t, lang, places),
  }));
}
