/** The layer switches: a fieldset of checkboxes, each with its description and legend. */
import { LAYER_IDS, layerDescription, layerTitle } from '../layers/registry';
import { useAtlas } from './atlas-context';
import { LayerLegend } from './Legend';

export function LayerControl() {
  const { t, state, toggleLayer } = useAtlas();
  return (
    <fieldset class="layer-control">
      <legend>{t('layers.heading')}</legend>
      {LAYER_IDS.map((layer) => {
        const checked = state.layers.includes(layer);
        const descriptionId = `layer-description-${layer}`;
        return (
          <div key={layer} class="layer-option">
            <label>
              <input
                type="checkbox"
                name="layers"
                value={layer}
                checked={checked}
                aria-describedby={descriptionId}
                onChange={(event) => toggleLayer(layer, (event.currentTarget as HTMLInputElement).checked)}
              />
              {t(layerTitle(layer))}
            </label>
            <p id={descriptionId} class="layer-description">
              {t(layerDescription(layer))}
            </p>
            <LayerLegend layer={layer} />
          </div>
        );
      })}
    </fieldset>
  );
}
