/**
 * "Save image" in a real Chromium: each of the four files downloads under a meaningful name;
 * the map keeps the view's size, with the legend beside it (landscape) or below it (portrait),
 * never over it; the PNG has the title drawn in its top band and the districts' fill colours
 * where the districts are, the selection's among them; the SVG parses, and says the title,
 * the legend of the layers shown, the selection, the attribution with the map-review caveat
 * and the date, with every district's shape; in Chinese and in English, on a phone, in the
 * embed, without WebGL, with the keyboard (Escape and a save give the focus back to the button),
 * under the page’s Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import pointOnFeature from '@turf/point-on-feature';
import { PNG } from 'pngjs';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, inject, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { layerTitle } from '../../src/layers/registry';
import type { Lang } from '../../src/types/atlas-data';
import { loadOverviewTopology, loadPlaces } from '../support/artifacts';
import { MAP, projectOn, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const browserWithoutWebgl = useBrowser(['--disable-webgl', '--disable-3d-apis']);
const places = loadPlaces();
const topology = loadOverviewTopology();
const districtPoints = new Map(
  (feature(topology, topology.objects.districts as GeometryCollection).features as GeoJSON.Feature[]).map(
    (district) => [
      String(district.properties?.code),
      pointOnFeature(district).geometry.coordinates as [number, number],
    ],
  ),
);
const TODAY = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date());

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function openAtlasPage(url: string, viewport = { width: 1280, height: 800 }) {
  const opened = await newLoggedPage(browser(), { viewport, acceptDownloads: true });
  await opened.page.context().addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  await opened.page.goto(url);
  await waitForMapIdle(opened.page);
  return opened;
}

/** Opens "Save image" and takes one of its files: its name and bytes. */
async function save(page: Page, choice: 'png-1x' | 'png-2x' | 'svg-1x' | 'svg-2x') {
  const control = page.getByTestId('save-image');
  if ((await control.getAttribute('open')) === null) await control.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    control.locator(`[data-image="${choice}"]`).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

async function mapSize(page: Page) {
  return page.locator(MAP).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { width: Math.round(box.width), height: Math.round(box.height) };
  });
}

interface ParsedSvg {
  error: string | null;
  width: string | null;
  height: string | null;
  viewBox: string | null;
  texts: string[];
  ids: string[];
  fills: Record<string, string>;
  camera: { zoom: number; lon: number; lat: number };
  /** Where the map is drawn in the image, in the image's px. */
  map: { x: number; y: number; width: number; height: number };
  /** The legend's panel, or null. */
  legend: { x: number; y: number; width: number; height: number } | null;
  styled: number;
}

/** The SVG parsed by the browser's XML parser, as an image file would be. */
function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = document.documentElement;
    const map = root.querySelector('svg[data-zoom]');
    const [mapX, mapY] = (root.querySelector('g[data-part="map"]')?.getAttribute('transform') ?? '')
      .replace(/[^\d. -]/g, '')
      .trim()
      .split(/\s+/)
      .map(Number);
    const legendBox = root.querySelector('g[data-part="legend"] > rect');
    const [lon, lat] = (map?.getAttribute('data-center') ?? '').split(',').map(Number);
    const fills: Record<string, string> = {};
    for (const path of root.querySelectorAll('g[data-kind="districts"] path[data-id]')) {
      fills[path.getAttribute('data-id') ?? ''] = path.getAttribute('fill') ?? '';
    }
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      viewBox: root.getAttribute('viewBox'),
      texts: [...root.querySelectorAll('text')].map((node) => node.textContent ?? ''),
      ids: [...root.querySelectorAll('[data-id]')].map((node) => node.getAttribute('data-id') ?? ''),
      fills,
      camera: { zoom: Number(map?.getAttribute('data-zoom')), lon: lon ?? Number.NaN, lat: lat ?? Number.NaN },
      map: {
        x: mapX ?? Number.NaN,
        y: mapY ?? Number.NaN,
        width: Number(map?.getAttribute('width')),
        height: Number(map?.getAttribute('height')),
      },
      legend: legendBox
        ? {
            x: Number(legendBox.getAttribute('x')),
            y: Number(legendBox.getAttribute('y')),
            width: Number(legendBox.getAttribute('width')),
            height: Number(legendBox.getAttribute('height')),
          }
        : null,
      styled: root.querySelectorAll('[style]').length,
    };
  }, text);
}

