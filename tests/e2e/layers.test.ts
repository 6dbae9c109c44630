/**
 * Layers combine clearly: one district colouring at a time (old links keep the last they
 * name), one legend showing exactly what is drawn (the layer panel's on wide screens, a button
 * over the map on phones, folded in narrow embeds), a scale bar.
 */
import { describe, expect, inject, it } from 'vitest';
import { MAP, mapLayers, openAtlas, popup, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const layersParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('layers'));

/** The layers whose legends a reader can see, in page order. */
const visibleLegends = (page: Page) =>
  page
    .locator('[data-legend-layer]:visible')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-legend-layer')));

describe('layers', () => {
  it('colour the districts one at a time: a radio group with "none"; other layers stay checkboxes', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en`);
    await page.getByRole('tab', { name: 'Layers' }).click();
    const colourings = page.getByRole('radiogroup').or(page.getByRole('group', { name: /District colours/ }));
    expect(await colourings.getByRole('radio').count()).toBe(8);
    expect(await page.getByRole('radio', { name: 'Urban system' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Population flows' }).check();
    await expect.poll(() => mapLayers(page)).toEqual(['districts', 'population']);
    expect(await layersParam(page)).toBe('districts,population');
    expect(await page.getByRole('radio', { name: 'Urban system' }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'Wan-Kai-Yun' }).check();
    await expect.poll(() => mapLayers(page)).toEqual(['districts', 'wan-kai-yun']);
    await page.getByRole('radio', { name: 'None' }).check();
    await expect.poll(() => mapLayers(page)).toEqual(['districts']);
    const districts = page.getByRole('checkbox', { name: 'Districts' });
    await districts.uncheck();
    await expect.poll(() => mapLayers(page)).toEqual([]);
    await page.context().close();
  });

  it('opened from an old link naming several district colourings, keep the last one given', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?layers=districts,population,urban-system`);
    expect(await mapLayers(page)).toEqual(['districts', 'urban-system']);
    await expect.poll(() => layersParam(page)).toBe(null);
    await openAtlas(page, `${atlasUrl}embed.html?layers=wan-kai-yun,districts,population`);
    expect(await mapLayers(page)).toEqual(['districts', 'population']);
    await page.context().close();
  });

  it('on a wide screen, show one legend, in the layer panel, of exactly what is drawn', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,population`);
    await page.getByRole('tab', { name: 'Layers' }).click();
    expect((await visibleLegends(page)).sort()).toEqual(['districts', 'population']);
    expect(await page.locator('.map-legend').isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'Ecological resettlement' }).check();
    await expect.poll(async () => (await visibleLegends(page)).sort()).toEqual(['districts', 'ecology']);
    expect(await mapLayers(page)).toEqual(['districts', 'ecology']);
    // Plain words for the rivers: what is drawn, not a cartographer's term.
    const legendText = await page.locator('.layer-control').innerText();
    expect(legendText).toContain('Main rivers (simplified)');
    await page.context().close();
  });

  it('on a phone, fold the one legend to a button over the map; opened, it leaves most of the map in view', async () => {
    const { page } = await newLoggedPage(browser(), PHONE);
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,population`);
    const legend = page.locator('.map-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await visibleLegends(page)).toEqual([]);
    // The layer panel shows the switches only: the map's legend is the one legend.
    await page.getByRole('tab', { name: 'Layers' }).click();
    expect(await visibleLegends(page)).toEqual([]);
    await legend.locator('summary').click();
    await expect.poll(() => visibleLegends(page)).toEqual(['districts', 'population']);
    const map = await page.locator(MAP).boundingBox();
    const box = await legend.boundingBox();
    if (!map || !box) throw new Error('no map or legend');
    expect(box.y).toBeGreaterThanOrEqual(map.y);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
    expect(box.width * box.height).toBeLessThan(0.2 * map.width * map.height);
    // The legend scrolls within itself to the measure picker: within its width, at 16 px so that
    // iOS does not zoom the page on focus.
    const select = legend.locator('[data-legend-layer="population"] select');
    await select.scrollIntoViewIfNeeded();
    const shown = await select.boundingBox();
    const scrolled = await legend.boundingBox();
    if (!shown || !scrolled) throw new Error('no picker');
    expect(shown.x).toBeGreaterThanOrEqual(scrolled.x);
    expect(shown.x + shown.width).toBeLessThanOrEqual(scrolled.x + scrolled.width);
    expect(shown.y).toBeGreaterThanOrEqual(scrolled.y);
    expect(shown.y + shown.height).toBeLessThanOrEqual(scrolled.y + scrolled.height);
    expect(await select.evaluate((element) => getComputedStyle(element).fontSize)).toBe('16px');
    expect(await legend.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // Its captions can be scrolled to, and read at the legend's own size.
    const caption = legend.locator('.legend-caption').last();
    await caption.scrollIntoViewIfNeeded();
    const captionBox = await caption.boundingBox();
    if (!captionBox) throw new Error('no caption');
    expect(captionBox.y + Math.min(captionBox.height, 20)).toBeLessThanOrEqual(scrolled.y + scrolled.height);
    expect(
      Number.parseFloat(await caption.evaluate((element) => getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  it('in an embed, start with the legend folded at 480 px wide and less, open when wider', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: { width: 480, height: 600 } });
    const legendOpen = () => page.locator('.map-legend').evaluate((element) => (element as HTMLDetailsElement).open);
    await openAtlas(page, `${atlasUrl}embed.html?lang=en`);
    expect(await legendOpen()).toBe(false);
    await page.setViewportSize({ width: 560, height: 600 });
    await page.reload();
    await waitForMapIdle(page);
    expect(await legendOpen()).toBe(true);
    await page.context().close();
  });

  it('show a metric scale bar on the map', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en`);
    const scale = page.locator(`${MAP} .maplibregl-ctrl-scale`);
    expect(await scale.isVisible()).toBe(true);
    expect(await scale.innerText()).toMatch(/^\d+\s?k?m$/);
    const map = await page.locator(MAP).boundingBox();
    const box = await scale.boundingBox();
    if (!map || !box) throw new Error('no map or scale bar');
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.y + box.height).toBeLessThanOrEqual(map.y + map.height);
    // Nothing covers it.
    const covered = await page.evaluate(
      ({ x, y }) => !document.elementFromPoint(x, y)?.closest('.maplibregl-ctrl-scale'),
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(covered).toBe(false);
    await page.context().close();
  });

  it('give a place one area, with its source: the published figure where there is one', async () => {
    const { page } = await newLoggedPage(browser());
    const areas = () =>
      popup(page)
        .innerText()
        .then((text) => [...new Set([...text.matchAll(/([\d,.]+) km²/g)].map((match) => match[1]))]);
    const areaRow = () => popup(page).locator('dt:text-is("Area") + dd').innerText();
    await openAtlas(page, `${atlasUrl}?lang=en&sel=wan-kai-yun`);
    await expect.poll(() => popup(page).count()).toBe(1);
    // Wan-Kai-Yun: the plan's 11,069 km², not also the map boundary's measure.
    expect(await areas()).toEqual(['11,069']);
    expect(await areaRow()).toMatch(/^11,069 km² · 2021 \(plan\) · Source: \S/);
    // A place without a published area keeps the measured one, saying so.
    await openAtlas(page, `${atlasUrl}?lang=en&sel=central-urban`);
    await expect.poll(() => popup(page).count()).toBe(1);
    expect(await areaRow()).toContain('computed from the map boundary');
    await page.context().close();
  });
});
