/**
 * Legends built from the layer registry's visuals and the palette, the same the map style is
 * built from, so they cannot disagree: a layer's legend has an entry for each thing it draws.
 * `LayerLegend` explains one layer; `MapLegend` shows the legends of the visible layers over the map.
 * One legend is shown at a time: the layer control's on wide screens, the map's (folded to a
 * button) on phones and in embeds, whose layout has no layer control (atlas.css).
 */
import { type LayerId, type LegendEntry, layerColour, layerTitle, visualsOf } from '../layers/registry';
import { COLOURS, NO_DATA_FILL, OUTFLOW_FILLS, URBAN_SYSTEM_FILLS, URBAN_SYSTEM_ORDER } from '../map/palette';
import { useAtlas } from './atlas-context';
import { formatNumber } from './format';

type SwatchKind = Extract<LegendEntry, { swatch: unknown }>['swatch'];

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

function Entry({ layer, entry }: { layer: LayerId; entry: LegendEntry }) {
  const { t, lang, places } = useAtlas();
  if ('swatch' in entry) {
    const colour = entry.colour === 'own' ? layerColour(layer, COLOURS.hover) : COLOURS[entry.colour];
    return <Item colour={colour} kind={entry.swatch} label={t(entry.label)} />;
  }
  if (entry.scale === 'urban-system') {
    return (
      <>
        {URBAN_SYSTEM_ORDER.map((id) => (
          <Item key={id} colour={URBAN_SYSTEM_FILLS[id] as string} label={places.name(id, lang)} />
        ))}
      </>
    );
  }
  return (
    <>
      <li class="legend-caption">
        {t('legend.outflow')} ({t('legend.outflowInflow')})
      </li>
      {[...OUTFLOW_FILLS.keys()].reverse().map((index) => (
        <Item key={index} colour={OUTFLOW_FILLS[index]?.[1] as string} label={outflowLabel(index, lang)} />
      ))}
      <Item colour={NO_DATA_FILL} label={t('legend.noData')} />
    </>
  );
}

export function LayerLegend({ layer }: { layer: LayerId }) {
  return (
    <ul class="legend" data-legend-layer={layer}>
      {visualsOf(layer).map(({ legend }) => (
        <Entry key={'swatch' in legend ? legend.label : legend.scale} layer={layer} entry={legend} />
      ))}
    </ul>
  );
}

/** Embeds this narrow start with the legend folded, so it leaves the map visible. */
const NARROW_EMBED = '(max-width: 480px)';

export function MapLegend({ embedded }: { embedded: boolean }) {
  const { t, state } = useAtlas();
  if (state.layers.length === 0) return null;
  // The full map shows this legend on phones only, where it starts folded over the map.
  const open = embedded && !(window.matchMedia?.(NARROW_EMBED).matches ?? false);
  return (
    <details class="map-legend" open={open}>
      <summary>{t('layers.legend')}</summary>
      {state.layers.map((layer) => (
        <section key={layer} aria-label={t(layerTitle(layer))}>
          <p class="legend-heading">{t(layerTitle(layer))}</p>
          <LayerLegend layer={layer} />
        </section>
      ))}
    </details>
  );
}
