/**
 * A driver for the atlas in a page: what a reader does (open, click, search) and what a test
 * checks (popup text, the URL, the canvas's pixels, and the state the map publishes on its
 * container: see src/map/published-state.ts), in the atlas's own terms. Nothing here reaches
 * into the renderer.
 */

import type { Frame, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { PUBLISHED_ATTRIBUTES, type PublishedState } from '../../../src/map/published-state';

export const MAP = '[data-testid="map"]';

/** The map's canvas: what a reader sees of the map, the HTML labels and popup aside. */
export function mapCanvas(page: Page | Frame) {
  return page.locator(`${MAP} canvas`);
}

/** Waits until the map (in a page, or in an embed's frame) has loaded its data and has nothing left to draw. */
export async function waitForMapIdle(page: Page | Frame, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`${MAP}[${PUBLISHED_ATTRIBUTES.idle}="true"]`, { state: 'attached', timeout });
}

export async function openAtlas(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForMapIdle(page);
}

/** One field of the state the map publishes, as written on its container. */
export async function published(page: Page | Frame, key: keyof PublishedState): Promise<string | null> {
  return page.locator(MAP).getAttribute(PUBLISHED_ATTRIBUTES[key]);
}

/** The place the map draws selected ('' for none). */
export const mapSelection = (page: Page | Frame) => published(page, 'selection');

/** The thematic layers the map draws, in the URL's order. */
export async function mapLayers(page: Page | Frame): Promise<string[]> {
  return ((await published(page, 'layers')) ?? '').split(',').filter(Boolean);
}

export interface CameraView {
  zoom: number;
  lon: number;
  lat: number;
}

/** The settled camera the map publishes. */
export async function mapView(page: Page | Frame): Promise<CameraView> {
  const [zoom, center] = await Promise.all([published(page, 'zoom'), published(page, 'center')]);
  const [lon, lat] = (center ?? '').split(',').map(Number);
  return { zoom: Number(zoom), lon: lon ?? Number.NaN, lat: lat ?? Number.NaN };
}

/** Moves the camera as a reader editing the URL's #map= would (the page follows hash changes). */
export async function jumpTo(page: Page, view: CameraView): Promise<void> {
  await page.evaluate(({ zoom, lat, lon }) => {
    location.hash = `map=${zoom}/${lat}/${lon}`;
  }, view);
}

/** Where a longitude/latitude is on the map, in pixels from the canvas's top left (Web Mercator, 512 px tiles). */
export function projectOn(
  view: CameraView,
  size: { width: number; height: number },
  lngLat: readonly [number, number],
) {
  const world = 512 * 2 ** view.zoom;
  const x = (lon: number) => ((lon + 180) / 360) * world;
  const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  return {
    x: size.width / 2 + x(lngLat[0]) - x(view.lon),
    y: size.height / 2 + y(lngLat[1]) - y(view.lat),
  };
}

/**
 * Page coordinates of a longitude/latitude on the map, with the camera as it is now. The
 * camera's centre is the centre of the map's visible part: above the bottom sheet on phones.
 */
export async function pagePointOf(page: Page, lngLat: readonly [number, number]): Promise<{ x: number; y: number }> {
  const box = await page.locator(MAP).boundingBox();
  if (!box) throw new Error('no map');
  const covered = await page.evaluate((map) => {
    const mapBox = document.querySelector(map)?.getBoundingClientRect();
    const sheet = document.querySelector('[data-testid="panel"]')?.getBoundingClientRect();
    if (!mapBox || !sheet || sheet.left > mapBox.left + 1 || sheet.right < mapBox.right - 1) return 0;
    return Math.max(0, Math.min(mapBox.bottom - sheet.top, mapBox.height * 0.6));
  }, MAP);
  const point = projectOn(await mapView(page), { width: box.width, height: box.height - covered }, lngLat);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Clicks the map at a longitude/latitude. */
export async function clickAt(page: Page, lngLat: readonly [number, number]): Promise<void> {
  const { x, y } = await pagePointOf(page, lngLat);
  await page.mouse.click(x, y);
}

/** The centre of the map canvas, in page coordinates. */
export async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await mapCanvas(page).boundingBox();
  if (!box) throw new Error('no map canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function clickMapCentre(page: Page): Promise<void> {
  const { x, y } = await mapCentre(page);
  await page.mouse.click(x, y);
}

/** The colour the browser shows at a point of the page, as [r, g, b]. */
export async function shownColour(page: Page, point: { x: number; y: number }): Promise<number[]> {
  const clip = { x: Math.round(point.x), y: Math.round(point.y), width: 1, height: 1 };
  return [...PNG.sync.read(await page.screenshot({ clip })).data.subarray(0, 3)];
}

/** Whether two colours are the same within `tolerance` per channel. */
export function sameColour(actual: readonly number[], expected: readonly number[], tolerance = 2): boolean {
  return actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= tolerance);
}

export function popup(page: Page) {
  return page.locator('.maplibregl-popup .popup');
}

/**
 * A selected place's full details: the popup, or, when the popup is a summary (its content
 * would be taller than the map), the full details its "read all" button opens in the panel.
 */
export async function fullDetails(page: Page) {
  const box = popup(page);
  await box.locator('.popup-header h2').waitFor();
  // The popup decides on a summary once it is laid out, within a frame of opening.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if ((await box.getAttribute('data-summary')) !== 'true') return box;
  await box.locator('.read-all').click();
  const full = page.locator('.panel-details .popup');
  await full.locator('.popup-header h2').waitFor();
  return full;
}

/** The name a popup carries in its heading. */
export function popupTitle(page: Page) {
  return popup(page).locator('.popup-header h2');
}

export async function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}
