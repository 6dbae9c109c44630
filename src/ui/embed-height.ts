/**
 * The height an embed asks its host for (the host script sizes its iframe to it): what the page
 * has around the map, plus a map three quarters as tall as it is wide, within 340–560 px. The
 * page fills whatever height its iframe has, so this is what it would like, never what it needs.
 */
import type { MapMessage } from '../embed/protocol';

const MAP_HEIGHT = { perWidth: 0.75, min: 340, max: 560 };

export function preferredEmbedHeight(page: { width: number; height: number }, mapHeight: number): number {
  const map = Math.min(MAP_HEIGHT.max, Math.max(MAP_HEIGHT.min, page.width * MAP_HEIGHT.perWidth));
  return Math.ceil(page.height - mapHeight + map);
}

/**
 * Tells the parent page the height this page would like, from the HTML's first paint on (the
 * same frame as the app's): the host resizes the iframe while the data load, so the map's first
 * camera is fitted to the map's final size. Reports again whenever the page or the map resizes.
 */
export function reportPreferredHeight(): void {
  if (window.parent === window) return;
  let lastHeight = -1;
  let observedMap: Element | null = null;
  const observer = new ResizeObserver(() => report());
  const report = () => {
    // The first paint's map box is replaced by the app's: follow whichever is there.
    const map = document.querySelector('.embed-map');
    if (map !== observedMap) {
      if (observedMap) observer.unobserve(observedMap);
      if (map) observer.observe(map);
      observedMap = map;
    }
    const page = document.body.getBoundingClientRect();
    const height = map ? preferredEmbedHeight(page, map.getBoundingClientRect().height) : Math.ceil(page.height);
    if (height === lastHeight) return;
    lastHeight = height;
    const message: MapMessage = { type: 'cq-atlas:height', height };
    // Only a number is sent; the host checks the message's source and origin.
    window.parent.postMessage(message, '*');
  };
  observer.observe(document.documentElement);
  observer.observe(document.body);
  report();
}
