/**
 * The host script (dist/atlas-embed.js and atlas-embed.iife.js): `embed(container, options)`
 * puts the atlas's embed page in an iframe, keeps the iframe as tall as its content and lets
 * the page steer the map. Its public types are atlas-embed.d.ts, shipped as they are.
 * Messages count only when they come from that iframe's window AND the atlas's origin.
 */
import type {
  AtlasChange,
  AtlasState,
  EmbedController,
  EmbedEvents,
  embed as EmbedFunction,
  EmbedOptions,
} from './atlas-embed';
import { parseMapMessage, type SetCommand } from './protocol';

const DEFAULT_TITLE = '重庆空间战略地图 · Chongqing Spatial Strategy Atlas';
const DEFAULT_HEIGHT = 560;

/**
 * This script's own address, which embed.html sits next to. A classic script can read it only
 * while it first runs (document.currentScript); a module has import.meta.url (undefined in the
 * classic build, see vite.host.config.ts).
 */
const SCRIPT_URL: string | undefined = (() => {
  const script = typeof document === 'undefined' ? null : document.currentScript;
  return script && 'src' in script && script.src ? script.src : import.meta.url;
})();

/** Rounded as the atlas's URLs are, so that embed.html reads the view back exactly. */
const decimal = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** embed.html with the initial state in the atlas's URL format (src/state/url-state.ts). */
function embedPageUrl(base: string | URL, options: EmbedOptions): URL {
  const url = new URL('embed.html', base);
  const params = new URLSearchParams();
  if (options.lang) params.set('lang', options.lang);
  if (options.layers) params.set('layers', options.layers.join(','));
  if (options.population) params.set('population', options.population);
  if (options.sel) params.set('sel', options.sel);
  if (options.showTitle === false) params.set('title', '0');
  if (options.showLegend === false) params.set('legend', '0');
  if (options.popup === false) params.set('popup', '0');
  url.search = params.toString().replace(/%2C/g, ',');
  const view = options.view;
  if (view) url.hash = `map=${decimal(view.zoom, 2)}/${decimal(view.lat, 5)}/${decimal(view.lon, 5)}`;
  return url;
}

/** Only the fields the protocol knows, and none left undefined (the map rejects those). */
function setCommand(change: AtlasChange): SetCommand {
  const command: SetCommand = { type: 'cq-atlas:set' };
  if (change.sel !== undefined) command.sel = change.sel;
  if (change.layers !== undefined) command.layers = [...change.layers];
  if (change.population !== undefined) command.population = change.population;
  if (change.lang !== undefined) command.lang = change.lang;
  if (change.view !== undefined) command.view = { zoom: change.view.zoom, lat: change.view.lat, lon: change.view.lon };
  if (change.popup !== undefined) command.popup = change.popup;
  return command;
}

export const embed: typeof EmbedFunction = (container, options = {}) => {
  const base = options.baseUrl ?? SCRIPT_URL;
  if (!base) throw new Error('embed: set options.baseUrl to the atlas’s address (this script cannot tell its own)');
  const src = embedPageUrl(base, options);
  const atlasOrigin = src.origin;
  const host = container.ownerDocument.defaultView;
  if (!host) throw new Error('embed: the container is not in a window');

  const iframe = container.ownerDocument.createElement('iframe');
  iframe.src = src.href;
  iframe.title = options.title ?? DEFAULT_TITLE;
  iframe.loading = 'lazy';
  iframe.allowFullscreen = true;
  // The map's share button: the browser's share sheet, or copying the link.
  iframe.allow = 'web-share; clipboard-write';
  // CSSOM properties, not a style attribute: a strict CSP on the host page allows these.
  iframe.style.display = 'block';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.height = `${options.height ?? DEFAULT_HEIGHT}px`;

  const listeners: { [K in keyof EmbedEvents]: Set<(value: EmbedEvents[K]) => void> } = {
    ready: new Set(),
    select: new Set(),
  };
  let readyState: AtlasState | null = null;
  let pending: AtlasChange | null = null;
  let destroyed = false;

  const post = (change: AtlasChange) => iframe.contentWindow?.postMessage(setCommand(change), atlasOrigin);
  const emit = <K extends keyof EmbedEvents>(event: K, value: EmbedEvents[K]) => {
    for (const listener of [...listeners[event]]) listener(value);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== atlasOrigin) return;
    const message = parseMapMessage(event.data);
    if (!message) return;
    if (message.type === 'cq-atlas:height') {
      iframe.style.height = `${Math.ceil(message.height)}px`;
    } else if (message.type === 'cq-atlas:ready') {
      readyState = message.state;
      if (pending) post(pending);
      pending = null;
      emit('ready', message.state);
    } else {
      emit('select', message.sel);
    }
  };
  host.addEventListener('message', onMessage);
  container.append(iframe);

  const controller: EmbedController = {
    iframe,
    set(change) {
      if (destroyed) return;
      if (readyState) post(change);
      else pending = { ...pending, ...setCommand(change) };
    },
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      const state = readyState;
      if (event === 'ready' && state) {
        queueMicrotask(() => {
          if (set.has(listener)) (listener as (value: AtlasState) => void)(state);
        });
      }
      return () => {
        set.delete(listener);
      };
    },
    destroy() {
      destroyed = true;
      host.removeEventListener('message', onMessage);
      listeners.ready.clear();
      listeners.select.clear();
      pending = null;
      iframe.remove();
    },
  };
  return controller;
};
