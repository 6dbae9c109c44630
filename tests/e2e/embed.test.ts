/**
 * End to end: a host page on a second origin (tests/e2e/fixtures/host.html, served at
 * hostUrl) loads the host script from the atlas (atlasUrl) and embeds the map; a third origin
 * (the fixture server under another name) forges protocol messages; the Embed dialog's snippets
 * are pasted into a host page. The atlas's pages must raise no Content-Security-Policy violation.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import type { AtlasState, EmbedController, EmbedOptions } from '../../src/embed/atlas-embed';
import { COLOURS, channels } from '../../src/map/palette';
import { mapCanvas, mapLayers, mapSelection, mapView, sameColour, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

declare global {
  interface Window {
    /** Set by host.js, the host page's script. */
    hostLog?: { ready: AtlasState[]; select: (string | null)[]; thirdOriginDone: number };
    /** What third.js was sent. */
    received?: unknown[];
    controller?: EmbedController;
    /** Filled by an init script in every frame. */
    __cspViolations?: string[];
  }
}

type Frame = ReturnType<Page['mainFrame']>;

const atlasUrl = inject('atlasUrl');
const hostUrl = inject('hostUrl');
/** The fixture server under its other name: neither the host's origin nor the atlas's. */
const thirdUrl = hostUrl.replace('localhost', '127.0.0.1');

/** The policy scripts/serve.mjs sends, spelled out so that loosening it is a visible change. */
const POLICY =
  "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; img-src 'self' blob:; " +
  "style-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

const browser = useBrowser();

/** A page whose every frame records the CSP violations it raises, and console lines about CSP. */
async function newWatchedPage(viewport = { width: 1280, height: 800 }) {
  const { page, log } = await newLoggedPage(browser(), { viewport });
  await page.context().addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
    });
  });
  const cspConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspConsole.push(message.text());
  });
  return { page, log, cspConsole };
}

/** Violations raised in the atlas's frames (full map, embed, preview); fails if there are none to ask. */
async function atlasViolations(page: Page): Promise<string[]> {
  const frames = page.frames().filter((frame) => frame.url().startsWith(atlasUrl));
  expect(frames.length).toBeGreaterThan(0);
  const lists = await Promise.all(
    frames.map((frame) => frame.evaluate(() => window.__cspViolations ?? ['no violation listener in this frame'])),
  );
  return lists.flat();
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  return frame;
}

/** What a frame's atlas shows: selection, popup heading, language, layers, view. */
async function atlasShows(frame: Frame | Page) {
  const view = await mapView(frame);
  return {
    selection: await mapSelection(frame),
    popup: await frame.evaluate(
      () => document.querySelector('.maplibregl-popup .popup-header h2')?.textContent ?? null,
    ),
    lang: await frame.evaluate(() => document.documentElement.lang),
    layers: await mapLayers(frame),
    view: { zoom: Number(view.zoom.toFixed(2)), lat: Number(view.lat.toFixed(4)), lon: Number(view.lon.toFixed(4)) },
  };
}

const selected = async (frame: Frame, id: string) => (await mapSelection(frame)) === id;
const popupHeading = (frame: Frame) =>
  frame.evaluate(() => document.querySelector('.maplibregl-popup .popup-header h2')?.textContent ?? null);
const hostLog = (page: Page) => page.evaluate(() => window.hostLog);
const iframeHeight = (page: Page) => page.evaluate(() => document.querySelector('#atlas iframe')?.clientHeight);
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

/** Opens host.html on the host origin and waits for the embedded map's `ready` and first idle. */
async function openHost(
  page: Page,
  { format = 'module', options = {}, width }: { format?: 'module' | 'classic'; options?: EmbedOptions; width?: number },
): Promise<Frame> {
  const url = new URL('host.html', hostUrl);
  url.searchParams.set('atlas', atlasUrl);
  url.searchParams.set('format', format);
  url.searchParams.set('options', JSON.stringify(options));
  if (width) url.searchParams.set('width', String(width));
  await page.goto(url.href);
  await page.waitForFunction(() => (window.hostLog?.ready.length ?? 0) > 0, null, { timeout: 60_000 });
  const frame = await frameOf(page, '#atlas iframe');
  await waitForMapIdle(frame);
  return frame;
}

