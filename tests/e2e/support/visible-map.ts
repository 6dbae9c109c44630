/**
 * The part of the map a reader can see (the map less what the bottom sheet covers) and where
 * a place lies in it, from the DOM and the camera the map publishes: `#map=` and the
 * published centre are the centre of that visible part.
 */
import type { Page } from 'playwright-core';
import type { BBox } from '../../../src/types/atlas-data';
import { MAP, mapView } from './atlas-driver';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The visible part of the map, in page pixels: below the header, above the sheet (phones). */
export async function visibleMapRect(page: Page): Promise<Rect> {
  return page.evaluate((selector) => {
    const map = document.querySelector(selector)?.getBoundingClientRect();
    const sheet = document.querySelector('[data-testid="panel"]')?.getBoundingClientRect();
    if (!map) throw new Error('no map');
    const coversBottom = sheet && sheet.left <= map.left + 1 && sheet.right >= map.right - 1 && sheet.top < map.bottom;
    return { left: map.left, top: map.top, right: map.right, bottom: coversBottom ? sheet.top : map.bottom };
  }, MAP);
}

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
};

/** A place's bounding box and its centre, in page pixels, with the camera the map publishes now. */
export async function placeOnScreen(page: Page, box: BBox): Promise<{ box: Rect; centre: { x: number; y: number } }> {
  const view = await mapView(page);
  const area = await visibleMapRect(page);
  // The published centre is the centre of the visible part (the map's padding is the sheet).
  const cx = (area.left + area.right) / 2;
  const cy = (area.top + area.bottom) / 2;
  const world = 512 * 2 ** view.zoom;
  const x = (lon: number) => cx + (mercatorX(lon) - mercatorX(view.lon)) * world;
  const y = (lat: number) => cy + (mercatorY(lat) - mercatorY(view.lat)) * world;
  const rect = { left: x(box[0]), right: x(box[2]), top: y(box[3]), bottom: y(box[1]) };
  return { box: rect, centre: { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 } };
}

/** Whether `inner` lies inside `outer`, with `slack` pixels allowed. */
export function inside(inner: Rect, outer: Rect, slack = 1): boolean {
  return (
    inner.left >= outer.left - slack &&
    inner.right <= outer.right + slack &&
    inner.top >= outer.top - slack &&
    inner.bottom <= outer.bottom + slack
  );
}
