/**
 * Sources a reader can follow: a district's figures name their source by publisher, title
 * and date with a link, "no data" shows no source, aggregator-only figures say so, and
 * the About panel lists the numbered sources with the content version.
 */
import { describe, expect, inject, it } from 'vitest';
import { loadContent } from '../support/artifacts';
import { fullDetails, openAtlas, popupTitle } from './support/atlas-driver';
import { newLoggedPage, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const content = loadContent();
const numberOf = (key: string) => content.sources.findIndex((source) => source.key === key) + 1;

describe('sources in a district’s details', () => {
  it('Kaizhou’s 2023 resident figure names the Kaizhou Daily bulletin, its date and its link', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500154&lang=en`);
    await expect.poll(() => popupTitle(page).innerText()).toBe('Kaizhou District');
    // A popup taller than the map is a summary: the figures are in the full details.
    const source = (await fullDetails(page)).locator('.figure[data-figure="resident-2023-500154"] .figure-source');
    expect(await source.count()).toBe(1);
    const text = await source.innerText();
    expect(text).toContain(`[${numberOf('[M2]')}]`);
    expect(text).toContain('开州日报 Kaizhou Daily');
    expect(text).toContain('2024-04-29');
    expect(text).not.toMatch(/\[M2\]/);
    const link = source.locator('a[href="https://newspaper.kxzc.cn/kzrb/20240429"]');
    expect(await link.count()).toBe(1);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('marks a figure whose only source is an aggregator, and shows "no data" with no source line', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500101&lang=en`);
    const resident = (await fullDetails(page)).locator('.figure[data-figure="resident-2023-500101"] .figure-source');
    await expect.poll(() => resident.innerText()).toContain('aggregator source only');
    expect(await resident.innerText()).toContain('maigoo.com');
    await openAtlas(page, `${atlasUrl}?sel=500104&lang=en`);
    const missing = (await fullDetails(page)).locator('.figure[data-figure="resident-2023-500104"]');
    await expect.poll(() => missing.locator('.figure-value').innerText()).toBe('no data');
    expect(await missing.locator('.figure-source').count()).toBe(0);
    await page.context().close();
  });
});

describe('the About panel', () => {
  it('lists every source, numbered as the popups cite them, and shows the content version', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en`);
    await page.getByRole('button', { name: 'About', exact: true }).click();
    const items = page.locator('.source-list li');
    await expect.poll(() => items.count()).toBe(content.sources.length);
    expect(await items.first().innerText()).toMatch(/^\[1\] /);
    const maigoo = page.locator(`.source-list li[data-source="${numberOf('[M1]')}"]`);
    expect(await maigoo.innerText()).toContain('maigoo.com');
    expect(await maigoo.innerText()).toContain('aggregator');
    expect(await page.locator('.content-version').innerText()).toContain(content.contentVersion.version);
    await page.context().close();
  });
});

describe('a released passage id that was merged', () => {
  it('?passage=a4-southeast-55-percent opens the passage that now holds its words', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?passage=a4-southeast-55-percent`);
    await expect.poll(() => new URL(page.url()).searchParams.get('passage')).toBe('a4-urbanisation-targets-2026-2030');
    const mark = page.locator('.reader a.passage-mark[aria-current="true"]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.innerText()).toContain('其他区县城镇化率达到55%以上');
    // A link opens the reader at its passage without taking the reader's focus there.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});
