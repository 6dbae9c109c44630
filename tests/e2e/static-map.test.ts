/**
 * The static SVG map (src/static-map/) against MapLibre's drawing of the same view: the
 * atlas opened at a camera, its canvas photographed with the HTML over it hidden, and the SVG
 * for the camera the map publishes, at the canvas's size, photographed in a blank page of
 * that size. Place names are left out of both (they are HTML over the canvas, measured from
 * the DOM; the SVG estimates them).
 *
 * Tolerance: pixelmatch at its default colour threshold (0.1, in YIQ: well under the step
 * between two neighbouring fills of the palette, which differ by 0.2 or more), antialiased
 * pixels ignored, and at most 2 % of the pixels differing. What legitimately differs is along
 * lines: MapLibre simplifies the borders by up to a pixel in its tiles (style.ts, `tolerance`)
 * and draws lines with its own antialiasing, so a 0.6–1.5 px line lands a pixel apart over
 * part of its length. When written, the matching views differed in 0.3–0.9 % of their
 * pixels; the last tests prove that a wrong fill (another layer) and a camera a tenth of a
 * zoom level off both fail (34 % and 6.6 %).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, inject, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import type { LayerId } from '../../src/layers/registry';
import { StaticMap } from '../../src/static-map/StaticMap';
import { loadContent, loadOverviewTopology, loadPlaces, loadTopology } from '../support/artifacts';
import { MAP, mapCanvas, mapLayers, mapView, published, waitForMapIdle } from './support/atlas-driver';
import { type Browser, newLoggedPage, type Page, useBrowser } from './support/browser';
import { visibleMapRect } from './support/visible-map';

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
};
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const MAX_DIFFERING = 0.02;
const FAILURES = 'test-results/static-map';

const places = loadPlaces();
const content = loadContent();
const placeIndex = new PlaceIndex(places);
const themeDistricts = new ContentIndex(content, placeIndex).themeDistricts();
const overview = buildMapFeatures(loadOverviewTopology(), places, content);
const detailed = buildMapFeatures(loadTopology(), places, content);

const CANVAS_ONLY = `
  body * { visibility: hidden !important; }
  ${MAP}, ${MAP} canvas { visibility: visible !important; }
`;

interface Case {
  name: string;
  viewport: { width: number; height: number };
  /** Query and hash of the atlas's URL. */
  url: string;
}

const CASES: Case[] = [
  { name: 'desktop, the municipality', viewport: { width: 1280, height: 800 }, url: '#map=7/30.05/107.75' },
  { name: 'phone, the municipality', viewport: { width: 390, height: 844 }, url: '#map=6/30.2/107.75' },
  {
    name: 'desktop, the centre zoomed in, population',
    viewport: { width: 1280, height: 800 },
    url: '?layers=districts,population#map=9.2/29.6/106.6',
  },
  {
    name: 'phone, Wanzhou selected',
    viewport: { width: 390, height: 844 },
    url: '?sel=500101#map=8.2/30.75/108.4',
  },
];

interface MapShot {
  image: PNG;
  camera: { center: [number, number]; zoom: number };
  layers: LayerId[];
  selection: string | null;
  detail: string | null;
}

async function mapLibreShot(testCase: Case): Promise<MapShot> {
  const { page } = await newLoggedPage(browser(), {
    viewport: testCase.viewport,
    deviceScaleFactor: 1,
    bypassCSP: true,
  });
  await page.goto(`${atlasUrl}${testCase.url}`);
  await waitForMapIdle(page);
  await expect.poll(() => published(page, 'detail')).not.toBe('loading');
  // The published centre is that of the part of the map the sheet leaves visible (phones): the
  // SVG is drawn around the canvas's own centre, so the camera is moved by the difference.
  const visible = await visibleMapRect(page);
  const canvasBox = await mapCanvas(page).boundingBox();
  if (!canvasBox) throw new Error('no map canvas');
  await page.addStyleTag({ content: CANVAS_ONLY });
  await waitForMapIdle(page);
  const view = await mapView(page);
  const world = 512 * 2 ** view.zoom;
  const dx = canvasBox.x + canvasBox.width / 2 - (visible.left + visible.right) / 2;
  const dy = canvasBox.y + canvasBox.height / 2 - (visible.top + visible.bottom) / 2;
  const shot: MapShot = {
    image: PNG.sync.read(await mapCanvas(page).screenshot({ animations: 'disabled' })),
    camera: {
      center: [lonOf(mercatorX(view.lon) + dx / world), latOf(mercatorY(view.lat) + dy / world)],
      zoom: view.zoom,
    },
    layers: (await mapLayers(page)) as LayerId[],
    selection: (await published(page, 'selection')) || null,
    detail: await published(page, 'detail'),
  };
  await page.context().close();
  return shot;
}

async function svgShot(
  browserNow: Browser,
  shot: MapShot,
  change: { layers?: LayerId[]; zoom?: number } = {},
): Promise<PNG> {
  const size = { width: shot.image.width, height: shot.image.height };
  const svg = renderToString(
    h(StaticMap, {
      features: shot.detail === 'detail' ? detailed : overview,
      places: placeIndex,
      themeDistricts,
      state: {
        lang: 'zh',
        layers: change.layers ?? shot.layers,
        population: DEFAULT_POPULATION_MEASURE,
        sel: shot.selection,
      },
      view: { center: shot.camera.center, zoom: change.zoom ?? shot.camera.zoom },
      size,
      labels: false,
    }),
  );
  const page: Page = await browserNow.newPage({ viewport: size, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  const image = PNG.sync.read(await page.locator('svg').screenshot({ animations: 'disabled' }));
  await page.close();
  return image;
}

function differing(a: PNG, b: PNG, name: string): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  const diff = new PNG({ width: a.width, height: a.height });
  const count = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const ratio = count / (a.width * a.height);
  if (ratio > MAX_DIFFERING) {
    mkdirSync(FAILURES, { recursive: true });
    const file = name.replace(/\W+/g, '-');
    writeFileSync(join(FAILURES, `${file}-maplibre.png`), PNG.sync.write(a));
    writeFileSync(join(FAILURES, `${file}-svg.png`), PNG.sync.write(b));
    writeFileSync(join(FAILURES, `${file}-diff.png`), PNG.sync.write(diff));
  }
  return ratio;
}

describe('the static map draws what MapLibre draws at the same camera', () => {
  for (const testCase of CASES) {
    it(`${testCase.name} (${testCase.viewport.width} × ${testCase.viewport.height}, ${testCase.url})`, async () => {
      const shot = await mapLibreShot(testCase);
      const ratio = differing(shot.image, await svgShot(browser(), shot), testCase.name);
      expect(ratio, `${(ratio * 100).toFixed(2)} % of the pixels differ`).toBeLessThanOrEqual(MAX_DIFFERING);
    });
  }
});

describe('the comparison fails', () => {
  it('when the SVG draws another layer', async () => {
    const shot = await mapLibreShot(CASES[0] as Case);
    const ratio = differing(shot.image, await svgShot(browser(), shot, { layers: ['districts', 'population'] }), 'x');
    expect(ratio).toBeGreaterThan(MAX_DIFFERING);
  });

  it('when the SVG’s camera is a tenth of a zoom level off', async () => {
    const shot = await mapLibreShot(CASES[1] as Case);
    const ratio = differing(shot.image, await svgShot(browser(), shot, { zoom: shot.camera.zoom + 0.1 }), 'y');
    expect(ratio).toBeGreaterThan(MAX_DIFFERING);
  });
});