/** Pastes markup into paste.html on the host origin; its scripts run, as when typed into the page. */
async function paste(page: Page, markup: string): Promise<void> {
  await page.goto(new URL('paste.html', hostUrl).href);
  await page.evaluate((html) => {
    const slot = document.getElementById('slot');
    slot?.append(document.createRange().createContextualFragment(html));
  }, markup);
}

describe('the host script on another origin', () => {
  it('creates a titled, lazy, full-width iframe next to the script and reports ready with the state asked for', async () => {
    const { page, log, cspConsole } = await newWatchedPage();
    await openHost(page, { options: { sel: '500101', layers: ['districts', 'population'], lang: 'en', title: 'Map' } });
    const log_ = await hostLog(page);
    expect(log_?.ready).toEqual([
      {
        sel: '500101',
        layers: ['districts', 'population'],
        population: 'hukou-other-county-share',
        lang: 'en',
        view: null,
      },
    ]);
    const iframe = await page.evaluate(() => {
      const element = document.querySelector('#atlas iframe') as HTMLIFrameElement;
      return {
        src: element.src,
        title: element.getAttribute('title'),
        loading: element.getAttribute('loading'),
        allowfullscreen: element.hasAttribute('allowfullscreen'),
        width: element.getBoundingClientRect().width,
        containerWidth: element.parentElement?.getBoundingClientRect().width,
      };
    });
    expect(iframe.src.startsWith(`${atlasUrl}embed.html?`)).toBe(true);
    expect(iframe).toMatchObject({ title: 'Map', loading: 'lazy', allowfullscreen: true });
    expect(iframe.width).toBe(iframe.containerWidth);
    expect(log.pageErrors).toEqual([]);
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('keeps the iframe as tall as its content, from the initial height and as the width changes', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, { options: { height: 300 } });
    await expect.poll(() => iframeHeight(page)).not.toBe(300);
    const wide = await contentHeight(frame);
    await expect.poll(() => iframeHeight(page)).toBe(wide);
    // The embed map's height depends on its width (75vw, 340–560 px): narrower is shorter.
    await page.setViewportSize({ width: 600, height: 800 });
    await expect.poll(() => contentHeight(frame)).toBeLessThan(wide);
    const narrow = await contentHeight(frame);
    await expect.poll(() => iframeHeight(page)).toBe(narrow);
    // Nothing to scroll inside the frame.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('set({sel: "500101"}) selects Wanzhou and opens its popup', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, {});
    expect(await selected(frame, '500101')).not.toBe(true);
    await page.evaluate(() => window.controller?.set({ sel: '500101' }));
    await expect.poll(() => popupHeading(frame)).toBe('万州区');
    await expect.poll(() => selected(frame, '500101')).toBe(true);
    // The map reports the change back like any other selection.
    await expect.poll(async () => (await hostLog(page))?.select).toEqual(['500101']);
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('fires select on the host when a district is clicked inside the iframe', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, { options: { view: { zoom: 12, lat: 29.556, lon: 106.57 } } });
    await mapCanvas(frame).click();
    await expect.poll(async () => (await hostLog(page))?.select).toEqual(['500103']);
    await expect.poll(() => popupHeading(frame)).toBe('渝中区');
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('ignores messages from a third origin, both ways, and from the iframe once it has left the atlas', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, { options: { sel: '500101' } });
    await expect.poll(() => iframeHeight(page)).toBe(await contentHeight(frame));
    const before = { height: await iframeHeight(page), shows: await atlasShows(frame) };
    expect(before.shows).toMatchObject({ selection: '500101', lang: 'zh-Hans' });
    const thirdPage = new URL('third.html', thirdUrl).href;

    // A frame from a third origin next to the atlas forges commands to it and events to the host.
    await page.evaluate((src) => {
      const third = document.createElement('iframe');
      third.src = src;
      third.title = 'Another site';
      document.body.append(third);
    }, thirdPage);
    await page.waitForFunction(() => window.hostLog?.thirdOriginDone === 1);
    // The host has handled the forged events by now: they came before `done`, from the same sender.
    expect(await hostLog(page)).toMatchObject({ select: [], ready: [expect.anything()] });
    expect(await iframeHeight(page)).toBe(before.height);

    // The same command from the host page itself does count, and it alone: the forged one, sent
    // before it, asked for English and the ecology layer too.
    await page.evaluate(() => window.controller?.set({ sel: '500102' }));
    await expect.poll(() => selected(frame, '500102')).toBe(true);
    expect(await atlasShows(frame)).toMatchObject({ lang: before.shows.lang, layers: before.shows.layers });
    await expect.poll(async () => (await hostLog(page))?.select).toEqual(['500102']);
    expect(await atlasViolations(page)).toEqual([]);

    // Navigated away from the atlas, the iframe's window is the same, its origin is not: the new
    // page can neither speak for the map nor hear the host's commands.
    const height = await iframeHeight(page);
    await page.evaluate((src) => {
      if (window.controller) window.controller.iframe.src = src;
    }, thirdPage);
    await page.waitForFunction(() => window.hostLog?.thirdOriginDone === 2);
    expect(await hostLog(page)).toMatchObject({ select: ['500102'], ready: [expect.anything()] });
    expect(await iframeHeight(page)).toBe(height);
    // A marker posted to any origin after the command arrives after it, had it been delivered.
    await page.evaluate(() => {
      window.controller?.set({ sel: '500101' });
      window.controller?.iframe.contentWindow?.postMessage('marker', '*');
    });
    await expect.poll(() => frame.evaluate(() => window.received)).toEqual(['marker']);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('works as a classic script too (window.CqAtlas.embed)', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, { format: 'classic', options: { sel: '500101' } });
    expect(await page.evaluate(() => typeof window.CqAtlas?.embed)).toBe('function');
    expect(await page.evaluate(() => document.querySelector('#atlas iframe')?.getAttribute('src'))).toBe(
      `${atlasUrl}embed.html?sel=500101`,
    );
    expect(await popupHeading(frame)).toBe('万州区');
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('works at 300 px wide: the map is drawn and the popup fits', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const frame = await openHost(page, { width: 300 });
    expect(await frame.evaluate(() => window.innerWidth)).toBe(300);
    // Drawn: most of the map shows districts over the land colour (the municipality fills the view).
    const shot = PNG.sync.read(await mapCanvas(frame).screenshot());
    const land = channels(COLOURS.background);
    let drawn = 0;
    for (let index = 0; index < shot.data.length; index += 4) {
      if (!sameColour([...shot.data.subarray(index, index + 3)], land, 8)) drawn += 1;
    }
    expect(drawn / (shot.width * shot.height)).toBeGreaterThan(0.3);
    await page.evaluate(() => window.controller?.set({ sel: '500101' }));
    await expect.poll(() => popupHeading(frame)).toBe('万州区');
    await waitForMapIdle(frame);
    const fit = await frame.evaluate(() => {
      const popup = document.querySelector('.maplibregl-popup')?.getBoundingClientRect();
      const map = document.querySelector('.maplibregl-map')?.getBoundingClientRect();
      return popup && map ? { popup: popup.toJSON(), map: map.toJSON() } : null;
    });
    expect(fit).not.toBeNull();
    if (!fit) return;
    // The map clips what sticks out of it.
    expect(fit.popup.left, 'popup left edge inside the map').toBeGreaterThanOrEqual(fit.map.left);
    expect(fit.popup.right, 'popup right edge inside the map').toBeLessThanOrEqual(fit.map.right);
    expect(fit.popup.top, 'popup top inside the map').toBeGreaterThanOrEqual(fit.map.top);
    expect(fit.popup.bottom, 'popup bottom inside the map').toBeLessThanOrEqual(fit.map.bottom);
    await expect.poll(() => iframeHeight(page)).toBe(await contentHeight(frame));
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });
});

describe('the Embed dialog’s snippets, pasted into a page on another origin', () => {
  // A view at which Wanzhou fits both the full map and the embed: where it does not, a map lowers the zoom to show it.
  const state = '?lang=en&layers=districts,population&sel=500101#map=8/30.8/108.4';

  /** Opens the full map in that state, reads what it shows and the two snippets. */
  async function fromDialog(page: Page) {
    await page.goto(`${atlasUrl}${state}`);
    await waitForMapIdle(page);
    const shows = await atlasShows(page);
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const iframe = await page.locator('textarea[data-snippet=iframe]').inputValue();
    const script = await page.locator('textarea[data-snippet=script]').inputValue();
    return { shows, iframe, script };
  }

  it('the plain iframe renders the same state (selection, layers, language, view)', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const { shows, iframe } = await fromDialog(page);
    expect(shows).toMatchObject({ selection: '500101', popup: 'Wanzhou District', lang: 'en' });
    expect(iframe).toMatch(/^<iframe src="[^"]+" title="[^"]+" .*loading="lazy" allowfullscreen><\/iframe>$/);
    expect(await atlasViolations(page)).toEqual([]);

    await paste(page, iframe);
    const frame = await frameOf(page, '#slot iframe');
    await waitForMapIdle(frame);
    expect(new URL(frame.url()).origin).toBe(new URL(atlasUrl).origin);
    expect(await atlasShows(frame)).toEqual(shows);
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });

  it('the script snippet renders the same state, with automatic height', async () => {
    const { page, cspConsole } = await newWatchedPage();
    const { shows, script } = await fromDialog(page);
    expect(script).toContain(`from "${atlasUrl}atlas-embed.js"`);
    await paste(page, script);
    // Each snippet has its own element id (cq-atlas-…), so that two maps fit in one article.
    const frame = await frameOf(page, '#slot [id^="cq-atlas-"] iframe');
    await waitForMapIdle(frame);
    expect(await atlasShows(frame)).toEqual(shows);
    const height = () => page.evaluate(() => document.querySelector('#slot iframe')?.clientHeight);
    await expect.poll(height).toBe(await contentHeight(frame));
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    await page.context().close();
  });
});

