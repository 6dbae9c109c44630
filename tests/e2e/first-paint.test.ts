/**
 * The first paint: the default view as SVG in the HTML (painted with no script at all), the
 * app's SVG of a link's state while MapLibre's code is still loading (held here until the test
 * lets it through), a click on that SVG, and MapLibre's first frame taking its place with
 * nothing moving.
 *
 * The handover tolerance is the static map's (static-map.test.ts): pixelmatch at its default
 * colour threshold, antialiased pixels ignored, at most 2 % of the map's pixels differing. The
 * SVG and MapLibre draw the same shapes at the same camera; what legitimately differs is along
 * the lines (MapLibre's tiles simplify by up to a px, and it antialiases lines its own way).
 * When written, the handovers differed in 0.2–0.9 % of the pixels. A first camera off by a
 * tenth of a zoom level, or a shift of a few px, differs in far more (static-map.test.ts
 * proves the first; the last test here the second).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { loadPlaces } from '../support/artifacts';
import { MAP, mapSelection, popupTitle, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const MAP_CHUNK = /\/assets\/atlas-map-[^/]+\.js$/;
const FIRST_VIEW = '[data-testid="first-view"]';
const FIRST_PAINT = '[data-first-paint]';
/** The HTML's SVG where the app keeps it (src/ui/FirstView.tsx). */
const HTML_SVG = '.first-view-fit > svg';
/** The code that draws a first view other than the HTML's (with d3-geo). */
const STATIC_RENDERER = /\/assets\/(FirstViewMap|StaticMap)-[^/]+\.js$/;
const PRINT_SHEET = /\/assets\/PrintSheet-[^/]+\.js$/;
const MAX_DIFFERING = 0.02;
const FAILURES = 'test-results/first-paint';
/** Everything that blocks the first paint (the HTML with its SVG, the page's stylesheet), gzip. */
const FIRST_PAINT_BUDGET = 60 * 1024;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const districtCodes = loadPlaces().districts.map((district) => district.code);

/** What the pages would be without names and controls: the shapes alone, as both draw them. */
const SHAPES_ONLY = `
  ${FIRST_VIEW} [data-kind="labels"], .map-labels, .maplibregl-control-container,
  .map-buttons, .attribution, .map-legend, .map-hover-name, .maplibregl-popup,
  [data-testid="first-view-details"] { display: none !important; }
`;

