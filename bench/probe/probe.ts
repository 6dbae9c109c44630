/**
 * The benchmark's in-page half, injected before any page script (Playwright's addInitScript)
 * into the atlas and the baselines alike. It records long tasks, the moment the map is idle
 * with its districts drawn, and times the atlas's interactions from the input event's own
 * timestamp to the frame that shows the result.
 *
 * It reads the atlas through the state the page publishes on its map container
 * (src/map/published-state.ts): a change there is applied to the map in the same task, and the
 * frame painted after it is the one that shows it. Builds from before that state exposed their
 * MapLibre map as `window.__atlas.adapter.map`; `bench:compare` still measures them through
 * MapLibre's public events (the legacy half below), at the same two moments of that frame: the
 * end of its animation-frame callbacks (the map's draw) and the task after its rendering (painted).
 * The two differ by the frame's commit, which in headless Chromium's software compositing waits
 * for SwiftShader to rasterise the WebGL canvas and read it back: a cost readers' GPUs do not put
 * on the main thread, so the frame's main-thread time stops at the draw.
 *
 * Bundled for the browser (bench/probe/build-probe.ts) rather than passed as functions to
 * page.evaluate: tsx would wrap named inner functions in a `__name` helper the page lacks.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { PUBLISHED_ATTRIBUTES } from '../../src/map/published-state';

export interface LongTask {
  start: number;
  duration: number;
}

export interface PopupTiming {
  /** From the click event to the first frame painted with the popup naming the place. */
  ms: number;
  /** From the click event to the popup naming the place being in the DOM: the page's own work. */
  domMs: number;
  /** From the click event to the first map frame drawn with the place selected (its outline) being painted. */
  outlineMs: number;
}

export interface ToggleTiming {
  /** From the checkbox's change event to the first map frame drawn with the new visibility. */
  ms: number;
  /** Animation frames from the change to that map frame: 1 = the very next frame. */
  frames: number;
  /** From the change event to the map's next idle. */
  idleMs: number;
}

export interface HoverTiming {
  /** From the mousemove event to the map frame drawn with the hover outline being painted. */
  ms: number;
  /** Main-thread time of that frame: from its animation-frame callbacks to the end of the map's draw (no commit). */
  frameMs: number;
  frames: number;
}

export interface PaintTimes {
  fcp: number | null;
  lcp: number | null;
  /** The LCP candidate's element, as `tag.class` ("svg.static-map", "h1"). */
  lcpElement: string | null;
}

/** What builds from before the published state set on window (see the header). */
interface LegacyAtlasHandle {
  adapter: { map: MapLibreMap; isShown?: (id: string) => boolean };
  loaded: Promise<void>;
}

export interface BenchProbe {
  longTasks: LongTask[];
  /** performance.now() when the map was first idle with its districts drawn; null until then. */
  drawnAt: number | null;
  markDrawn(at?: number): void;
  /** Marks the page drawn after the next frame is painted (for DOM renderers: Leaflet's SVG). */
  markDrawnAfterPaint(): void;
  /**
   * The first paint of the map, whichever drew it: an SVG map (one with `data-id` shapes, as the
   * HTML or the page's script puts it on screen before any map engine) or the map engine's first
   * draw (drawnAt). Null until either.
   */
  firstMapPaint(): { at: number; by: 'svg' | 'engine' } | null;
  /** The page's paint timing: first contentful paint and the last largest-contentful-paint candidate. */
  paints(): PaintTimes;
  /** Page coordinates of a longitude/latitude on the atlas's map. */
  atlasPoint(lngLat: [number, number]): { x: number; y: number };
  /** The built places artifact the atlas fetched (its hashed URL is read from resource timing). */
  atlasPlaces(): Promise<{ code: string; nameZh: string; areaKm2: number; label: [number, number] }[]>;
  atlasIdle(): Promise<void>;
  /** Times a click that opens the popup naming expectedName and outlines the feature selected. */
  armPopup(expectedName: string, selected: { source: string; id: string }, timeoutMs?: number): void;
  /** Times a switch of `layer` (drawn by `styleLayers`, for builds that predate the published state). */
  armToggle(layer: string, styleLayers: string[], visible: boolean, timeoutMs?: number): void;
  armHover(code: string, timeoutMs?: number): void;
  /** The result of the last armed measurement. */
  result(): Promise<PopupTiming | ToggleTiming | HoverTiming>;
  popupOpen(): boolean;
}