function expectTexts(svg: ParsedSvg, lang: Lang, layers: readonly string[], selection: string) {
  const t = translator(lang);
  const all = svg.texts.join('\n');
  expect(svg.error).toBeNull();
  expect(svg.texts).toContain(t('app.title'));
  expect(svg.texts).toContain(selection);
  for (const layer of layers) expect(svg.texts).toContain(t(layerTitle(layer as 'districts')));
  expect(all).toContain(places.attribution[0]?.[lang].slice(0, 12));
  expect(all).toContain('审图号');
  expect(all).toContain(TODAY(lang));
  for (const district of places.districts) expect(svg.ids).toContain(district.code);
  expect(svg.styled).toBe(0);
}

const rgb = (hex: string) => [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));

/** Whether the PNG shows the colour `fill` within `reach` px of a point of the image (a name may cover the point). */
function showsFill(png: PNG, scale: number, at: { x: number; y: number }, fill: string, reach = 4) {
  const expected = rgb(fill);
  for (let dy = -reach; dy <= reach; dy += 1) {
    for (let dx = -reach; dx <= reach; dx += 1) {
      const offset = (Math.round((at.y + dy) * scale) * png.width + Math.round((at.x + dx) * scale)) * 4;
      const shown = [png.data[offset] ?? 0, png.data[offset + 1] ?? 0, png.data[offset + 2] ?? 0];
      if (shown.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= 3)) return true;
    }
  }
  return false;
}

/** A district's inner point in the image: projected with the map's camera, moved to where the map is drawn. */
function inImage(svg: ParsedSvg, point: [number, number]) {
  const at = projectOn(svg.camera, { width: svg.map.width, height: svg.map.height }, point);
  return { x: svg.map.x + at.x, y: svg.map.y + at.y };
}

/**
 * The districts drawn in the middle of the map: the share whose fill colour the PNG shows
 * within a few pixels of a point inside them.
 */
function districtFillsShown(png: PNG, svg: ParsedSvg, scale: number) {
  let checked = 0;
  let matched = 0;
  for (const [code, point] of districtPoints) {
    const fill = svg.fills[code];
    if (!fill?.startsWith('#')) continue;
    const at = projectOn(svg.camera, svg.map, point);
    if (
      at.x < svg.map.width * 0.2 ||
      at.x > svg.map.width * 0.8 ||
      at.y < svg.map.height * 0.2 ||
      at.y > svg.map.height * 0.8
    ) {
      continue;
    }
    checked += 1;
    if (showsFill(png, scale, inImage(svg, point), fill)) matched += 1;
  }
  return { checked, matched };
}

/** The selected district's inner point is drawn as the map, in its fill, and not under the legend. */
function expectSelectionShown(png: PNG, svg: ParsedSvg, scale: number, code: string) {
  const point = districtPoints.get(code);
  const fill = svg.fills[code];
  if (!point || !fill) throw new Error(`no district ${code}`);
  const at = inImage(svg, point);
  expect(at.x).toBeGreaterThan(svg.map.x);
  expect(at.x).toBeLessThan(svg.map.x + svg.map.width);
  expect(at.y).toBeGreaterThan(svg.map.y);
  expect(at.y).toBeLessThan(svg.map.y + svg.map.height);
  const legend = svg.legend;
  if (legend) {
    const inLegend =
      at.x >= legend.x && at.x <= legend.x + legend.width && at.y >= legend.y && at.y <= legend.y + legend.height;
    expect(inLegend).toBe(false);
  }
  expect(showsFill(png, scale, at, fill, 12)).toBe(true);
}

