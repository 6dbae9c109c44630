/**
 * The benchmark's in-page half, injected before any page script (Playwright's addInitScript)
 * into the atlas and the baselines alike. It records long tasks, the moment the map is idle
 * with its districts drawn, and times the atlas's interactions from the input event's own
 * timestamp to the frame that shows the result.
 *
 * Bundled for the browser (bench/probe/build-probe.ts) rather than passed as functions to
 * page.evaluate: tsx would wrap named inner functions in a `__name` helper the page lacks.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface LongTask {
  start: number;
  duration: number;
}

export interface PopupTiming {
  /** From the click event to the first frame painted with the popup naming the place. */
  ms: number;
  /** From the click event to the popup naming the place being in the DOM: the page's own work. */
  domMs: number;
  /** From the click event to the end of the first map frame drawn with the place selected (its outline). */
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
  /** From the mousemove event to the end of the map frame drawn with the hover outline. */
  ms: number;
  /** Main-thread time of that frame: from its animation-frame callbacks to the end of the map's draw. */
  frameMs: number;
  frames: number;
}

interface AtlasHandle {
  adapter: { map: MapLibreMap };
  loaded: Promise<void>;
}

export interface BenchProbe {
  longTasks: LongTask[];
  /** performance.now() when the map was first idle with its districts drawn; null until then. */
  drawnAt: number | null;
  markDrawn(at?: number): void;
  /** Marks the page drawn after the next frame is painted (for DOM renderers: Leaflet's SVG). */
  markDrawnAfterPaint(): void;
  /** Page coordinates of a longitude/latitude on the atlas's map. */
  atlasPoint(lngLat: [number, number]): { x: number; y: number };
  /** The built places artifact the atlas fetched (its hashed URL is read from resource timing). */
  atlasPlaces(): Promise<{ code: string; nameZh: string; areaKm2: number; label: [number, number] }[]>;
  atlasIdle(): Promise<void>;
  /** Times a click that opens the popup naming expectedName and outlines the feature selected. */
  armPopup(expectedName: string, selected: { source: string; id: string }, timeoutMs?: number): void;
  armToggle(styleLayers: string[], visible: boolean, timeoutMs?: number): void;
  armHover(code: string, timeoutMs?: number): void;
  /** The result of the last armed measurement. */
  result(): Promise<PopupTiming | ToggleTiming | HoverTiming>;
  popupOpen(): boolean;
}

declare global {
  interface Window {
    __benchProbe?: BenchProbe;
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

/** Resolves in the task after the next frame's rendering: the frame has been painted by then. */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
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

let atlas: AtlasHandle | undefined;
let drawnAt: number | null = null;
let pending: Promise<PopupTiming | ToggleTiming | HoverTiming> = Promise.reject(new Error('nothing armed'));
pending.catch(() => undefined);

function atlasMap(): MapLibreMap {
  if (!atlas) throw new Error('bench probe: the atlas has not set window.__atlas');
  return atlas.adapter.map;
}

/** The atlas is drawn at its first idle with districts rendered (the hit layer covers them all). */
function watchAtlas(handle: AtlasHandle): void {
  const map = handle.adapter.map;
  const onIdle = () => {
    const at = performance.now();
    if (!map.getLayer('districts-hit')) return;
    if (map.queryRenderedFeatures({ layers: ['districts-hit'] }).length === 0) return;
    probe.markDrawn(at);
    map.off('idle', onIdle);
  };
  map.on('idle', onIdle);
}

// The atlas assigns window.__atlas right after creating its map, before any map event can fire.
Object.defineProperty(window, '__atlas', {
  configurable: true,
  get: () => atlas,
  set(value: AtlasHandle) {
    atlas = value;
    watchAtlas(value);
  },
});

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

function untilMapRender(accept: () => boolean): Promise<number> {
  const map = atlasMap();
  return new Promise((resolve) => {
    const onRender = () => {
      if (!accept()) return;
      map.off('render', onRender);
      resolve(performance.now());
    };
    map.on('render', onRender);
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
  atlasPoint(lngLat) {
    const map = atlasMap();
    const point = map.project(lngLat);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
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
    const map = atlasMap();
    return new Promise((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
      else map.once('idle', () => resolve());
    });
  },
  armPopup(expectedName, selected, timeoutMs = 10_000) {
    const map = atlasMap();
    const clicked = nextEventTime('click');
    const outlined = untilMapRender(() => map.getFeatureState(selected).selected === true);
    pending = withTimeout(
      (async () => {
        const start = await clicked;
        await untilPopupNames(expectedName);
        const inDom = performance.now();
        const end = await afterNextPaint();
        return { ms: end - start, domMs: inDom - start, outlineMs: (await outlined) - start };
      })(),
      timeoutMs,
      `a popup naming ${expectedName}`,
    );
    pending.catch(() => undefined);
  },
  armToggle(styleLayers, visible, timeoutMs = 10_000) {
    const map = atlasMap();
    const want = visible ? 'visible' : 'none';
    const changed = nextEventTime('change');
    const clock = frameClock();
    const adapter = window.__atlas?.adapter as { isShown?: (id: string) => boolean } | undefined;
    // Builds before layer switching by opacity have no isShown: their switch is visibility.
    const shown = (id: string) =>
      adapter?.isShown ? adapter.isShown(id) : (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== 'none';
    const applied = () => styleLayers.every((id) => !map.getLayer(id) || shown(id) === visible);
    const rendered = untilMapRender(applied);
    pending = withTimeout(
      (async () => {
        const start = await changed;
        const end = await rendered;
        clock.stop();
        await probe.atlasIdle();
        return { ms: end - start, frames: clock.framesBetween(start, end), idleMs: performance.now() - start };
      })(),
      timeoutMs,
      `layers ${styleLayers.join(', ')} turning ${want}`,
    );
    pending.catch(() => undefined);
  },
  armHover(code, timeoutMs = 10_000) {
    const map = atlasMap();
    const moved = nextEventTime('mousemove');
    const clock = frameClock();
    // Builds before the merged base source kept districts in a source of their own.
    const source = map.getSource('base') ? 'base' : 'districts';
    const rendered = untilMapRender(() => map.getFeatureState({ source, id: code }).hover === true);
    pending = withTimeout(
      (async () => {
        const start = await moved;
        const end = await rendered;
        clock.stop();
        return { ms: end - start, frameMs: end - clock.frameStartBefore(end), frames: clock.framesBetween(start, end) };
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
