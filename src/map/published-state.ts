/**
 * What the map shows, published on purpose as `data-` attributes of its container, for the
 * end-to-end tests, the benchmark and embedders: read-only, in the atlas's own terms, with no
 * renderer object behind it. A reader sees the same things on the screen.
 */
export type DetailLevel = 'overview' | 'loading' | 'detail';

/** The optional basemap: none named by the page, loading its style or archive, added to the map, or failed (the atlas is drawn without it). */
export type BasemapStatus = 'none' | 'loading' | 'added' | 'failed';

export interface PublishedState {
  /** The map has loaded and has nothing left to draw (false while it moves, loads or redraws a change). */
  idle: boolean;
  /** The place drawn selected, null for none. */
  selection: string | null;
  /** The places drawn outlined for the open passage. */
  passagePlaces: readonly string[];
  /** The district drawn with the hover outline, null for none. */
  hover: string | null;
  /** The thematic layers drawn, in the URL's order. */
  layers: readonly string[];
  /** Which borders are drawn: the overview, the overview while the detailed ones load, or the detailed ones. */
  detail: DetailLevel;
  /** The camera once settled: zoom, and the centre as [lon, lat], more precise than the URL's. */
  zoom: number;
  center: readonly [number, number];
  basemap: BasemapStatus;
}

/** The attribute each field is published as. */
export const PUBLISHED_ATTRIBUTES = {
  idle: 'data-idle',
  selection: 'data-selection',
  passagePlaces: 'data-passage-places',
  hover: 'data-hover',
  layers: 'data-layers',
  detail: 'data-detail',
  zoom: 'data-zoom',
  center: 'data-center',
  basemap: 'data-basemap',
} as const satisfies Record<keyof PublishedState, `data-${string}`>;

/** Lists are written comma-separated, absent values as the empty string. */
function format(key: keyof PublishedState, value: PublishedState[keyof PublishedState]): string {
  if (value === null) return '';
  if (key === 'zoom') return (value as number).toFixed(4);
  if (key === 'center') return (value as readonly number[]).map((degrees) => degrees.toFixed(6)).join(',');
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function publishState(element: HTMLElement, state: Partial<PublishedState>): void {
  for (const key of Object.keys(state) as (keyof PublishedState)[]) {
    const value = state[key];
    if (value === undefined) continue;
    const text = format(key, value);
    const attribute = PUBLISHED_ATTRIBUTES[key];
    if (element.getAttribute(attribute) !== text) element.setAttribute(attribute, text);
  }
}