declare global {
  interface Window {
    __benchProbe?: BenchProbe;
    __atlas?: LegacyAtlasHandle;
  }
}

const longTasks: LongTask[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No long-task timing in this browser: the list stays empty.
}

const paintTimes: PaintTimes = { fcp: null, lcp: null, lcpElement: null };
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') paintTimes.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      paintTimes.lcp = entry.startTime;
      const element = entry.element;
      paintTimes.lcpElement = element
        ? `${element.localName}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''}`
        : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
} catch {
  // No paint timing in this browser: the times stay null.
}

/** Two moments of one frame: its animation-frame callbacks done, and its rendering done. */
interface FrameMoments {
  /** After the map's draw: callbacks requested earlier in the frame (MapLibre's) have run. */
  drawnAt: number;
  /** In the task after the frame's rendering and commit: the frame has been painted by then. */
  paintedAt: number;
}

/**
 * Called from inside an animation-frame callback: a message posted there is handled in the
 * task after the frame's rendering, which runs in the same task as the callbacks.
 */
function framePainted(drawnAt: number): Promise<FrameMoments> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ drawnAt, paintedAt: performance.now() });
    channel.port2.postMessage(null);
  });
}

/** The next frame's moments; its callback runs after those requested before it (the map's draw). */
function nextFrame(): Promise<FrameMoments> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve(framePainted(performance.now())));
  });
}

/** Resolves in the task after the next frame's rendering: the frame has been painted by then. */
async function afterNextPaint(): Promise<number> {
  return (await nextFrame()).paintedAt;
}

