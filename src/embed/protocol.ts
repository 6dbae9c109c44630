/**
 * The embed protocol: JSON objects sent with window.postMessage, their `type`
 * prefixed `cq-atlas:`. Both sides validate every message and ignore what does not parse.
 *   map → host: cq-atlas:ready {state}, cq-atlas:height {height}, cq-atlas:select {sel}
 *   host → map: cq-atlas:set {sel?, layers?, population?, lang?, view?, popup?}
 * At most one layer that colours the districts is shown; of several named, the last is kept.
 */
import {
  DEFAULT_POPULATION_MEASURE,
  isPopulationMeasure,
  type PopulationMeasureId,
} from '../layers/population-measures';
import { isLayerId, type LayerId } from '../layers/registry';
import { keepLastDistrictColouring } from '../state/district-colours';
import { isViewInRange } from '../state/view-limits';

export const PROTOCOL_VERSION = 1;

export type EmbedLang = 'zh' | 'en';

export interface EmbedView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface EmbedState {
  sel: string | null;
  layers: LayerId[];
  /** What the population layer shades the districts by (also while the layer is hidden). */
  population: PopulationMeasureId;
  lang: EmbedLang;
  view: EmbedView | null;
}

export type MapMessage =
  | { type: 'cq-atlas:ready'; version: number; state: EmbedState }
  | { type: 'cq-atlas:height'; height: number }
  | { type: 'cq-atlas:select'; sel: string | null };

export interface SetCommand {
  type: 'cq-atlas:set';
  sel?: string | null;
  layers?: LayerId[];
  population?: PopulationMeasureId;
  lang?: EmbedLang;
  view?: EmbedView;
  /** Whether the selection's details open (false: the place is only drawn selected). */
  popup?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9-]{1,64}$/.test(value);
const isLang = (value: unknown): value is EmbedLang => value === 'zh' || value === 'en';

function parseView(value: unknown): EmbedView | null {
  if (!isRecord(value)) return null;
  const { zoom, lat, lon } = value;
  if (typeof zoom !== 'number' || typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!isViewInRange(zoom, lat, lon)) return null;
  return { zoom, lat, lon };
}

/** A host's command, or null when the message is not a well-formed `cq-atlas:set`. */
export function parseSetCommand(data: unknown): SetCommand | null {
  if (!isRecord(data) || data.type !== 'cq-atlas:set') return null;
  const command: SetCommand = { type: 'cq-atlas:set' };
  if ('sel' in data) {
    if (data.sel !== null && !isId(data.sel)) return null;
    command.sel = data.sel as string | null;
  }
  if ('layers' in data) {
    if (!Array.isArray(data.layers) || !data.layers.every((layer) => typeof layer === 'string' && isLayerId(layer))) {
      return null;
    }
    // Hosts written for older versions may name several district colourings: the last one wins.
    command.layers = keepLastDistrictColouring(data.layers as LayerId[]);
  }
  if ('population' in data) {
    if (!isPopulationMeasure(data.population)) return null;
    command.population = data.population;
  }
  if ('lang' in data) {
    if (!isLang(data.lang)) return null;
    command.lang = data.lang;
  }
  if ('view' in data) {
    const view = parseView(data.view);
    if (!view) return null;
    command.view = view;
  }
  if ('popup' in data) {
    if (typeof data.popup !== 'boolean') return null;
    command.popup = data.popup;
  }
  return command;
}

/** A map's event, or null when the message is not one the protocol defines. */
export function parseMapMessage(data: unknown): MapMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'cq-atlas:ready': {
      const state = data.state;
      if (typeof data.version !== 'number' || !isRecord(state)) return null;
      if (!(state.sel === null || isId(state.sel)) || !isLang(state.lang) || !Array.isArray(state.layers)) return null;
      const layers = state.layers.filter((layer): layer is LayerId => typeof layer === 'string' && isLayerId(layer));
      // A map older than the measure sends none: it shows the default.
      const population = isPopulationMeasure(state.population) ? state.population : DEFAULT_POPULATION_MEASURE;
      return {
        type: 'cq-atlas:ready',
        version: data.version,
        state: { sel: state.sel as string | null, layers, population, lang: state.lang, view: parseView(state.view) },
      };
    }
    case 'cq-atlas:height':
      return typeof data.height === 'number' &&
        Number.isFinite(data.height) &&
        data.height >= 0 &&
        data.height < 100_000
        ? { type: 'cq-atlas:height', height: data.height }
        : null;
    case 'cq-atlas:select':
      return data.sel === null || isId(data.sel) ? { type: 'cq-atlas:select', sel: data.sel as string | null } : null;
    default:
      return null;
  }
}