describe('Content-Security-Policy', () => {
  it('is served with every page; the host script is served for other sites, with its types', async () => {
    for (const path of ['', 'embed.html']) {
      const response = await fetch(new URL(path, atlasUrl));
      expect(response.headers.get('content-security-policy')).toBe(POLICY);
    }
    const script = await fetch(new URL('atlas-embed.js', atlasUrl));
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const classic = await fetch(new URL('atlas-embed.iife.js', atlasUrl));
    expect(classic.status).toBe(200);
    const types = await fetch(new URL('atlas-embed.d.ts', atlasUrl));
    expect(await types.text()).toBe(
      await readFile(resolve(import.meta.dirname, '../../src/embed/atlas-embed.d.ts'), 'utf8'),
    );
  });

  it('the full map, its popup, dialogs and reader, and the Embed preview raise no violation', async () => {
    const { page, log, cspConsole } = await newWatchedPage();
    await page.goto(`${atlasUrl}#map=12/29.556/106.57`);
    await waitForMapIdle(page);
    const canvas = mapCanvas(page);
    await canvas.hover();
    await page.mouse.wheel(0, -200);
    await canvas.click();
    await expect.poll(() => page.locator('.maplibregl-popup').count()).toBe(1);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('tab', { name: /Articles/ }).click();
    await page.getByRole('button', { name: 'About', exact: true }).click();
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const preview = await frameOf(page, 'iframe.embed-preview');
    await waitForMapIdle(preview);
    expect(page.frames().filter((frame) => frame.url().startsWith(atlasUrl))).toHaveLength(2);
    expect(await atlasViolations(page)).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('blocks what it should: data: images, style attributes, blob: workers, foreign fetches', async () => {
    const { page } = await newWatchedPage();
    await page.goto(atlasUrl);
    await waitForMapIdle(page);
    await page.evaluate(async () => {
      const image = new Image();
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.body.setAttribute('style', 'outline: 1px solid red');
      try {
        new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })));
      } catch {
        // Blocked synchronously in some versions; reported either way.
      }
      await fetch('http://localhost:9/').catch(() => undefined);
    });
    // Violations are reported asynchronously.
    const directives = async () => (await atlasViolations(page)).map((violation) => violation.split(' ')[0]);
    await expect
      .poll(async () => new Set(await directives()))
      .toEqual(new Set(['img-src', 'style-src-attr', 'worker-src', 'connect-src']));
    await page.context().close();
  });
});
