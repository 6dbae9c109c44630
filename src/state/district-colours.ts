/**
 * Which layers colour the districts, and the rule that at most one of them is shown: two
 * district colourings drawn together blend into colours no legend entry explains. A layer
 * colours the districts when the registry says it tints them or fills every one of them.
 */
import { coversDistricts, LAYER_IDS, type LayerId, tintsDistricts } from '../layers/registry';

export function coloursDistricts(id: LayerId): boolean {
  return tintsDistricts(id) || coversDistricts(id);
}

/** The layers that colour the districts, in registry order: the choices of one radio group. */
export const DISTRICT_COLOURINGS: readonly LayerId[] = LAYER_IDS.filter(coloursDistricts);

/**
 * The layers as given, with only the last district colouring named kept (old links and
 * embeds may name several); the others are kept as given, duplicates and order included.
 */
export function keepLastDistrictColouring(layers: readonly LayerId[]): LayerId[] {
  const last = [...layers].reverse().find(coloursDistricts);
  return layers.filter((id) => !coloursDistricts(id) || id === last);
}

/** The layers after showing one: a district colouring replaces the one shown before. */
export function withLayerShown(layers: readonly LayerId[], id: LayerId): LayerId[] {
  if (layers.includes(id)) return [...layers];
  const kept = coloursDistricts(id) ? layers.filter((shown) => !coloursDistricts(shown)) : layers;
  return [...kept, id];
}

/** The district colouring shown, or null for none. */
export function shownDistrictColouring(layers: readonly LayerId[]): LayerId | null {
  return layers.find(coloursDistricts) ?? null;
}
