/** The layer switches: a fieldset of checkboxes, each with its description and legend. */
import { LAYER_IDS } from '../types/layers';
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
              {t(`layer.${layer}.name`)}
            </label>
            <p id={descriptionId} class="layer-description">
              {t(`layer.${layer}.description`)}
            </p>
            <LayerLegend layer={layer} />
          </div>
        );
      })}
    </fieldset>
  );
}
