/**
 * Render tests, in the manner of maplibre-gl-js's test/integration/render: a few views of the
 * production build drawn in headless Chromium at a fixed size, the map canvas only, compared
 * with the expected images committed in tests/e2e/render/expected/.
 *
 * Only the canvas is compared: a test-only stylesheet hides the HTML over it (place names,
 * popup, buttons), which the other end-to-end tests check as DOM, so a font change does not
 * touch these images.
 *
 * Tolerance: pixelmatch with a colour threshold of 0.03 (OKLab distance; it ignores the one or
 * two levels a renderer upgrade shifts a colour by, and catches about eight levels of green or
 * sixteen of red), antialiased pixels ignored, and at most 0.3 % of the canvas, and 48 pixels
 * in any 32 × 32 square, differing. The last tests prove that a changed fill colour and a
 * hidden layer both fail: when written, a fill nine levels of green darker differed in 7.6 % of
 * the canvas, a missing thematic layer in 18–20 %, and the district boundaries missing at zoom
 * 12 (thin grey lines) in 0.41 %, 70 pixels in the worst square.
 *
 * After a change to the style, the data or the browser that changes the picture on purpose,
 * regenerate the expected images and look at them before committing:
 *
 *     npm run build && npm run test:render:update
 *
 * (that is UPDATE_EXPECTED=1 on this file). A failing comparison writes the actual image, the
 * expected one and their difference to test-results/render/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { COLOURS, channels } from '../../src/map/palette';
import { MAP, mapCanvas, openAtlas, published, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const EXPECTED = resolve(import.meta.dirname, 'render/expected');
const FAILURES = 'test-results/render';
const UPDATE = process.env.UPDATE_EXPECTED === '1';

const SIZE = { width: 800, height: 600 };
const THRESHOLD = 0.03;
const MAX_DIFFERING = 0.003;
const WINDOW = 32;
const MAX_DIFFERING_IN_WINDOW = 48;

interface View {
  name: string;
  /** Query and hash of the atlas's URL. */
  url: string;
  /** The selection the map must have drawn before the picture is taken. */
  selection?: string;
}

const VIEWS: View[] = [
  { name: 'default', url: '' },
  { name: 'selected-district-z10', url: '?sel=500105#map=10/29.63/106.72', selection: '500105' },
  { name: 'population', url: '?layers=districts,population' },
  { name: 'yuzhong-z12', url: '#map=12/29.556/106.57' },
];

/** Shows the map's canvas alone: everything else on the page is hidden, the map's container (its land colour) aside. */
const CANVAS_ONLY = `
  body * { visibility: hidden !important; }
  ${MAP}, ${MAP} canvas { visibility: visible !important; }
`;

async function openView(view: View): Promise<Page> {
  // The test's stylesheet is an inline one, which the atlas's policy forbids.
  const { page } = await newLoggedPage(browser(), { viewport: SIZE, deviceScaleFactor: 1, bypassCSP: true });
  await openAtlas(page, `${atlasUrl}${view.url}`);
  if (view.selection) await expect.poll(() => published(page, 'selection')).toBe(view.selection);
  await expect.poll(() => published(page, 'detail')).not.toBe('loading');
  await page.addStyleTag({ content: CANVAS_ONLY });
  await waitForMapIdle(page);
  return page;
}

async function canvasImage(page: Page): Promise<PNG> {
  await waitForMapIdle(page);
  return PNG.sync.read(await mapCanvas(page).screenshot({ animations: 'disabled' }));
}

interface Comparison {
  differing: number;
  ratio: number;
  inWindow: number;
  diff: PNG;
  pass: boolean;
}

function compare(expected: PNG, actual: PNG): Comparison {
  const { width, height } = expected;
  expect([actual.width, actual.height], 'the canvas has the expected image’s size').toEqual([width, height]);
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, width, height, { threshold: THRESHOLD });
  const inWindow = pixelmatch(expected.data, actual.data, null, width, height, {
    threshold: THRESHOLD,
    windowSize: WINDOW,
  });
  const ratio = differing / (width * height);
  return { differing, ratio, inWindow, diff, pass: ratio <= MAX_DIFFERING && inWindow <= MAX_DIFFERING_IN_WINDOW };
}

