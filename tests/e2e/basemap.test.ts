/**
 * End to end: the optional basemap. The build's setting is a meta element in the page
 * (src/map/basemap-setting.ts), so instead of a second build these tests copy dist/, write the
 * meta into the copy's index.html pointing at the fixture basemap on a second local origin at
 * a free port (support/basemap-fixture.ts), and serve the copy with the CSP widened for it, as
 * `ATLAS_BASEMAP` would at build and serve time. Checked: its tiles load, it shows at city zoom
 * in its colour where the default build shows none, its credit joins ours, no CSP violation; a
 * policy that was not widened blocks it; the default build asks no other origin.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { basemapOrigins } from '../../scripts/headers.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { BASEMAP_META_NAME } from '../../src/map/basemap-setting';
import { BASEMAP_COLOURS, channels } from '../../src/map/palette';
import { PUBLISHED_ATTRIBUTES } from '../../src/map/published-state';
import { MAP, mapCanvas, openAtlas, sameColour, waitForMapIdle } from './support/atlas-driver';
import { type BasemapServer, startBasemapServer } from './support/basemap-fixture';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

/** Yuzhong's peninsula at city zoom, between the Yangtze and the Jialing. */
const CITY_VIEW = '#map=12/29.56/106.56';
const ATTRIBUTION = 'Basemap: Natural Earth rivers (test fixture)';

let fixture: BasemapServer;
const copies: string[] = [];
const servers: Server[] = [];

/** A copy of dist/ whose index.html names `basemapUrl`, served with the CSP for `cspBasemap`. */
async function serveWithBasemap(basemapUrl: string, cspBasemap: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-basemap-'));
  copies.push(dir);
  await cp('dist', dir, { recursive: true, filter: (source) => !source.endsWith('.map') });
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const content = JSON.stringify({ url: basemapUrl, attribution: ATTRIBUTION }).replaceAll('"', '&quot;');
  const meta = `<meta name="${BASEMAP_META_NAME}" content="${content}">`;
  const existing = new RegExp(`<meta name="${BASEMAP_META_NAME}"[^>]*>`);
  const withMeta = existing.test(html) ? html.replace(existing, meta) : html.replace('</head>', `${meta}</head>`);
  expect(withMeta).toContain(meta);
  // A policy the build wrote into the page for hosts without headers is widened as the server's is.
  const rewritten = withMeta.replace(
    /(<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self')/i,
    (policy) => [policy, ...basemapOrigins(cspBasemap)].join(' '),
  );
  await writeFile(join(dir, 'index.html'), rewritten);
  // The precompressed copies would be served instead of the rewritten page.
  await Promise.all(['.br', '.gz'].map((suffix) => rm(join(dir, `index.html${suffix}`), { force: true })));
  const { server, url } = (await startServer({ port: 0, dir, quiet: true, basemap: cspBasemap })) as {
    server: Server;
    url: string;
  };
  servers.push(server);
  return url;
}

beforeAll(async () => {
  fixture = await startBasemapServer();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  await fixture?.close();
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A page that records the CSP violations its document raises. */
async function watchedPage() {
  const { page, log } = await newLoggedPage(browser());
  await page.context().addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  const cspConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspConsole.push(message.text());
  });
  return { page, log, cspConsole };
}

const basemapStatus = (page: Page) => page.locator(MAP).getAttribute(PUBLISHED_ATTRIBUTES.basemap);

async function openWithBasemap(page: Page, url: string): Promise<void> {
  await page.goto(`${url}${CITY_VIEW}`);
  await expect.poll(() => basemapStatus(page), { timeout: 60_000 }).toMatch(/^(added|failed)$/);
  await waitForMapIdle(page);
}

/** How many of the canvas's pixels are drawn in the basemap's water colour. */
async function waterPixels(page: Page): Promise<number> {
  const { data } = PNG.sync.read(await mapCanvas(page).screenshot());
  const water = channels(BASEMAP_COLOURS.water);
  let count = 0;
  for (let index = 0; index < data.length; index += 4) {
    if (sameColour([data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0], water, 24)) count++;
  }
  return count;
}

const fixtureRequests = (pattern: RegExp) => fixture.requests.filter((path) => pattern.test(path));

describe('the basemap', () => {
  it('from a style.json: loads its tiles, shows at city zoom, credits it, raises no CSP violation', async () => {
    const url = await serveWithBasemap(`${fixture.origin}/style.json`, `${fixture.origin}/style.json`);
    const { page, log, cspConsole } = await watchedPage();
    await openWithBasemap(page, url);
    expect(await basemapStatus(page)).toBe('added');
    expect(fixtureRequests(/^\/style\.json$/).length).toBeGreaterThan(0);
    expect(fixtureRequests(/^\/tiles\/12\/\d+\/\d+\.pbf$/).length, fixture.requests.join(' ')).toBeGreaterThan(0);
    // The style's place labels are not drawn: no glyphs asked for.
    expect(fixtureRequests(/^\/fonts\//)).toEqual([]);
    await expect.poll(() => page.getByTestId('basemap-attribution').textContent()).toBe(ATTRIBUTION);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(log.pageErrors).toEqual([]);

    const withBasemap = await waterPixels(page);
    const { page: plain } = await newLoggedPage(browser());
    await openAtlas(plain, `${atlasUrl}${CITY_VIEW}`);
    expect(await basemapStatus(plain)).toBe('none');
    const without = await waterPixels(plain);
    // Natural Earth's rivers are not drawn past zoom 9: at city zoom the water is the basemap's.
    expect(withBasemap, `water pixels: ${withBasemap} with the basemap, ${without} without`).toBeGreaterThan(
      without + 500,
    );
  });

  it('from a PMTiles archive: reads byte ranges of it and shows it', async () => {
    const archive = `${fixture.origin}/rivers.pmtiles`;
    const url = await serveWithBasemap(archive, archive);
    const before = fixtureRequests(/^\/rivers\.pmtiles$/).length;
    const { page, log, cspConsole } = await watchedPage();
    await openWithBasemap(page, url);
    expect(await basemapStatus(page)).toBe('added');
    expect(fixtureRequests(/^\/rivers\.pmtiles$/).length).toBeGreaterThan(before);
    expect(log.pageErrors).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(await waterPixels(page)).toBeGreaterThan(500);
  });

  it('is blocked by a policy that was not widened for it, and the atlas is drawn without it', async () => {
    const url = await serveWithBasemap(`${fixture.origin}/style.json`, undefined);
    const { page } = await watchedPage();
    await openWithBasemap(page, url);
    expect(await basemapStatus(page)).toBe('failed');
    // Once for each policy the page has: the header, and the meta element a build may write.
    const violations = (await page.evaluate(() => window.__cspViolations)) ?? [];
    expect(violations.length).toBeGreaterThan(0);
    expect(new Set(violations)).toEqual(new Set([`connect-src blocked ${fixture.origin}/style.json`]));
  });

  it('is absent from the default build, which asks no other origin', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}${CITY_VIEW}`);
    expect(await basemapStatus(page)).toBe('none');
    expect(await page.locator('[data-testid="basemap-attribution"]').count()).toBe(0);
    const origin = new URL(atlasUrl).origin;
    expect(log.requests.length).toBeGreaterThan(5);
    expect(log.requests.filter((request) => !request.startsWith(origin) && !/^(data|blob):/.test(request))).toEqual([]);
    // Not even its code: the basemap's chunk is loaded only when a basemap is named.
    expect(log.requests.filter((request) => /basemap|pmtiles/.test(new URL(request).pathname))).toEqual([]);
  });
});
