/**
 * The build deploys anywhere: every other suite runs it under a path (atlasUrl); here it loads at
 * a domain's root too, the path is the only part of the server it can reach, and nginx configured
 * from nothing but the generated `server` block serves it with its policy unbroken.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/headers.mjs';
import { waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';
import { type NginxSite, startNginx } from './support/nginx';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const atlasUrl = inject('atlasUrl');
const rootAtlasUrl = inject('rootAtlasUrl');
const hostUrl = inject('hostUrl');
const browser = useBrowser();

/** A page whose every frame records the Content-Security-Policy violations it raises. */
async function newWatchedPage() {
  const { page, log } = await newLoggedPage(browser());
  await page.context().addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
    });
  });
  return { page, log };
}

/** The violations raised in the frames loaded from `site`; fails when no such frame listens. */
async function violations(page: Page, site: string): Promise<string[]> {
  const frames = page.frames().filter((frame) => frame.url().startsWith(site));
  expect(frames.length).toBeGreaterThan(0);
  const lists = await Promise.all(
    frames.map((frame) => frame.evaluate(() => window.__cspViolations ?? ['no violation listener in this frame'])),
  );
  return lists.flat();
}

/** The map loads from `site` with everything it asks for found there, and no error or violation. */
async function expectMapLoads(site: string) {
  const { page, log } = await newWatchedPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(site);
  await waitForMapIdle(page);
  const ownRequests = log.requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(ownRequests.length).toBeGreaterThan(5);
  expect(ownRequests.filter((url) => !url.startsWith(site))).toEqual([]);
  expect(failed).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(await violations(page, site)).toEqual([]);
  await page.context().close();
}

/** The host page on another origin embeds the map from `site` with the host script. */
async function expectEmbedWorks(site: string) {
  const { page, log } = await newWatchedPage();
  const url = new URL('host.html', hostUrl);
  url.searchParams.set('atlas', site);
  url.searchParams.set('format', 'module');
  url.searchParams.set('options', JSON.stringify({ sel: '500101' }));
  await page.goto(url.href);
  // host.js's log of the embed's events (its type is declared with the embed tests).
  await page.waitForFunction(() => (window.hostLog?.ready.length ?? 0) > 0, null, { timeout: 60_000 });
  const iframe = page.locator('#atlas iframe');
  expect((await iframe.getAttribute('src'))?.startsWith(`${site}embed.html?`)).toBe(true);
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no embedded frame');
  await waitForMapIdle(frame);
  expect(log.pageErrors).toEqual([]);
  expect(await violations(page, site)).toEqual([]);
  await page.context().close();
}

describe('at the root of a domain', () => {
  it('loads the map, and the embed works from another origin', async () => {
    expect(new URL(rootAtlasUrl).pathname).toBe('/');
    await expectMapLoads(rootAtlasUrl);
    await expectEmbedWorks(rootAtlasUrl);
  });
});

describe('under a path', () => {
  it('is where the suites find it, and the server answers nothing outside it', async () => {
    expect(new URL(atlasUrl).pathname).toBe('/graphics/cq-atlas/');
    expect((await fetch(new URL('/index.html', atlasUrl))).status).toBe(404);
    expect((await fetch(new URL('/assets/', atlasUrl))).status).toBe(404);
    const bare = await fetch(`${atlasUrl.slice(0, -1)}?lang=en`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/graphics/cq-atlas/?lang=en');
    const page = await fetch(atlasUrl);
    expect(page.status).toBe(200);
    // Every address in the page is relative: nothing starts at the root.
    expect(await page.text()).not.toMatch(/(?:src|href)="\//);
  });
});

describe('nginx, configured only from the generated server block', () => {
  let nginx: NginxSite | undefined;
  beforeAll(async () => {
    nginx = await startNginx();
  });
  afterAll(async () => {
    await nginx?.stop();
  });
  const site = () => {
    if (!nginx) throw new Error('nginx is not running');
    return nginx.url;
  };

  it('sends the policy, cache rules, CORS and compressed copies', async () => {
    const page = await fetch(site(), { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    // The app's main chunk, large enough to have a compressed copy.
    const script = /href="\.\/(assets\/atlas-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script ?? '', site()), { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    // fetch decodes the body; the header shows that nginx sent the build's .gz copy.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('vary')).toBe('Accept-Encoding');
    const host = await fetch(new URL('atlas-embed.js', site()));
    expect(host.headers.get('access-control-allow-origin')).toBe('*');
    const types = await fetch(new URL('atlas-embed.d.ts', site()));
    expect(types.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const missing = await fetch(new URL('nothing-here', site()));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('serves a map that loads and embeds with no Content-Security-Policy violation', async () => {
    await expectMapLoads(site());
    await expectEmbedWorks(site());
  });
});
