/**
 * Drives the SVG map shown without WebGL, through what the page shows: its shapes' ids and the
 * camera its SVG says it draws (`data-center`, `data-zoom`).
 */
import type { Page } from 'playwright-core';
import { projectOn } from './atlas-driver';

export const STATIC_MAP = '[data-testid="static-map"]';

/** Waits until the SVG map is drawn with its districts. */
export async function waitForStaticMap(page: Page, timeout = 30_000): Promise<void> {
  await page.locator(`${STATIC_MAP} svg [data-id="500101"]`).waitFor({ state: 'attached', timeout });
}

/** The camera the SVG is drawn with. */
export async function staticCamera(page: Page): Promise<{ zoom: number; lon: number; lat: number }> {
  const svg = page.locator(`${STATIC_MAP} svg`);
  const [lon, lat] = ((await svg.getAttribute('data-center')) ?? '').split(',').map(Number);
  return { zoom: Number(await svg.getAttribute('data-zoom')), lon: lon ?? Number.NaN, lat: lat ?? Number.NaN };
}

/** Page coordinates of a longitude/latitude on the SVG map as drawn now. */
export async function staticPointOf(page: Page, lngLat: readonly [number, number]): Promise<{ x: number; y: number }> {
  const box = await page.locator(`${STATIC_MAP} svg`).boundingBox();
  if (!box) throw new Error('no static map');
  const point = projectOn(await staticCamera(page), box, lngLat);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Clicks the SVG map at a longitude/latitude. */
export async function clickStaticMapAt(page: Page, lngLat: readonly [number, number]): Promise<void> {
  const point = await staticPointOf(page, lngLat);
  await page.mouse.click(point.x, point.y);
}
