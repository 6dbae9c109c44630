/**
 * The URL codec: `?lang=zh|en&layers=a,b&population=<measure>&sel=<id>&passage=<id>#map=<zoom>/<lat>/<lon>`.
 * The only module that reads or writes those parameters. Parsing never throws: anything
 * unknown or malformed falls back to the default for that part.
 */

import { DEFAULT_POPULATION_MEASURE, isPopulationMeasure } from '../layers/population-measures';
import { DEFAULT_LAYERS, isLayerId } from '../layers/registry';
import type { Lang } from '../types/atlas-data';
import { type AtlasState, DEFAULT_STATE, type MapView, orderLayers } from './atlas-state';
import { keepLastDistrictColouring } from './district-colours';
import { isViewInRange } from './view-limits';

/** What ids exist; the codec keeps only ids the data knows. */
export interface Vocabulary {
  isPlace(id: string): boolean;
  /** The passage an id opens now (itself, or the id it was renamed or merged into), or null. */
  passage(id: string): string | null;
}

const DECIMAL = /^-?\d{1,4}(\.\d{1,12})?$/;

function parseDecimal(text: string | undefined): number | null {
  if (text === undefined || !DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Rounds for the URL; normalises -0 so that writing is idempotent. */
function formatNumber(value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits));
  return String(rounded === 0 ? 0 : rounded);
}

export function parseView(hash: string): MapView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const parts = (params.get('map') ?? '').split('/');
  if (parts.length !== 3) return null;
  const [zoom, lat, lon] = parts.map(parseDecimal);
  if (zoom == null || lat == null || lon == null) return null;
  if (!isViewInRange(zoom, lat, lon)) return null;
  return normaliseView({ zoom, lat, lon });
}

/** The precision the URL keeps: zoom to 0.01, position to 1e-5° (about 1 m). */
export function normaliseView(view: MapView): MapView {
  return {
    zoom: Number(formatNumber(view.zoom, 2)),
    lat: Number(formatNumber(view.lat, 5)),
    lon: Number(formatNumber(view.lon, 5)),
  };
}

export function formatView(view: MapView): string {
  return `map=${formatNumber(view.zoom, 2)}/${formatNumber(view.lat, 5)}/${formatNumber(view.lon, 5)}`;
}

function parseLang(value: string | null): Lang {
  return value === 'en' || value === 'zh' ? value : DEFAULT_STATE.lang;
}

function parseLayers(value: string | null): AtlasState['layers'] {
  if (value === null) return [...DEFAULT_LAYERS];
  const tokens = value.split(',').map((token) => token.trim());
  const known = tokens.filter(isLayerId);
  // "layers=" (nothing) is a real choice; a list of only unknown ids is not.
  if (known.length === 0 && tokens.some((token) => token !== '')) return [...DEFAULT_LAYERS];
  // Older links may name several district colourings: the last one given wins.
  return orderLayers(keepLastDistrictColouring(known));
}

/** Links from before the measure existed name none: they get the default, as do unknown ones. */
function parsePopulationMeasure(value: string | null): AtlasState['population'] {
  return isPopulationMeasure(value) ? value : DEFAULT_POPULATION_MEASURE;
}

function safeParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text.replace(/^\?/, ''));
  } catch {
    return new URLSearchParams();
  }
}

export function parseUrlState(search: string, hash: string, vocabulary: Vocabulary): AtlasState {
  const params = safeParams(search);
  const sel = params.get('sel');
  const passage = params.get('passage');
  return {
    lang: parseLang(params.get('lang')),
    layers: parseLayers(params.get('layers')),
    population: parsePopulationMeasure(params.get('population')),
    sel: sel !== null && vocabulary.isPlace(sel) ? sel : null,
    passage: passage !== null ? vocabulary.passage(passage) : null,
    view: parseView(hash),
  };
}

/** The query string (with "?", or "") and hash (with "#", or "") for a state; defaults are left out. */
export function serialiseUrlState(state: AtlasState): { search: string; hash: string } {
  const params = new URLSearchParams();
  if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
  const layers = orderLayers(state.layers);
  if (layers.join(',') !== DEFAULT_LAYERS.join(',')) params.set('layers', layers.join(','));
  if (state.population !== DEFAULT_POPULATION_MEASURE) params.set('population', state.population);
  if (state.sel) params.set('sel', state.sel);
  if (state.passage) params.set('passage', state.passage);
  // Commas are legal in a query; keeping them literal keeps links readable.
  const query = params.toString().replace(/%2C/g, ',');
  return { search: query ? `?${query}` : '', hash: state.view ? `#${formatView(state.view)}` : '' };
}

export function stateToUrl(state: AtlasState): string {
  const { search, hash } = serialiseUrlState(state);
  return `${search}${hash}`;
}

/**
 * What the embed page shows besides the state: `title=0`, `legend=0`, and `popup=0` (the
 * selection is drawn, its details stay closed until the reader opens them).
 */
export interface EmbedOptions {
  showTitle: boolean;
  showLegend: boolean;
  showPopup: boolean;
}

export function parseEmbedOptions(search: string): EmbedOptions {
  const params = safeParams(search);
  return {
    showTitle: params.get('title') !== '0',
    showLegend: params.get('legend') !== '0',
    showPopup: params.get('popup') !== '0',
  };
}

/** The query and hash for an embed: the state plus the options that differ from the default. */
export function embedQuery(state: AtlasState, options: EmbedOptions): string {
  const { search, hash } = serialiseUrlState(state);
  const params = new URLSearchParams(search);
  if (!options.showTitle) params.set('title', '0');
  if (!options.showLegend) params.set('legend', '0');
  if (!options.showPopup) params.set('popup', '0');
  const query = params.toString().replace(/%2C/g, ',');
  return `${query ? `?${query}` : ''}${hash}`;
}
