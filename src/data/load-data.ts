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
import { checkArticles, checkContent, checkPlaces, checkTopology } from './data-shapes';
import { FileLoadError, fileName } from './file-load-error';
import { ShapeError } from './shape';

export const DATA_URLS = {
  overview: overviewUrl,
  topology: topologyUrl,
  places: placesUrl,
  content: contentUrl,
  articles: articlesUrl,
};

/**
 * How long a data file may take, from request to parsed JSON, before it counts as failed:
 * a request the server never answers would otherwise leave "Loading map data…" up forever.
 */
export const DATA_TIMEOUT_MS = 20_000;

/** Fetches and parses a JSON file; `check` throws a ShapeError where the content has the wrong shape. */
export async function fetchJson<T>(url: string, check: (data: unknown) => void): Promise<T> {
  const file = fileName(url);
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, DATA_TIMEOUT_MS);
  const failure = (reason: string) =>
    timedOut
      ? new FileLoadError(file, `no answer within ${DATA_TIMEOUT_MS / 1000} s`, true)
      : new FileLoadError(file, reason);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: abort.signal });
    } catch (error) {
      throw failure((error as Error).message || 'network error');
    }
    if (!response.ok) throw failure(`HTTP ${response.status}`);
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw failure('not valid JSON');
    }
    try {
      check(data);
    } catch (error) {
      throw failure(error instanceof ShapeError ? error.message : 'unexpected content');
    }
    return data as T;
  } finally {
    clearTimeout(timer);
  }
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
    fetchJson<Topology>(DATA_URLS.overview, checkTopology),
    fetchJson<PlacesData>(DATA_URLS.places, checkPlaces),
    fetchJson<ContentData>(DATA_URLS.content, checkContent),
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
function fetchOnce<T>(url: string, check: (data: unknown) => void): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= fetchJson<T>(url, check).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The detailed borders, fetched when the map is first zoomed in (see src/map/detail.ts). */
export const loadDetailTopology = fetchOnce<Topology>(DATA_URLS.topology, checkTopology);

/** The full article texts, fetched when the reader first opens. */
export const loadArticles = fetchOnce<ArticlesData>(DATA_URLS.articles, checkArticles);
