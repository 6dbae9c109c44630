/**
 * Legends built from the layer registry's visuals and the palette, the same the map style is
 * built from, so they cannot disagree: a layer's legend has an entry for each thing it draws.
 * `LayerLegend` explains one layer; `MapLegend` shows the legends of the visible layers over the map.
 * One legend is shown at a time: the layer control's on wide screens, the map's (folded to a
 * button) on phones and in embeds, whose layout has no layer control (atlas.css).
 */
import { useId } from 'preact/hooks';
import { layerLegendRows } from '../export/legend-rows';
import { isPopulationMeasure, measureName, measureYear, POPULATION_MEASURE_IDS } from '../layers/population-measures';
import { type LayerId, type LegendSwatch, layerTitle } from '../layers/registry';
import { useAtlas } from './atlas-context';
import { SourceCitation } from './SourceCitation';

function Swatch({ colour, kind = 'fill' }: { colour: string; kind?: LegendSwatch }) {
  return <span class={`swatch swatch-${kind}`} style={{ '--swatch': colour }} aria-hidden="true" />;
}

/** The population layer's measure, picked by the reader: its name and year for each. */
function PopulationMeasurePicker() {
  const { t, state, setPopulationMeasure } = useAtlas();
  const pickerId = useId();
  return (
    <li class="legend-picker">
      <label for={pickerId}>{t('legend.populationMeasure')}</label>
      <select
        id={pickerId}
        value={state.population}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isPopulationMeasure(value)) setPopulationMeasure(value);
        }}
      >
        {POPULATION_MEASURE_IDS.map((id) => (
          <option key={id} value={id}>
            {t(measureName(id))} ({t(measureYear(id))})
          </option>
        ))}
      </select>
    </li>
  );
}

export function LayerLegend({ layer }: { layer: LayerId }) {
  const { t, lang, places, content, state } = useAtlas();
  const rows = layerLegendRows(layer, { t, lang, places, content, population: state.population });
  return (
    <ul class="legend" data-legend-layer={layer} data-measure={layer === 'population' ? state.population : undefined}>
      {layer === 'population' && <PopulationMeasurePicker />}
      {rows.map((row) =>
        row.kind === 'caption' ? (
          <li key={row.label} class="legend-caption">
            {row.label}
          </li>
        ) : row.kind === 'source' ? (
          <li key={row.label} class="legend-source">
            <span>
              {t('popup.source')}: <SourceCitation citation={row.citation} />
            </span>
          </li>
        ) : (
          <li key={`${row.swatch}-${row.label}`}>
            <Swatch colour={row.colour} kind={row.swatch} />
            {row.label}
          </li>
        ),
      )}
    </ul>
  );
}

/** Embeds this narrow or this short start with the legend folded, so it leaves the map visible. */
const NARROW_EMBED = '(max-width: 480px), (max-height: 400px)';

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