const expectedPath = (name: string) => join(EXPECTED, `${name}.png`);

async function readExpected(name: string): Promise<PNG> {
  const path = expectedPath(name);
  if (!existsSync(path)) throw new Error(`no expected image ${path}: run \`npm run test:render:update\``);
  return PNG.sync.read(await readFile(path));
}

function writeFailure(name: string, expected: PNG, actual: PNG, diff: PNG): string {
  mkdirSync(FAILURES, { recursive: true });
  writeFileSync(join(FAILURES, `${name}-expected.png`), PNG.sync.write(expected));
  writeFileSync(join(FAILURES, `${name}-actual.png`), PNG.sync.write(actual));
  writeFileSync(join(FAILURES, `${name}-diff.png`), PNG.sync.write(diff));
  return join(FAILURES, `${name}-{actual,expected,diff}.png`);
}

const describeOf = (comparison: Comparison) =>
  `${comparison.differing} pixels (${(comparison.ratio * 100).toFixed(2)} %) differ, ` +
  `${comparison.inWindow} in the worst ${WINDOW} × ${WINDOW} square`;

describe('the map canvas matches its expected image', () => {
  for (const view of VIEWS) {
    it(`${view.name} (${view.url || 'the default view'})`, async () => {
      const page = await openView(view);
      const actual = await canvasImage(page);
      await page.context().close();
      if (UPDATE) {
        mkdirSync(EXPECTED, { recursive: true });
        writeFileSync(expectedPath(view.name), PNG.sync.write(actual));
        return;
      }
      const expected = await readExpected(view.name);
      const comparison = compare(expected, actual);
      const where = comparison.pass ? '' : `; see ${writeFailure(view.name, expected, actual, comparison.diff)}`;
      expect(comparison.pass, `${view.name}: ${describeOf(comparison)}${where}`).toBe(true);
    });
  }
});

describe.skipIf(UPDATE)('the comparison fails', () => {
  it('when a fill colour changes (the commonest fill, nine levels of green darker, in the expected image)', async () => {
    const expected = await readExpected('default');
    const changed = PNG.sync.read(PNG.sync.write(expected));
    // The commonest colour other than the land's: the fill of the largest area drawn.
    const land = channels(COLOURS.background).join();
    const counts = new Map<string, number>();
    for (let index = 0; index < expected.data.length; index += 4) {
      const colour = expected.data.subarray(index, index + 3).join();
      if (colour !== land) counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    const [fill = ''] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    let recoloured = 0;
    for (let index = 0; index < changed.data.length; index += 4) {
      if (changed.data.subarray(index, index + 3).join() !== fill) continue;
      changed.data[index + 1] = Math.max(0, (changed.data[index + 1] ?? 0) - 9);
      recoloured += 1;
    }
    expect(recoloured, `pixels of the fill ${fill}`).toBeGreaterThan(5000);
    const page = await openView(VIEWS[0] as View);
    const actual = await canvasImage(page);
    await page.context().close();
    expect(compare(expected, actual).pass, 'the unchanged image matches').toBe(true);
    const comparison = compare(changed, actual);
    expect(comparison.pass, describeOf(comparison)).toBe(false);
  });

  for (const { view, layer, without } of [
    { view: 'population', layer: 'population', without: '?layers=districts' },
    { view: 'default', layer: 'urban-system', without: '?layers=districts' },
    { view: 'yuzhong-z12', layer: 'districts', without: '?layers=urban-system#map=12/29.556/106.57' },
  ]) {
    it(`when a layer is missing (${layer}, against the ${view} view)`, async () => {
      const expected = await readExpected(view);
      const page = await openView({ name: `${view}-without-${layer}`, url: without });
      expect(await published(page, 'layers')).not.toContain(layer);
      const actual = await canvasImage(page);
      await page.context().close();
      const comparison = compare(expected, actual);
      expect(comparison.pass, describeOf(comparison)).toBe(false);
    });
  }
});
