/**
 * Fetches the built artifacts. Each file is checked for the shape the app relies on,
 * so a missing or corrupt file becomes a named error (shown in an error panel), never
 * a blank page.
 */
import type { Topology } from 'topojson-specification';
import articlesUrl from '../generated/articles.json?url';
import topologyUrl from '../generated/atlas.topo.json?url';
import overviewUrl from '../generated/atlas-overview.topo.json?url';
import contentUrl from '../generated/content.json?url';
import placesUrl from '../generated/places.json?url';
import type { PlacesData } from '../types/atlas-data';
import type { ArticlesData, ContentData } from '../types/content';

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataLoadError';
  }
}

export const DATA_URLS = {
  overview: overviewUrl,
  topology: topologyUrl,
  places: placesUrl,
  content: contentUrl,
  articles: articlesUrl,
};

const fileName = (url: string) => url.split('/').pop()?.split('?')[0] ?? url;

export async function fetchJson<T>(url: string, isValid: (data: unknown) => boolean): Promise<T> {
  const file = fileName(url);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DataLoadError(file, (error as Error).message || 'network error');
  }
  if (!response.ok) throw new DataLoadError(file, `HTTP ${response.status}`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new DataLoadError(file, 'not valid JSON');
  }
  if (!isValid(data)) throw new DataLoadError(file, 'unexpected content');
  return data as T;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const hasArrays = (value: unknown, keys: string[]) => isRecord(value) && keys.every((key) => Array.isArray(value[key]));

export function isTopology(data: unknown): boolean {
  return (
    isRecord(data) &&
    data.type === 'Topology' &&
    Array.isArray(data.arcs) &&
    isRecord(data.objects) &&
    ['districts', 'regions', 'provinces', 'rivers'].every((name) =>
      isRecord((data.objects as Record<string, unknown>)[name]),
    )
  );
}

export function isPlacesData(data: unknown): boolean {
  return (
    hasArrays(data, ['districts', 'regions', 'provinces', 'attribution']) && (data as PlacesData).districts.length > 0
  );
}

export function isContentData(data: unknown): boolean {
  return hasArrays(data, ['articles', 'passages', 'figures', 'flows', 'schematic', 'outflowShares']);
}

export function isArticlesData(data: unknown): boolean {
  return hasArrays(data, ['articles']);
}

export interface AtlasData {
  /** The borders simplified for small scales: what the first view draws (see src/map/detail.ts). */
  overview: Topology;
  places: PlacesData;
  content: ContentData;
}

/**
 * The three files the first view needs, fetched in parallel (the detailed borders come later).
 * index.html and embed.html preload the same three (`as="fetch" crossorigin`, matching these
 * fetches), so they are requested with the HTML instead of after the scripts have run; the links
 * stand in the body, so the stylesheet and scripts Vite adds to the head go first. Vite writes in
 * the hashed names. An end-to-end test checks each file is fetched once.
 */
export async function loadAtlasData(): Promise<AtlasData> {
  const [overview, places, content] = await Promise.all([
    fetchJson<Topology>(DATA_URLS.overview, isTopology),
    fetchJson<PlacesData>(DATA_URLS.places, isPlacesData),
    fetchJson<ContentData>(DATA_URLS.content, isContentData),
  ]);
  return { overview, places, content };
}

let earlyLoad: Promise<AtlasData> | null = null;

/** Starts the first load as the page's script runs, before the first render and the WebGL probe. */
export function preloadAtlasData(): void {
  earlyLoad ??= loadAtlasData();
  // The app reports a failure when it takes the promise; this only keeps it from being unhandled meanwhile.
  earlyLoad.catch(() => undefined);
}

/** The preloaded data the first time, a fresh load after that (a retry after an error). */
export function takeAtlasData(): Promise<AtlasData> {
  const load = earlyLoad ?? loadAtlasData();
  earlyLoad = null;
  return load;
}

/** A fetch made once and shared by every caller; a failed one is forgotten, so a later call retries. */
function fetchOnce<T>(url: string, isValid: (data: unknown) => boolean): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= fetchJson<T>(url, isValid).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The detailed borders, fetched when the map is first zoomed in (see src/map/detail.ts). */
export const loadDetailTopology = fetchOnce<Topology>(DATA_URLS.topology, isTopology);

/** The full article texts, fetched when the reader first opens. */
export const loadArticles = fetchOnce<ArticlesData>(DATA_URLS.articles, isArticlesData);
