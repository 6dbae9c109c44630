/**
 * Legends built from the same palette as the map style, so they cannot disagree.
 * `LayerLegend` explains one layer; `MapLegend` shows the legends of the visible layers
 * over the map.
 */
import { COLOURS, NO_DATA_FILL, OUTFLOW_FILLS, URBAN_SYSTEM_FILLS, URBAN_SYSTEM_ORDER } from '../map/palette';
import type { LayerId } from '../types/layers';
import { useAtlas } from './atlas-context';
import { formatNumber } from './format';

type SwatchKind = 'fill' | 'tint' | 'line' | 'dashed' | 'node' | 'arrow';

function Swatch({ colour, kind = 'fill' }: { colour: string; kind?: SwatchKind }) {
  return <span class={`swatch swatch-${kind}`} style={{ '--swatch': colour }} aria-hidden="true" />;
}

function Item({ colour, kind, label }: { colour: string; kind?: SwatchKind; label: string }) {
  return (
    <li>
      <Swatch colour={colour} kind={kind} />
      {label}
    </li>
  );
}

function outflowLabel(index: number, lang: 'zh' | 'en'): string {
  const percent = (value: number) => `${formatNumber(value * 100, lang, 0)}%`;
  const lower = OUTFLOW_FILLS[index]?.[0] ?? 0;
  const upper = OUTFLOW_FILLS[index + 1]?.[0];
  if (!Number.isFinite(lower)) return `< ${percent(upper ?? 0)}`;
  if (upper === undefined) return `≥ ${percent(lower)}`;
  return `${percent(lower)} – ${percent(upper)}`;
}

export function LayerLegend({ layer }: { layer: LayerId }) {
  const { t, lang, places } = useAtlas();
  switch (layer) {
    case 'districts':
      return (
        <ul class="legend">
          <Item colour={COLOURS.districtLine} kind="line" label={t('legend.district')} />
          <Item colour={COLOURS.river} kind="line" label={t('legend.river')} />
        </ul>
      );
    case 'urban-system':
      return (
        <ul class="legend">
          {URBAN_SYSTEM_ORDER.map((id) => (
            <Item key={id} colour={URBAN_SYSTEM_FILLS[id] as string} label={places.name(id, lang)} />
          ))}
          <Item colour={COLOURS.regionLine} kind="line" label={t('legend.regionBorder')} />
        </ul>
      );
    case 'population':
      return (
        <ul class="legend">
          <li class="legend-caption">
            {t('legend.outflow')} ({t('legend.outflowInflow')})
          </li>
          {[...OUTFLOW_FILLS.keys()].reverse().map((index) => (
            <Item key={index} colour={OUTFLOW_FILLS[index]?.[1] as string} label={outflowLabel(index, lang)} />
          ))}
          <Item colour={NO_DATA_FILL} label={t('legend.noData')} />
          <Item colour={COLOURS.thematic.population} kind="arrow" label={t('legend.flowArrow')} />
        </ul>
      );
    default: {
      const colour = COLOURS.thematic[layer];
      return (
        <ul class="legend">
          <Item colour={colour} kind="tint" label={t('legend.highlighted')} />
          {layer !== 'governance' && layer !== 'ecology' && (
            <Item colour={colour} kind="dashed" label={t('legend.schematic')} />
          )}
        </ul>
      );
    }
  }
}

const narrowScreen = () => window.matchMedia?.('(max-width: 640px)').matches ?? false;

export function MapLegend() {
  const { t, state } = useAtlas();
  if (state.layers.length === 0) return null;
  return (
    // Open on wide screens; on phones it starts folded so the map stays visible.
    <details class="map-legend" open={!narrowScreen()}>
      <summary>{t('layers.legend')}</summary>
      {state.layers.map((layer) => (
        <section key={layer} aria-label={t(`layer.${layer}.name`)}>
          <p class="legend-heading">{t(`layer.${layer}.name`)}</p>
          <LayerLegend layer={layer} />
        </section>
      ))}
    </details>
  );
}
