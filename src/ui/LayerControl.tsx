/**
 * The layer switches. Layers that colour the districts are one radio group (two colourings
 * drawn together would blend into colours no legend explains); the rest are checkboxes. Each
 * switch has its description, and the legend of what it draws while it is shown: the one
 * legend of the wide layout (on phones the map's own legend button takes its place).
 */
import { LAYER_IDS, type LayerId, layerDescription, layerTitle } from '../layers/registry';
import { coloursDistricts, DISTRICT_COLOURINGS, shownDistrictColouring } from '../state/district-colours';
import { useAtlas } from './atlas-context';
import { LayerLegend } from './Legend';

const OVERLAYS: readonly LayerId[] = LAYER_IDS.filter((id) => !coloursDistricts(id));

interface OptionProps {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  title: string;
  description?: string;
  /** The layer whose legend shows while it is checked. */
  layer?: LayerId;
  onChange(checked: boolean): void;
}

function LayerOption({ type, name, value, checked, title, description, layer, onChange }: OptionProps) {
  const descriptionId = description ? `layer-description-${value || 'none'}` : undefined;
  return (
    <div class="layer-option">
      <label>
        <input
          type={type}
          name={name}
          value={value}
          checked={checked}
          aria-describedby={descriptionId}
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
        {title}
      </label>
      {description && (
        <p id={descriptionId} class="layer-description">
          {description}
        </p>
      )}
      {layer && checked && <LayerLegend layer={layer} />}
    </div>
  );
}

export function LayerControl() {
  const { t, state, toggleLayer, setDistrictColouring } = useAtlas();
  const shown = shownDistrictColouring(state.layers);
  return (
    <div class="layer-control">
      <h2 class="layer-control-heading">{t('layers.heading')}</h2>
      <fieldset class="layer-group">
        <legend>{t('layers.colourings')}</legend>
        <LayerOption
          type="radio"
          name="district-colouring"
          value=""
          checked={shown === null}
          title={t('layers.noColouring')}
          onChange={(checked) => checked && setDistrictColouring(null)}
        />
        {DISTRICT_COLOURINGS.map((layer) => (
          <LayerOption
            key={layer}
            type="radio"
            name="district-colouring"
            value={layer}
            checked={shown === layer}
            title={t(layerTitle(layer))}
            description={t(layerDescription(layer))}
            layer={layer}
            onChange={(checked) => checked && setDistrictColouring(layer)}
          />
        ))}
      </fieldset>
      <fieldset class="layer-group">
        <legend>{t('layers.overlays')}</legend>
        {OVERLAYS.map((layer) => (
          <LayerOption
            key={layer}
            type="checkbox"
            name="layers"
            value={layer}
            checked={state.layers.includes(layer)}
            title={t(layerTitle(layer))}
            description={t(layerDescription(layer))}
            layer={layer}
            onChange={(checked) => toggleLayer(layer, checked)}
          />
        ))}
      </fieldset>
    </div>
  );
}