/** Records when each animation frame's callbacks begin, from now on, until stopped. */
function frameClock() {
  const clock = { starts: [] as number[], stopped: false };
  const tick = () => {
    if (clock.stopped) return;
    clock.starts.push(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    /** Frames begun after `since` up to `until`: 1 = the first frame after the input. */
    framesBetween: (since: number, until: number) => clock.starts.filter((at) => at >= since && at <= until).length,
    /** When the frame that was running at `at` began. */
    frameStartBefore: (at: number) => clock.starts.filter((start) => start <= at).pop() ?? at,
    stop: () => {
      clock.stopped = true;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench probe: ${what} not seen within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The time of the next event of `type` on window (capture phase: before the page's handlers). */
function nextEventTime(type: string): Promise<number> {
  return new Promise((resolve) => {
    window.addEventListener(type, (event) => resolve(event.timeStamp), { capture: true, once: true });
  });
}

let drawnAt: number | null = null;
let svgPaintedAt: number | null = null;

/**
 * An SVG map on screen: an <svg> holding shapes with `data-id` (districts, regions) that is
 * laid out and visible. Leaflet's SVG has no `data-id`, so it counts as its engine's draw.
 */
function svgMapShown(): boolean {
  const shape = document.querySelector('svg [data-id]');
  const svg = shape?.closest('svg');
  if (!svg) return false;
  const box = svg.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && svg.checkVisibility();
}

/** Checked in every animation frame from the start; firstMapPaint() reconciles it with the paint timing. */
function watchSvgMap(): void {
  requestAnimationFrame(() => {
    if (svgPaintedAt !== null || drawnAt !== null) return;
    if (!svgMapShown()) {
      watchSvgMap();
      return;
    }
    void framePainted(performance.now()).then(({ paintedAt }) => {
      svgPaintedAt ??= paintedAt;
    });
  });
}
watchSvgMap();
let pending: Promise<PopupTiming | ToggleTiming | HoverTiming> = Promise.reject(new Error('nothing armed'));
pending.catch(() => undefined);

/** How the probe sees the atlas's map: what it draws, and when it has drawn it. */
interface AtlasMapView {
  idle(): Promise<void>;
  /** Page coordinates of a longitude/latitude on the map. */
  point(lngLat: [number, number]): { x: number; y: number };
  selected(id: string, source: string): boolean;
  hovered(code: string): boolean;
  /** Whether the map draws `layer` (by its style layers, for legacy builds) or not, as `visible` says. */
  layerIs(layer: string, styleLayers: string[], visible: boolean): boolean;
  /** The moments of the first frame drawn once `accept()` holds. */
  drawnWhen(accept: () => boolean): Promise<FrameMoments>;
}

const MAP_SELECTOR = '[data-testid="map"]';

/** The atlas's map through the state its page publishes (see the header). */
const publishedMap: AtlasMapView = {
  idle() {
    return untilMapAttributes(() => mapAttribute('idle') === 'true');
  },
  point(lngLat) {
    const box = mapContainer().getBoundingClientRect();
    const zoom = Number(mapAttribute('zoom'));
    const [lon = 0, lat = 0] = (mapAttribute('center') ?? '').split(',').map(Number);
    const world = 512 * 2 ** zoom;
    const x = (degrees: number) => ((degrees + 180) / 360) * world;
    const y = (degrees: number) =>
      ((1 - Math.log(Math.tan(Math.PI / 4 + (degrees * Math.PI) / 360)) / Math.PI) / 2) * world;
    return {
      x: box.left + box.width / 2 + x(lngLat[0]) - x(lon),
      y: box.top + box.height / 2 + y(lngLat[1]) - y(lat),
    };
  },
  selected: (id) => mapAttribute('selection') === id,
  hovered: (code) => mapAttribute('hover') === code,
  layerIs: (layer, _, visible) => (mapAttribute('layers') ?? '').split(',').includes(layer) === visible,
  async drawnWhen(accept) {
    await untilMapAttributes(accept);
    return nextFrame();
  },
};

function mapContainer(): HTMLElement {
  const element = document.querySelector<HTMLElement>(MAP_SELECTOR);
  if (!element) throw new Error('bench probe: no map container');
  return element;
}

function mapAttribute(key: keyof typeof PUBLISHED_ATTRIBUTES): string | null {
  return document.querySelector(MAP_SELECTOR)?.getAttribute(PUBLISHED_ATTRIBUTES[key]) ?? null;
}

/** Resolves once `accept()` holds, checked whenever the map's published state changes. */
function untilMapAttributes(accept: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (accept()) return resolve();
    const observer = new MutationObserver(() => {
      if (!accept()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document, { subtree: true, attributeFilter: Object.values(PUBLISHED_ATTRIBUTES) });
  });
}

// The atlas is drawn at its first idle (the published state says idle once loaded and drawn).
new MutationObserver((_, observer) => {
  if (mapAttribute('idle') !== 'true') return;
  probe.markDrawn(performance.now());
  observer.disconnect();
}).observe(document, { subtree: true, attributeFilter: [PUBLISHED_ATTRIBUTES.idle] });

let legacy: LegacyAtlasHandle | undefined;

/** The same through MapLibre's public API, for builds that set window.__atlas (see the header). */
const legacyMap: AtlasMapView = {
  idle() {
    const map = legacyMapLibre();
    return new Promise((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
      else map.once('idle', () => resolve());
    });
  },
  point(lngLat) {
    const map = legacyMapLibre();
    const point = map.project(lngLat);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
  selected: (id, source) => legacyMapLibre().getFeatureState({ source, id }).selected === true,
  hovered(code) {
    const map = legacyMapLibre();
    // Builds before the merged base source kept districts in a source of their own.
    const source = map.getSource('base') ? 'base' : 'districts';
    return map.getFeatureState({ source, id: code }).hover === true;
  },
  layerIs(_, styleLayers, visible) {
    const map = legacyMapLibre();
    const adapter = legacy?.adapter;
    // Builds before layer switching by opacity have no isShown: their switch is visibility.
    const shown = (id: string) =>
      adapter?.isShown ? adapter.isShown(id) : (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== 'none';
    return styleLayers.every((id) => !map.getLayer(id) || shown(id) === visible);
  },
  drawnWhen(accept) {
    const map = legacyMapLibre();
    return new Promise((resolve) => {
      // MapLibre fires render at the end of its draw, inside the frame's animation-frame callback.
      const onRender = () => {
        if (!accept()) return;
        map.off('render', onRender);
        resolve(framePainted(performance.now()));
      };
      map.on('render', onRender);
    });
  },
};

function legacyMapLibre(): MapLibreMap {
  if (!legacy) throw new Error('bench probe: no published map state and no window.__atlas');
  return legacy.adapter.map;
}

Object.defineProperty(window, '__atlas', {
  configurable: true,
  get: () => legacy,
  set(value: LegacyAtlasHandle) {
    legacy = value;
    // Drawn at the first idle with districts rendered (the hit layer covers them all).
    const map = value.adapter.map;
    const onIdle = () => {
      const at = performance.now();
      if (!map.getLayer('districts-hit')) return;
      if (map.queryRenderedFeatures({ layers: ['districts-hit'] }).length === 0) return;
      probe.markDrawn(at);
      map.off('idle', onIdle);
    };
    map.on('idle', onIdle);
  },
});

const atlasMap = (): AtlasMapView => (legacy ? legacyMap : publishedMap);

/** The open popup's title: the element its dialog is labelled by. */
function popupName(): string | null {
  const dialog = document.querySelector('.maplibregl-popup .popup');
  const titleId = dialog?.getAttribute('aria-labelledby');
  const title = titleId ? document.getElementById(titleId) : dialog?.querySelector('h2, h3');
  return title?.textContent ?? null;
}

function untilPopupNames(name: string): Promise<void> {
  return new Promise((resolve) => {
    if (popupName() === name) return resolve();
    const observer = new MutationObserver(() => {
      if (popupName() !== name) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

const probe: BenchProbe = {
  longTasks,
  get drawnAt() {
    return drawnAt;
  },
  markDrawn(at = performance.now()) {
    drawnAt ??= at;
  },
  markDrawnAfterPaint() {
    void afterNextPaint().then((at) => probe.markDrawn(at));
  },
  firstMapPaint() {
    if (svgPaintedAt !== null && (drawnAt === null || svgPaintedAt <= drawnAt)) {
      // Chromium may run a frame's callbacks and layout before the page may render (a stylesheet
      // still blocking it): an SVG map seen then is painted with the first contentful paint.
      if (paintTimes.fcp === null) return null;
      return { at: Math.max(svgPaintedAt, paintTimes.fcp), by: 'svg' };
    }
    return drawnAt === null ? null : { at: drawnAt, by: 'engine' };
  },
  paints() {
    return { ...paintTimes };
  },
  atlasPoint(lngLat) {
    return atlasMap().point(lngLat);
  },
  async atlasPlaces() {
    const entry = performance
      .getEntriesByType('resource')
      .find((resource) => /\/assets\/places-[^/]+\.json$/.test(new URL(resource.name).pathname));
    if (!entry) throw new Error('bench probe: the atlas fetched no places-*.json');
    const places = (await (await fetch(entry.name)).json()) as {
      districts: { code: string; nameZh: string; areaKm2: number; label: [number, number] }[];
    };
    return places.districts.map(({ code, nameZh, areaKm2, label }) => ({ code, nameZh, areaKm2, label }));
  },
  atlasIdle() {
    return atlasMap().idle();
  },
  armPopup(expectedName, selected, timeoutMs = 10_000) {
    const map = atlasMap();
    const clicked = nextEventTime('click');
    const outlined = map.drawnWhen(() => map.selected(selected.id, selected.source));
    pending = withTimeout(
      (async () => {
        const start = await clicked;
        await untilPopupNames(expectedName);
        const inDom = performance.now();
        const end = await afterNextPaint();
        return { ms: end - start, domMs: inDom - start, outlineMs: (await outlined).paintedAt - start };
      })(),
      timeoutMs,
      `a popup naming ${expectedName}`,
    );
    pending.catch(() => undefined);
  },
  armToggle(layer, styleLayers, visible, timeoutMs = 10_000) {
    const map = atlasMap();
    const changed = nextEventTime('change');
    const clock = frameClock();
    const rendered = map.drawnWhen(() => map.layerIs(layer, styleLayers, visible));
    pending = withTimeout(
      (async () => {
        const start = await changed;
        const end = (await rendered).paintedAt;
        clock.stop();
        await map.idle();
        return { ms: end - start, frames: clock.framesBetween(start, end), idleMs: performance.now() - start };
      })(),
      timeoutMs,
      `layer ${layer} turning ${visible ? 'on' : 'off'}`,
    );
    pending.catch(() => undefined);
  },
  armHover(code, timeoutMs = 10_000) {
    const map = atlasMap();
    const moved = nextEventTime('mousemove');
    const clock = frameClock();
    const rendered = map.drawnWhen(() => map.hovered(code));
    pending = withTimeout(
      (async () => {
        const start = await moved;
        const { drawnAt, paintedAt } = await rendered;
        clock.stop();
        return {
          ms: paintedAt - start,
          frameMs: drawnAt - clock.frameStartBefore(drawnAt),
          frames: clock.framesBetween(start, drawnAt),
        };
      })(),
      timeoutMs,
      `the hover outline on ${code}`,
    );
    pending.catch(() => undefined);
  },
  result() {
    return pending;
  },
  popupOpen() {
    return document.querySelector('.maplibregl-popup .popup') !== null;
  },
};

window.__benchProbe = probe;
