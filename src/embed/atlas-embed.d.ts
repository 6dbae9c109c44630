/**
 * Chongqing Spatial Strategy Atlas · 重庆空间战略地图: the host API.
 *
 *   import { embed } from 'https://<atlas site>/atlas-embed.js';        // ES module
 *   <script src="https://<atlas site>/atlas-embed.iife.js"></script>    // classic: window.CqAtlas.embed
 *
 * Shipped as dist/atlas-embed.d.ts; src/embed/host.ts implements exactly these types.
 */

/** The map's layer ids, in the order the atlas lists them (checked against its layer registry by a unit test). */
export type AtlasLayerId =
  | 'districts'
  | 'urban-system'
  | 'yuzhong'
  | 'innovation'
  | 'population'
  | 'wan-kai-yun'
  | 'ecology'
  | 'governance';

/**
 * What the population layer shades the districts by (checked against the atlas's measure list
 * by a unit test). Default `hukou-other-county-share`.
 * - `hukou-other-county-share`: 2020 census, share of residents whose hukou is registered in
 *   another district or county of Chongqing (in-migration within Chongqing), all 38 units;
 * - `hukou-other-province-share`: 2020 census, share registered in another province, all 38 units;
 * - `urban-share`: 2020 census, share of residents living in urban areas, all 38 units;
 * - `net-outflow-share`: 2023, net outflow as a share of registered population, the units with data.
 */
export type AtlasPopulationMeasure =
  | 'hukou-other-county-share'
  | 'hukou-other-province-share'
  | 'urban-share'
  | 'net-outflow-share';

export type AtlasLang = 'zh' | 'en';

/** A camera position, as in the atlas's `#map=<zoom>/<lat>/<lon>`. */
export interface AtlasView {
  zoom: number;
  lat: number;
  lon: number;
}

/** What the map shows; `view` is null while it fits the whole municipality. */
export interface AtlasState {
  /** A district code ("500101") or a region id ("wan-kai-yun"), or null. */
  sel: string | null;
  layers: AtlasLayerId[];
  /** The population layer's measure (kept while the layer is hidden). */
  population: AtlasPopulationMeasure;
  lang: AtlasLang;
  view: AtlasView | null;
}

/** A change to the map; what is left out stays as it is. `sel: null` clears the selection. */
export interface AtlasChange {
  sel?: string | null;
  layers?: AtlasLayerId[];
  /** What the population layer shades the districts by; it shows once `layers` includes `population`. */
  population?: AtlasPopulationMeasure;
  lang?: AtlasLang;
  view?: AtlasView;
  /**
   * Whether the selection's details open (default true). `false` draws the place selected and
   * leaves the map uncovered; the reader opens the details by clicking the place.
   */
  popup?: boolean;
}

export interface EmbedOptions extends AtlasChange {
  /** The iframe's accessible name; default "重庆空间战略地图 · Chongqing Spatial Strategy Atlas". */
  title?: string;
  /** Height in CSS pixels until the map reports its own; default 560. */
  height?: number;
  /** Show the title bar (default true). */
  showTitle?: boolean;
  /** Show the legend (default true). */
  showLegend?: boolean;
  /** Where the atlas lives; embed.html is resolved against it. Default: this script's own URL. */
  baseUrl?: string | URL;
}

export interface EmbedEvents {
  /** The map has loaded; its state at that moment. */
  ready: AtlasState;
  /** The selection changed (by the reader or by `set`); null when cleared. */
  select: string | null;
}

export interface EmbedController {
  readonly iframe: HTMLIFrameElement;
  /** Changes the map; sent once the map is ready (changes made before are merged and sent then). */
  set(change: AtlasChange): void;
  /**
   * Calls `listener` on each event; returns a function that stops it. A `ready` listener added
   * after the map became ready is called once with the state it had then.
   */
  on<K extends keyof EmbedEvents>(event: K, listener: (value: EmbedEvents[K]) => void): () => void;
  /** Removes the iframe and every listener. */
  destroy(): void;
}

/** Creates the atlas's iframe in `container` (width 100%, automatic height) and returns its controller. */
export declare function embed(container: HTMLElement, options?: EmbedOptions): EmbedController;

declare global {
  interface Window {
    /** Set by the classic script, atlas-embed.iife.js. */
    CqAtlas?: { embed: typeof embed };
  }
}
