/**
 * A driver for the atlas in a page: what a reader does (open, click, search) and what a
 * test checks (popup text, feature state, rendered features), in the atlas's own terms.
 */
import type { Frame, Page } from 'playwright-core';
import { SOURCES } from '../../../src/map/style';

/** Waits until the map (in a page, or in an embed's frame) has loaded its data and has nothing left to draw. */
export async function waitForMapIdle(page: Page | Frame, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout });
  await page.evaluate(async () => {
    const atlas = window.__atlas;
    if (!atlas) throw new Error('no atlas');
    await atlas.loaded;
    const map = atlas.adapter.map;
    await new Promise<void>((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
      else map.once('idle', () => resolve());
    });
  });
}

export async function openAtlas(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForMapIdle(page);
}

/** The centre of the map canvas, in page coordinates. */
export async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function clickMapCentre(page: Page): Promise<void> {
  const { x, y } = await mapCentre(page);
  await page.mouse.click(x, y);
}

export function popup(page: Page) {
  return page.locator('.maplibregl-popup .popup');
}

/** The name a popup carries in its heading. */
export function popupTitle(page: Page) {
  return popup(page).locator('.popup-header h2');
}

/** The feature state of a district (by code) or region (by id): both live in the base source. */
export async function featureState(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(
    ([sourceId, featureId]) => window.__atlas?.adapter.map.getFeatureState({ source: sourceId, id: featureId }) ?? {},
    [SOURCES.base, id] as const,
  );
}

/** Ids of the features rendered in a style layer (anywhere in the viewport). */
export async function renderedIds(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layerId) => {
    const map = window.__atlas?.adapter.map;
    if (!map) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((feature) => String(feature.id)))];
  }, layer);
}

export async function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}
