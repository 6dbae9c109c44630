/**
 * Without WebGL (Chromium with WebGL and every 3D API switched off), the atlas draws the
 * static SVG map as the map: clicking a district selects it and opens its details, search and
 * the place list drive it, layers switch, the reader opens, and nothing throws.
 */
import { describe, expect, inject, it } from 'vitest';
import { outflowFill } from '../../src/map/district-colours';
import { COLOURS } from '../../src/map/palette';
import { openAtlas, projectOn } from './support/atlas-driver';
import { launchChromium, newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser(['--disable-webgl', '--disable-3d-apis']);

const STATIC_MAP = '[data-testid="static-map"]';
const WANZHOU_LABEL: [number, number] = [108.40163, 30.7314];
const details = (page: Page) => page.locator('.fallback-selection .popup-header h2');
const sel = (page: Page) => new URL(page.url()).searchParams.get('sel');

async function openStaticMap(url = atlasUrl) {
  const opened = await newLoggedPage(browser());
  await opened.page.goto(url);
  await opened.page.locator(`${STATIC_MAP} svg [data-id="500101"]`).waitFor({ state: 'attached' });
  return opened;
}

/** Clicks the static map at a longitude/latitude, with the camera the SVG says it draws. */
async function clickStaticMapAt(page: Page, lngLat: [number, number]) {
  const svg = page.locator(`${STATIC_MAP} svg`);
  const box = await svg.boundingBox();
  if (!box) throw new Error('no static map');
  const [lon, lat] = ((await svg.getAttribute('data-center')) ?? '').split(',').map(Number);
  const zoom = Number(await svg.getAttribute('data-zoom'));
  const point = projectOn({ zoom, lon: lon ?? 0, lat: lat ?? 0 }, box, lngLat);
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe('the map without WebGL', () => {
  it('says the interactive map needs WebGL2 and shows a simpler map with every district', async () => {
    const { page, log } = await openStaticMap();
    const message = await page.getByTestId('no-webgl').locator('p').first().innerText();
    expect(message).toContain('WebGL2');
    expect(message).toContain('较简单的地图');
    expect(await page.locator(`${STATIC_MAP} svg path[data-id]`).count()).toBeGreaterThanOrEqual(38);
    expect(await page.locator(`${STATIC_MAP} [style]`).count()).toBe(0);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('selects 万州 by a click on the map and opens its details', async () => {
    const { page, log } = await openStaticMap();
    await clickStaticMapAt(page, WANZHOU_LABEL);
    await expect.poll(() => details(page).innerText()).toBe('万州区');
    expect(sel(page)).toBe('500101');
    const outline = page.locator(`${STATIC_MAP} g[data-kind="selection"] path[stroke="${COLOURS.selection}"]`);
    await expect.poll(() => outline.count()).toBeGreaterThan(0);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('selects 万州 by search, switches to the population layer and opens the reader', async () => {
    const { page, log } = await openStaticMap();
    await page.locator('#place-search').fill('万州');
    const options = page.locator('#place-search-results [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).innerText()).toBe('万州区');
    expect(sel(page)).toBe('500101');

    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('radio', { name: '人口流动' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('layers') ?? '').toContain('population');
    const wanzhou = page.locator(`${STATIC_MAP} path[data-id="500101"]`);
    // Wanzhou's fill is a step of the outflow scale (or its no-data grey), no longer the urban system's.
    const outflowFills = [false, true].flatMap((has) =>
      [-1, -0.2, -0.07, 0, 0.1, 0.2, 0.3].map((share) => outflowFill(share, has)),
    );
    await expect.poll(() => wanzhou.getAttribute('fill')).toSatisfy((fill) => outflowFills.includes(String(fill)));
    expect(await page.locator(`${STATIC_MAP} g[data-kind="flows"] path`).count()).toBeGreaterThan(0);

    const quote = page.locator('.fallback-selection .passage', { hasText: '铁峰山' });
    await quote.getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('passage')).toBe('a4-tiefengshan-road');
    await expect.poll(() => page.locator('.reader a.passage-mark[aria-current="true"]').count()).toBe(1);
    const passageOutline = page.locator(`${STATIC_MAP} g[data-kind="selection"] path[stroke="${COLOURS.passage}"]`);
    await expect.poll(() => passageOutline.count()).toBeGreaterThan(0);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('zooms in by a button and keeps the view in the URL; a link with a view opens there', async () => {
    const { page, log } = await openStaticMap();
    const svg = page.locator(`${STATIC_MAP} svg`);
    const before = Number(await svg.getAttribute('data-zoom'));
    await page.locator('.static-map-pane').getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(before);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#map=/);
    await page.context().close();
    const linked = await openStaticMap(`${atlasUrl}?layers=districts,population#map=9/29.6/106.6`);
    expect(await linked.page.locator(`${STATIC_MAP} svg`).getAttribute('data-zoom')).toBe('9.00');
    expect(await linked.page.locator(`${STATIC_MAP} g[data-kind="flows"]`).count()).toBe(1);
    expect([...log.pageErrors, ...linked.log.pageErrors]).toEqual([]);
    await linked.page.context().close();
  });
});

describe('when the WebGL context is lost', () => {
  it('the static map takes the place of the blank canvas, with the selection kept', async () => {
    const withWebgl = await launchChromium();
    try {
      const { page, log } = await newLoggedPage(withWebgl);
      await openAtlas(page, `${atlasUrl}?sel=500101`);
      // The page's own canvas context, through the web platform's extension for losing it.
      await page.evaluate(() => {
        const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
        canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
      });
      await page.locator(`${STATIC_MAP} svg [data-id="500101"]`).waitFor({ state: 'attached' });
      expect(await page.getByTestId('no-webgl').innerText()).toContain('WebGL2');
      await expect.poll(() => details(page).innerText()).toBe('万州区');
      expect(log.pageErrors).toEqual([]);
      await page.context().close();
    } finally {
      await withWebgl.close();
    }
  });
});