/** Holds MapLibre's code back until `release` is called. */
async function holdMapLibre(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(MAP_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A page point inside a place's SVG shape (a shape's box centre may lie in a neighbour). */
async function pointInside(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const point = await page.locator(selector).evaluate((element) => {
    const shape = element as SVGGeometryElement;
    const box = shape.getBBox();
    const matrix = shape.getScreenCTM();
    if (!matrix) return null;
    for (let step = 8; step <= 64; step *= 2) {
      for (let i = 1; i < step; i += 1) {
        for (let j = 1; j < step; j += 1) {
          const local = new DOMPoint(box.x + (box.width * i) / step, box.y + (box.height * j) / step);
          if (!shape.isPointInFill(local)) continue;
          const screen = local.matrixTransform(matrix);
          // Inside its own shape and not under another element (a name, a neighbour's outline).
          if (document.elementFromPoint(screen.x, screen.y) === shape) return { x: screen.x, y: screen.y };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error(`no point inside ${selector}`);
  return point;
}

async function mapShot(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.locator(MAP).screenshot({ animations: 'disabled' }));
}

function differing(a: PNG, b: PNG): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  const count = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
  return count / (a.width * a.height);
}

/** The share of a picture's pixels that are not its most common colour. */
function varied(image: PNG): number {
  const counts = new Map<number, number>();
  for (let index = 0; index < image.data.length; index += 4) {
    const colour = image.data.readUInt32BE(index);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  return 1 - Math.max(...counts.values()) / (image.width * image.height);
}

describe('the HTML paints the default view', () => {
  for (const path of ['', 'embed.html']) {
    it(`/${path} carries it as SVG with every district's id, within the first-paint budget`, async () => {
      const response = await fetch(new URL(path, atlasUrl));
      const html = await response.text();
      const svg = html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '';
      for (const code of districtCodes) expect(svg, code).toContain(`data-id="${code}"`);
      expect(svg).not.toMatch(/\sstyle=/);
      const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
      expect(stylesheets.length).toBeGreaterThan(0);
      let bytes = gzipSync(html).length;
      for (const href of stylesheets) {
        bytes += gzipSync(await (await fetch(new URL(href as string, new URL(path, atlasUrl)))).text()).length;
      }
      expect(bytes, `${(bytes / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(FIRST_PAINT_BUDGET);
    });

    it(`/${path} paints it with JavaScript disabled`, async () => {
      const { page, log } = await newLoggedPage(browser(), { javaScriptEnabled: false });
      await page.goto(new URL(path, atlasUrl).href);
      const svg = page.locator(`${FIRST_PAINT} .first-paint-map svg`);
      await svg.waitFor();
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(300);
      const image = PNG.sync.read(await svg.screenshot());
      // A blank box is one colour; the map has its fills, borders, rivers and names.
      expect(varied(image)).toBeGreaterThan(0.1);
      expect(await page.locator(`${FIRST_PAINT} text`).count()).toBeGreaterThan(10);
      expect(log.pageErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('the embed shows the default layers’ legend with it', async () => {
    const { page } = await newLoggedPage(browser(), { javaScriptEnabled: false });
    await page.goto(new URL('embed.html', atlasUrl).href);
    const legend = page.locator(`${FIRST_PAINT} .map-legend`);
    await expect.poll(() => legend.locator('li').count()).toBeGreaterThan(3);
    expect(await legend.innerText()).toContain('中心城区');
    await page.context().close();
  });
});

describe('while the data load', () => {
  it('the HTML’s map stays, under the app’s own loading status, until the app draws its own', async () => {
    const { page, log } = await newLoggedPage(browser(), { viewport: DESKTOP });
    let releaseData = () => {};
    const dataHeld = new Promise<void>((resolve) => {
      releaseData = resolve;
    });
    await page.route(/\/assets\/[\w.-]+\.json$/, async (route) => {
      await dataHeld;
      await route.continue();
    });
    await page.goto(`${atlasUrl}?lang=en`, { waitUntil: 'commit' });
    // The app has started: its status, in the link's language, stands over the HTML's map.
    await expect.poll(() => page.locator('.loading').allInnerTexts()).toEqual(['Loading map data…']);
    expect(await page.locator(`${FIRST_PAINT} .first-paint-map svg`).isVisible()).toBe(true);
    releaseData();
    await page.locator(`${FIRST_VIEW} svg`).waitFor();
    expect(await page.locator(FIRST_PAINT).count()).toBe(0);
    await waitForMapIdle(page);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('before MapLibre has loaded', () => {
  it('a link with a selection and a layer shows its SVG, which MapLibre then replaces', async () => {
    const { page, log } = await newLoggedPage(browser(), { viewport: DESKTOP });
    const release = await holdMapLibre(page);
    await page.goto(`${atlasUrl}?sel=500101&layers=districts,population`);
    const firstView = page.locator(FIRST_VIEW);
    await firstView.locator('svg').waitFor();
    expect(await page.locator(FIRST_PAINT).count()).toBe(0);
    expect(await firstView.locator(HTML_SVG).count()).toBe(0);
    expect(await firstView.locator('[data-kind="flows"] path').count()).toBeGreaterThan(0);
    expect(await firstView.locator('[data-kind="selection"] path').count()).toBeGreaterThan(0);
    expect(await page.locator(`${MAP} canvas`).count()).toBe(0);
    release();
    await waitForMapIdle(page);
    await expect.poll(() => firstView.count()).toBe(0);
    expect(await mapSelection(page)).toBe('500101');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  for (const [name, path] of [
    ['the embed', 'embed.html'],
    ['the full page', ''],
  ]) {
    it(`a default link to ${name} keeps the HTML’s SVG; a click on it selects 万州 and opens its details; MapLibre keeps them`, async () => {
      const { page, log } = await newLoggedPage(browser(), { viewport: { width: 800, height: 700 } });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const release = await holdMapLibre(page);
      await page.goto(new URL(path as string, atlasUrl).href);
      // The HTML's own SVG, moved into the map's place: nothing draws it again.
      await page.locator(`${FIRST_VIEW} ${HTML_SVG}`).waitFor();
      expect(await page.locator(FIRST_PAINT).count()).toBe(0);
      expect(requested.filter((file) => STATIC_RENDERER.test(file))).toEqual([]);
      const point = await pointInside(page, `${FIRST_VIEW} [data-id="500101"]`);
      await page.mouse.click(point.x, point.y);
      const details = page.locator('[data-testid="first-view-details"] .popup-header h2');
      await expect.poll(() => details.textContent()).toBe('万州区');
      await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('500101');
      expect(await page.locator(`${MAP} canvas`).count()).toBe(0);
      // The print sheet waits for the first view to be complete: not while MapLibre is held.
      expect(requested.filter((file) => PRINT_SHEET.test(file))).toEqual([]);
      release();
      await waitForMapIdle(page);
      await expect.poll(() => popupTitle(page).textContent()).toBe('万州区');
      expect(await mapSelection(page)).toBe('500101');
      expect(await page.locator(FIRST_VIEW).count()).toBe(0);
      await expect.poll(() => requested.some((file) => PRINT_SHEET.test(file))).toBe(true);
      expect(log.pageErrors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('MapLibre’s first frame takes the SVG’s place with nothing moving', () => {
  const cases = [
    // The HTML's own SVG, kept for the default view; the app's drawing of the link's state otherwise.
    { name: 'desktop, the default view', viewport: DESKTOP, url: '', shown: HTML_SVG },
    { name: 'phone, the default view', viewport: PHONE, url: '', shown: HTML_SVG },
    { name: 'desktop, Wanzhou selected', viewport: DESKTOP, url: '?sel=500101', shown: 'svg' },
  ];
  for (const { name, viewport, url, shown } of cases) {
    it(`${name} (${viewport.width} × ${viewport.height})`, async () => {
      const { page } = await newLoggedPage(browser(), { viewport, deviceScaleFactor: 1, bypassCSP: true });
      const release = await holdMapLibre(page);
      await page.goto(`${atlasUrl}${url}`);
      await page.locator(`${FIRST_VIEW} ${shown}`).waitFor();
      await page.addStyleTag({ content: SHAPES_ONLY });
      const before = await mapShot(page);
      release();
      await waitForMapIdle(page);
      await expect.poll(() => page.locator(FIRST_VIEW).count()).toBe(0);
      const after = await mapShot(page);
      const ratio = differing(before, after);
      if (ratio > MAX_DIFFERING) {
        mkdirSync(FAILURES, { recursive: true });
        const file = join(FAILURES, name.replace(/\W+/g, '-'));
        writeFileSync(`${file}-svg.png`, PNG.sync.write(before));
        writeFileSync(`${file}-maplibre.png`, PNG.sync.write(after));
      }
      expect(ratio, `${(ratio * 100).toFixed(2)} % of the pixels differ`).toBeLessThanOrEqual(MAX_DIFFERING);
      await page.context().close();
    });
  }

  it('the comparison fails when the map is a few px off', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: DESKTOP, deviceScaleFactor: 1, bypassCSP: true });
    const release = await holdMapLibre(page);
    await page.goto(atlasUrl);
    await page.locator(`${FIRST_VIEW} svg`).waitFor();
    await page.addStyleTag({ content: `${SHAPES_ONLY} ${FIRST_VIEW} svg { transform: translate(4px, 3px); }` });
    const shifted = await mapShot(page);
    release();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator(FIRST_VIEW).count()).toBe(0);
    expect(differing(shifted, await mapShot(page))).toBeGreaterThan(MAX_DIFFERING);
    await page.context().close();
  });
});