/** Dark pixels (text) in the title's line of the top band, left part. */
function inkInTitle(png: PNG, scale: number) {
  let dark = 0;
  for (let y = 12 * scale; y < 34 * scale; y += 1) {
    for (let x = 12 * scale; x < 220 * scale; x += 1) {
      const offset = (y * png.width + x) * 4;
      if ((png.data[offset] ?? 255) < 100 && (png.data[offset + 1] ?? 255) < 100) dark += 1;
    }
  }
  return dark;
}

describe('Save image', () => {
  it('saves PNG and SVG of the view at 1× and 2×, in Chinese, with Wanzhou selected', async () => {
    const { page, log } = await openAtlasPage(`${atlasUrl}?sel=500101#map=7.2/30.1/107.9`);
    const size = await mapSize(page);
    for (const scale of [1, 2] as const) {
      const png = await save(page, `png-${scale}x`);
      expect(png.name).toBe(`chongqing-atlas-wanzhou-district-${scale}x.png`);
      const image = PNG.sync.read(png.bytes);
      expect(inkInTitle(image, scale)).toBeGreaterThan(50 * scale);

      const svgFile = await save(page, `svg-${scale}x`);
      expect(svgFile.name).toBe(`chongqing-atlas-wanzhou-district-${scale}x.svg`);
      const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
      // The map keeps the view's size; the image grows around it by the bands and the legend.
      expect({ width: svg.map.width, height: svg.map.height }).toEqual(size);
      const [, , width, height] = (svg.viewBox ?? '').split(' ').map(Number);
      expect(width).toBeGreaterThanOrEqual(size.width);
      expect(height).toBeGreaterThan(size.height);
      expect([svg.width, svg.height]).toEqual([String((width ?? 0) * scale), String((height ?? 0) * scale)]);
      expect({ width: image.width, height: image.height }).toEqual({
        width: (width ?? 0) * scale,
        height: (height ?? 0) * scale,
      });
      expectTexts(svg, 'zh', ['districts'], '万州区');
      expectSelectionShown(image, svg, scale, '500101');
      // Path data at a tenth of a px, as relative steps: well under the megabyte of absolute coordinates.
      expect(svgFile.bytes.length).toBeLessThan(700_000 * scale);

      const fills = districtFillsShown(image, svg, scale);
      expect(fills.checked).toBeGreaterThanOrEqual(3);
      expect(fills.matched / fills.checked).toBeGreaterThanOrEqual(0.8);
    }
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('says it all in English, with the legend of each layer shown', async () => {
    const { page, log } = await openAtlasPage(
      `${atlasUrl}?lang=en&layers=districts,population&population=net-outflow-share&sel=500101#map=9.09/30.7/108.39`,
    );
    const svgFile = await save(page, 'svg-1x');
    // A close view: the shapes outside the map are left out of the file (it was a megabyte).
    expect(svgFile.bytes.length).toBeLessThan(200_000);
    const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
    expectTexts(svg, 'en', ['districts', 'population'], 'Wanzhou District');
    expect(svg.texts.join('\n')).toContain('map-review number');
    // The legend of the measure shown: the 2023 net outflow, which 23 units lack.
    expect(svg.texts.join('\n')).toContain('data for 15 of 38 units');
    expect(svg.texts).toContain(translator('en')('legend.noData'));
    const png = PNG.sync.read((await save(page, 'png-1x')).bytes);
    expect(inkInTitle(png, 1)).toBeGreaterThan(50);
    // Beside a landscape map, the legend covers none of it.
    expect(svg.legend?.x ?? 0).toBeGreaterThanOrEqual(svg.map.x + svg.map.width);
    expectSelectionShown(png, svg, 1, '500101');
    expect(svg.texts.some((text) => text.endsWith('…'))).toBe(false);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('is reached and used with the keyboard alone', async () => {
    const { page } = await openAtlasPage(`${atlasUrl}?lang=en`);
    const summary = page.getByTestId('save-image').locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-image'))).toBe('png-1x');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('chongqing-atlas-1x.png');
    // After the save the menu closes with the focus back on its button, not on <body>.
    const focusOnSummary = () =>
      page.waitForFunction(
        () =>
          document.activeElement?.matches('[data-testid="save-image"] > summary') &&
          !document.querySelector('[data-testid="save-image"]')?.hasAttribute('open'),
      );
    await focusOnSummary();
    // Escape closes the open menu and gives the focus back to its button.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-image'))).toBe('png-1x');
    await page.keyboard.press('Escape');
    await focusOnSummary();
    const labels = await page
      .getByTestId('save-image')
      .locator('[data-image]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    expect(labels).toEqual([
      'Save as a PNG image, 1× size',
      'Save as a PNG image, 2× size',
      'Save as an SVG image, 1× size',
      'Save as an SVG image, 2× size',
    ]);
    await page.context().close();
  });

  it('works on a phone, at the map’s size', async () => {
    const { page, log } = await openAtlasPage(`${atlasUrl}?lang=en&layers=districts,population&sel=500101`, {
      width: 390,
      height: 844,
    });
    expect(await page.getByTestId('save-image').locator('summary').isVisible()).toBe(true);
    const size = await mapSize(page);
    const png = PNG.sync.read((await save(page, 'png-2x')).bytes);
    const svg = await parseSvg(page, (await save(page, 'svg-2x')).bytes.toString('utf8'));
    expect({ width: svg.map.width, height: svg.map.height }).toEqual(size);
    // Below a portrait map: as wide as the map, the image longer.
    expect(png.width).toBe(size.width * 2);
    expect(png.height).toBeGreaterThan(size.height * 2);
    expect(svg.legend?.y ?? 0).toBeGreaterThanOrEqual(svg.map.y + svg.map.height);
    expectSelectionShown(png, svg, 2, '500101');
    // The title wraps rather than being cut.
    expect(svg.texts.some((text) => text.endsWith('…'))).toBe(false);
    expect(svg.texts.filter((text) => 'Chongqing Spatial Strategy Atlas'.includes(text)).join(' ')).toBe(
      'Chongqing Spatial Strategy Atlas',
    );
    expect(inkInTitle(png, 2)).toBeGreaterThan(100);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('works in the embed', async () => {
    const { page, log } = await openAtlasPage(`${atlasUrl}embed.html?sel=500101`, { width: 640, height: 480 });
    const size = await mapSize(page);
    const file = await save(page, 'svg-1x');
    expect(file.name).toBe('chongqing-atlas-wanzhou-district-1x.svg');
    const svg = await parseSvg(page, file.bytes.toString('utf8'));
    expect({ width: svg.map.width, height: svg.map.height }).toEqual(size);
    expectTexts(svg, 'zh', ['districts'], '万州区');
    const png = PNG.sync.read((await save(page, 'png-1x')).bytes);
    expect(png.width).toBe(Number(svg.width));
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('saves the view of the SVG map that stands in without WebGL', async () => {
    const { page, log } = await newLoggedPage(browserWithoutWebgl(), { acceptDownloads: true });
    await page.goto(`${atlasUrl}?sel=500101`);
    const staticMap = page.locator('[data-testid="static-map"] svg[data-zoom]');
    await staticMap.locator('[data-id="500101"]').waitFor({ state: 'attached' });
    const shown = await staticMap.evaluate((element) => ({
      width: element.getAttribute('width'),
      height: element.getAttribute('height'),
      zoom: Number(element.getAttribute('data-zoom')),
    }));
    const svg = await parseSvg(page, (await save(page, 'svg-1x')).bytes.toString('utf8'));
    expect({ width: svg.map.width, height: svg.map.height }).toEqual({
      width: Number(shown.width),
      height: Number(shown.height),
    });
    expect(svg.camera.zoom).toBeCloseTo(shown.zoom, 2);
    expectTexts(svg, 'zh', ['districts'], '万州区');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});
