/**
 * The population layer's measure, as a reader and a host page meet it: picked in the legend,
 * written to the URL, drawn (the canvas changes with each measure), read back from a reloaded
 * link, set by the embed protocol, and shown with its year and source in a district's details.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_POPULATION_MEASURE, POPULATION_MEASURE_IDS } from '../../src/layers/population-measures';
import { fullDetails, mapCanvas, mapLayers, openAtlas, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

type Frame = ReturnType<Page['mainFrame']>;

const atlasUrl = inject('atlasUrl');
const hostUrl = inject('hostUrl');
const browser = useBrowser();

const SIZE = { width: 1280, height: 800 };

const measureParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('population'));

/** The measure picker a reader can see: the layer panel's legend on a wide screen. */
const picker = (page: Page | Frame) => page.locator('[data-legend-layer="population"] select:visible');

async function canvasImage(page: Page | Frame): Promise<PNG> {
  await waitForMapIdle(page);
  return PNG.sync.read(await mapCanvas(page).screenshot({ animations: 'disabled' }));
}

/** The share of the canvas's pixels that differ between two pictures of it. */
function differingShare(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.03 }) / (a.width * a.height);
}

describe('the population layer’s measure', () => {
  it('is picked in the legend, written to the URL, drawn, and read back from the link', async () => {
    const { page, log } = await newLoggedPage(browser(), { viewport: SIZE, deviceScaleFactor: 1 });
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,population`);
    await page.getByRole('tab', { name: 'Layers' }).click();
    const select = picker(page);
    expect(await select.inputValue()).toBe(DEFAULT_POPULATION_MEASURE);
    expect(await measureParam(page)).toBeNull();
    const legend = page.locator('.layer-control [data-legend-layer="population"]');
    expect(await legend.innerText()).toMatch(/measure in-migration[\s\S]*not departures/);
    expect(await legend.innerText()).toContain('2020 census');
    expect(await legend.innerText()).toContain('National Bureau of Statistics');
    // The picker stays within the layer panel, which does not scroll sideways.
    const panel = page.locator('.layer-control');
    const panelBox = await panel.boundingBox();
    const selectBox = await select.boundingBox();
    if (!panelBox || !selectBox) throw new Error('no panel or picker');
    expect(selectBox.x + selectBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    expect(await panel.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    const images = new Map<string, PNG>([[DEFAULT_POPULATION_MEASURE, await canvasImage(page)]]);
    for (const measure of POPULATION_MEASURE_IDS.filter((id) => id !== DEFAULT_POPULATION_MEASURE)) {
      await select.selectOption(measure);
      await expect.poll(() => measureParam(page)).toBe(measure);
      await expect.poll(() => legend.getAttribute('data-measure')).toBe(measure);
      const image = await canvasImage(page);
      // Each measure shades the districts differently: a good part of the canvas changes.
      for (const [other, seen] of images) {
        expect(differingShare(image, seen), `${measure} against ${other}`).toBeGreaterThan(0.02);
      }
      images.set(measure, image);

      // The link alone gives the same measure, and the same picture.
      const reloaded = (await newLoggedPage(browser(), { viewport: SIZE, deviceScaleFactor: 1 })).page;
      await openAtlas(reloaded, page.url());
      await reloaded.getByRole('tab', { name: 'Layers' }).click();
      expect(await picker(reloaded).inputValue()).toBe(measure);
      expect(await mapLayers(reloaded)).toEqual(['districts', 'population']);
      // The same picture as its measure drew, far nearer to it than to any other measure's (the
      // camera may settle a pixel apart between two loads, so not identical).
      const again = await canvasImage(reloaded);
      const own = differingShare(again, image);
      for (const [other, seen] of images) {
        if (other !== measure)
          expect(own, `${measure} reloaded, against ${other}`).toBeLessThan(differingShare(again, seen) / 2);
      }
      await reloaded.context().close();
    }
    // The 2023 measure covers 15 units: the others are drawn, and listed, as no data.
    expect(await legend.innerText()).toContain('data for 15 of 38 units');
    expect(await legend.innerText()).toContain('No data');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('falls back to the default for a malformed link; links from before it keep working', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: SIZE });
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,population&population=outflow`);
    await page.getByRole('tab', { name: 'Layers' }).click();
    expect(await picker(page).inputValue()).toBe(DEFAULT_POPULATION_MEASURE);
    await expect.poll(() => measureParam(page)).toBeNull();
    await page.context().close();
  });

  it('shows in a district’s details with its year and source', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: SIZE });
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,population&sel=500241`);
    const details = await fullDetails(page);
    for (const series of ['hukou-other-county-share', 'hukou-other-province-share', 'urban-share']) {
      const figure = details.locator(`[data-figure="${series}-2020-500241"]`);
      expect(await figure.innerText(), series).toMatch(/2020-11-01/);
      expect(await figure.locator('.figure-source').innerText(), series).toContain('National Bureau of Statistics');
    }
    await page.context().close();
  });

  it('is set by a host page through the embed protocol', async () => {
    const { page, log } = await newLoggedPage(browser(), { viewport: SIZE });
    const url = new URL('host.html', hostUrl);
    url.searchParams.set('atlas', atlasUrl);
    url.searchParams.set('format', 'module');
    url.searchParams.set(
      'options',
      JSON.stringify({ layers: ['districts', 'population'], population: 'urban-share', lang: 'en' }),
    );
    await page.goto(url.href);
    await page.waitForFunction(() => (window.hostLog?.ready.length ?? 0) > 0, null, { timeout: 60_000 });
    expect((await page.evaluate(() => window.hostLog?.ready[0]))?.population).toBe('urban-share');
    const frame = await (await page.locator('#atlas iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no embedded map');
    const embedPicker = frame.locator('[data-legend-layer="population"] select');
    expect(await embedPicker.inputValue()).toBe('urban-share');
    const before = await canvasImage(frame);

    await page.evaluate(() => window.controller?.set({ population: 'net-outflow-share' }));
    await expect.poll(() => embedPicker.inputValue()).toBe('net-outflow-share');
    expect(differingShare(await canvasImage(frame), before)).toBeGreaterThan(0.02);
    // An unknown measure is ignored, the command as a whole.
    await page.evaluate(() =>
      window.controller?.iframe.contentWindow?.postMessage(
        { type: 'cq-atlas:set', population: 'bogus', lang: 'zh' },
        '*',
      ),
    );
    await page.evaluate(() => window.controller?.set({ lang: 'zh' }));
    await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await embedPicker.inputValue()).toBe('net-outflow-share');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});
