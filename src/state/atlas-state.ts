import { DEFAULT_POPULATION_MEASURE, type PopulationMeasureId } from '../layers/population-measures';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId } from '../layers/registry';
import type { Lang } from '../types/atlas-data';
import { DISTRICT_COLOURINGS, keepLastDistrictColouring, withLayerShown } from './district-colours';

/** A camera position as it appears in `#map=<zoom>/<lat>/<lon>`. */
export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

/** Everything the URL says about the screen (docs/architecture.md, Public contracts). */
export interface AtlasState {
  lang: Lang;
  /** Visible layers, always in LAYER_IDS order, with at most one that colours the districts. */
  layers: LayerId[];
  /** What the population layer shades the districts by (kept while the layer is hidden). */
  population: PopulationMeasureId;
  /** A region id or a district code, or null. */
  sel: string | null;
  /** A passage id (opens the reader there), or null. */
  passage: string | null;
  /** null: the default view that fits Chongqing. */
  view: MapView | null;
}

export const DEFAULT_STATE: AtlasState = {
  lang: 'zh',
  layers: [...DEFAULT_LAYERS],
  population: DEFAULT_POPULATION_MEASURE,
  sel: null,
  passage: null,
  view: null,
};

/** Layers in their canonical order, without duplicates. */
export function orderLayers(layers: Iterable<LayerId>): LayerId[] {
  const wanted = new Set(layers);
  return LAYER_IDS.filter((id) => wanted.has(id));
}

export type AtlasAction =
  | { type: 'set-lang'; lang: Lang }
  | { type: 'toggle-layer'; layer: LayerId; visible: boolean }
  | { type: 'set-layers'; layers: LayerId[] }
  /** Shows one district colouring in place of the one shown, or none (null). */
  | { type: 'set-district-colouring'; layer: LayerId | null }
  | { type: 'set-population-measure'; measure: PopulationMeasureId }
  | { type: 'select'; sel: string | null }
  | { type: 'open-passage'; passage: string | null }
  | { type: 'move'; view: MapView }
  | { type: 'replace'; state: AtlasState };

/** The one place state changes; pure, so it tests without a browser. */
export function reduceAtlasState(state: AtlasState, action: AtlasAction): AtlasState {
  switch (action.type) {
    case 'set-lang':
      return state.lang === action.lang ? state : { ...state, lang: action.lang };
    case 'toggle-layer': {
      const has = state.layers.includes(action.layer);
      if (has === action.visible) return state;
      const layers = action.visible
        ? orderLayers(withLayerShown(state.layers, action.layer))
        : state.layers.filter((id) => id !== action.layer);
      return { ...state, layers };
    }
    case 'set-layers': {
      const layers = orderLayers(keepLastDistrictColouring(action.layers));
      return layers.join() === state.layers.join() ? state : { ...state, layers };
    }
    case 'set-district-colouring': {
      const others = state.layers.filter((id) => !DISTRICT_COLOURINGS.includes(id));
      const layers = orderLayers(action.layer ? [...others, action.layer] : others);
      return layers.join() === state.layers.join() ? state : { ...state, layers };
    }
    case 'set-population-measure':
      return state.population === action.measure ? state : { ...state, population: action.measure };
    case 'select':
      return state.sel === action.sel ? state : { ...state, sel: action.sel };
    case 'open-passage':
      return state.passage === action.passage ? state : { ...state, passage: action.passage };
    case 'move': {
      const { view } = action;
      const same =
        state.view !== null &&
        state.view.zoom === view.zoom &&
        state.view.lat === view.lat &&
        state.view.lon === view.lon;
      return same ? state : { ...state, view };
    }
    case 'replace':
      return action.state;
  }
}
