/**
 * Open data from the page: the About panel lists the files of data/ and each link answers from
 * the served build with its media type; "Download this place" saves the place's feature and
 * passages, equal to its rows in places.geojson and passages.csv; the Cite box copies its text.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { PlaceIndex } from '../../src/data/place-index';
import { OPEN_DATA_FILES } from '../../src/open-data/catalogue';
import { loadPlaces } from '../support/artifacts';
import { openAtlas, popup, popupTitle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const places = new PlaceIndex(loadPlaces());

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
}

async function openAbout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'About', exact: true }).click();
  await expect.poll(() => page.locator('.data-files li').count()).toBe(OPEN_DATA_FILES.length);
}

const rowsOf = (text: string): Array<Record<string, string>> => parse(text, { bom: true, columns: true });

describe('the Data section of the About panel', () => {
  it('lists every file with its size and licence, and each link answers with the right type', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en`);
    await openAbout(page);
    const items = page.locator('.data-files li');
    // Sizes come from datapackage.json once it has loaded.
    await expect.poll(() => items.first().innerText()).toMatch(/\d KB|\d MB/);
    for (const [at, file] of OPEN_DATA_FILES.entries()) {
      const item = items.nth(at);
      const text = await item.innerText();
      expect(text).toContain(file.path);
      expect(text).toMatch(/\d(\.\d)? (KB|MB)/);
      expect(text).toContain('Licence:');
      if (file.path === 'places.geojson') {
        expect(text).toContain('not openly licensed');
        expect(text).toContain('审图号');
      }
      const href = await item.locator('a').getAttribute('href');
      expect(href).toBe(`data/${file.path}`);
      const url = new URL(href ?? '', page.url()).href;
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toContain(file.mediatype);
    }
    const packageLink = page.locator('.about-data a[href="data/datapackage.json"]');
    const response = await page.request.get(new URL('data/datapackage.json', page.url()).href);
    expect(await packageLink.count()).toBe(1);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('Download this place', () => {
  it('saves Yuzhong’s feature and passages, equal to its rows in the published files', async () => {
    const { page, log } = await newLoggedPage(browser(), { acceptDownloads: true });
    await watchCsp(page);
    await openAtlas(page, `${atlasUrl}?sel=500103&lang=en`);
    await expect.poll(() => popupTitle(page).innerText()).toBe('Yuzhong District');
    const downloads = popup(page).locator('.place-downloads');

    const [featureDownload] = await Promise.all([
      page.waitForEvent('download'),
      downloads.locator('[data-download="feature"]').click(),
    ]);
    expect(featureDownload.suggestedFilename()).toBe('500103.geojson');
    const feature = JSON.parse(await readFile(await featureDownload.path(), 'utf8'));
    const published = await (await page.request.get(new URL('data/places.geojson', page.url()).href)).json();
    expect(feature).toEqual(published.features.find((entry: { id: string }) => entry.id === '500103'));
    expect(feature.properties.nameZh).toBe('渝中区');

    const [passagesDownload] = await Promise.all([
      page.waitForEvent('download'),
      downloads.locator('[data-download="passages"]').click(),
    ]);
    expect(passagesDownload.suggestedFilename()).toBe('500103-passages.csv');
    const text = await readFile(await passagesDownload.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = rowsOf(text);
    const all = rowsOf(await (await page.request.get(new URL('data/passages.csv', page.url()).href)).text());
    const ids = places.idsOf('500103');
    const expected = all.filter((row) => (row.place_ids ?? '').split(';').some((id) => ids.includes(id)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);

    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the Cite box', () => {
  it('copies the atlas’s citation, with its version and the page’s address', async () => {
    const { page } = await newLoggedPage(browser(), { permissions: ['clipboard-read', 'clipboard-write'] });
    await openAtlas(page, `${atlasUrl}?lang=en`);
    await openAbout(page);
    const box = page.locator('.about-cite .copyable').first();
    await expect.poll(() => box.locator('.copyable-text').innerText()).toMatch(/version \d+\.\d+\.\d+/);
    const citation = await box.locator('.copyable-text').innerText();
    expect(citation).toContain(atlasUrl);
    expect(citation).not.toContain('lang=en');
    await box.getByRole('button').click();
    await expect.poll(() => box.getByRole('status').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    const articles = page.locator('.about-cite .copyable');
    expect(await articles.count()).toBe(5);
    expect(await articles.nth(1).locator('.copyable-text').innerText()).toContain('Chongqing Daily');
    await page.context().close();
  });
});
