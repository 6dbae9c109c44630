/**
 * Without WebGL (Chromium with WebGL and every 3D API switched off), the atlas draws the
 * static SVG map as the map: clicking a district selects it and opens its details, search and
 * the place list drive it (the camera moves to the place, above the phone's sheet), layers
 * switch with their legend, the reader opens, and nothing throws.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import { COLOURS, POPULATION_FILLS } from '../../src/map/palette';
import { openAtlas } from './support/atlas-driver';
import { launchChromium, newLoggedPage, type Page, useBrowser } from './support/browser';
import {
  clickStaticMapAt,
  STATIC_MAP,
  staticCamera,
  staticPointOf,
  waitForStaticMap,
} from './support/static-map-driver';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser(['--disable-webgl', '--disable-3d-apis']);

const WANZHOU_LABEL: [number, number] = [108.40163, 30.7314];
/** Xiushan, in the far south-east: far from Wanzhou, so a camera framing one does not frame the other. */
const XIUSHAN = '500241';
const PHONE = { width: 390, height: 844 };
const details = (page: Page) => page.locator('.fallback-selection .popup-header h2');
const sel = (page: Page) => new URL(page.url()).searchParams.get('sel');

async function openStaticMap(url = atlasUrl, viewport?: { width: number; height: number }) {
  const opened = await newLoggedPage(browser(), viewport ? { viewport, hasTouch: viewport.width < 600 } : undefined);
  await opened.page.goto(url);
  await waitForStaticMap(opened.page);
  return opened;
}

/** Whether a longitude/latitude is drawn inside a box of the page. */
async function shownWithin(page: Page, lngLat: [number, number], box: { top: number; bottom: number }) {
  const svg = await page.locator(`${STATIC_MAP} svg`).boundingBox();
  const point = await staticPointOf(page, lngLat);
  return !!svg && point.x > svg.x && point.x < svg.x + svg.width && point.y > box.top && point.y < box.bottom;
}

describe('the map without WebGL', () => {
  it('says the interactive map needs WebGL2 and shows a simpler map with every district', async () => {
    const { page, log } = await openStaticMap();
    const message = await page.getByTestId('no-webgl').locator('p').first().innerText();
    expect(message).toContain('交互地图需要 WebGL2');
    expect(message).toContain('这是一张较简单的地图');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('no-webgl').locator('p').first().innerText())
      .toContain('The interactive map needs WebGL2');
    expect(await page.getByTestId('no-webgl').locator('p').first().innerText()).toContain('This is a simpler map');
    // Every button of the map says what it does.
    for (const name of ['Zoom in', 'Zoom out', 'Show all of Chongqing']) {
      expect(await page.locator('.static-map-pane').getByRole('button', { name }).count()).toBe(1);
    }
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
    await expect.poll(() => sel(page)).toBe('500101');
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
    await expect.poll(() => sel(page)).toBe('500101');

    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('radio', { name: '人口流动' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('layers') ?? '').toContain('population');
    const wanzhou = page.locator(`${STATIC_MAP} path[data-id="500101"]`);
    // Wanzhou's fill is a class of the default measure's scale, no longer the urban system's.
    const measureFills = POPULATION_FILLS[DEFAULT_POPULATION_MEASURE];
    await expect.poll(() => wanzhou.getAttribute('fill')).toSatisfy((fill) => measureFills.includes(String(fill)));
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

describe('the map without WebGL from the keyboard', () => {
  it('pans and zooms with the keys, and closing the details gives focus back to the search', async () => {
    const { page, log } = await openStaticMap();
    await page.locator(STATIC_MAP).focus();
    const before = await staticCamera(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await staticCamera(page)).lon).toBeGreaterThan(before.lon);
    await page.keyboard.press('+');
    await expect.poll(async () => (await staticCamera(page)).zoom).toBeGreaterThan(before.zoom);

    const search = page.locator('#place-search');
    await search.fill('万州');
    await expect.poll(() => page.locator('#place-search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).innerText()).toBe('万州区');
    await page.locator('.fallback-selection .popup-close').click();
    await expect.poll(() => sel(page)).toBeNull();
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the map without WebGL following a place chosen elsewhere', () => {
  it('moves the camera to a place chosen by search', async () => {
    const { page, log } = await openStaticMap(`${atlasUrl}#map=10/30.8/108.4`);
    const label: [number, number] = [108.98457, 28.45076];
    const svg = await page.locator(`${STATIC_MAP} svg`).boundingBox();
    if (!svg) throw new Error('no static map');
    const whole = { top: svg.y, bottom: svg.y + svg.height };
    expect(await shownWithin(page, label, whole)).toBe(false);
    await page.locator('#place-search').fill('秀山');
    await expect.poll(() => page.locator('#place-search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => sel(page)).toBe(XIUSHAN);
    await expect.poll(() => shownWithin(page, label, whole)).toBe(true);
    // The view the reader now sees is the one a shared link gives.
    await expect
      .poll(async () => {
        const [zoom = 0, lat = 0, lon = 0] = new URL(page.url()).hash.replace('#map=', '').split('/').map(Number);
        const camera = await staticCamera(page);
        return [zoom - camera.zoom, lat - camera.lat, lon - camera.lon].every((delta) => Math.abs(delta) < 0.01);
      })
      .toBe(true);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('on a phone, shows the place above the sheet, with its details in the sheet and the legend beside the message', async () => {
    const { page, log } = await openStaticMap(`${atlasUrl}#map=10/28.5/109`, PHONE);
    await page.locator('#place-search').fill('万州');
    await expect.poll(() => page.locator('#place-search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => sel(page)).toBe('500101');
    await expect.poll(() => page.locator('.panel-details .popup-header h2').innerText()).toBe('万州区');
    expect(await page.locator('.fallback-selection').count()).toBe(0);
    const svg = await page.locator(`${STATIC_MAP} svg`).boundingBox();
    if (!svg) throw new Error('no static map');
    const sheetTop = async () => (await page.locator('.panel').boundingBox())?.y ?? 0;
    await expect
      .poll(async () => shownWithin(page, WANZHOU_LABEL, { top: svg.y, bottom: await sheetTop() }))
      .toBe(true);

    // The legend of the layers shown, folded beside the message, opens over the map.
    const legend = page.locator('.map-legend');
    const message = await page.getByTestId('no-webgl').locator('p').first().boundingBox();
    const summary = await legend.locator('summary').boundingBox();
    if (!message || !summary) throw new Error('no message or legend');
    expect(summary.x >= message.x + message.width || summary.y >= message.y + message.height).toBe(true);
    await legend.locator('summary').click();
    await expect.poll(() => legend.locator('.legend-heading').first().isVisible()).toBe(true);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
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
