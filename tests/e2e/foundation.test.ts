/**
 * End to end: the production build in headless Chromium draws the districts with
 * no console errors and no request to any other host; the URL hash restores the view;
 * clicking Yuzhong opens its popup; the overview borders give way to the detailed ones when
 * zoomed in; no WebGL2 and a corrupt data file both get a readable page instead of a blank one.
 */
import { describe, expect, inject, it } from 'vitest';
import { COLOURS, channels } from '../../src/map/palette';
import { PUBLISHED_ATTRIBUTES } from '../../src/map/published-state';
import {
  clickAt,
  clickMapCentre,
  currentHash,
  jumpTo,
  MAP,
  mapCentre,
  mapSelection,
  mapView,
  openAtlas,
  pagePointOf,
  popup,
  popupTitle,
  published,
  sameColour,
  shownColour,
  waitForMapIdle,
} from './support/atlas-driver';
import { launchChromium, newLoggedPage, type Page, type PageLog, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const OVERVIEW_FILE = /\/assets\/atlas-overview\.topo-[^/]+\.json$/;
const DETAIL_FILE = /\/assets\/atlas\.topo-[^/]+\.json$/;
/** Wanzhou's label point (places.json), well inside the district. */
const WANZHOU_LABEL: [number, number] = [108.40163, 30.7314];

/** How many of the requests a page made were for a path matching `file`. */
const requestsFor = (log: PageLog, file: RegExp) =>
  log.requests.filter((url) => file.test(new URL(url).pathname)).length;

/** Which borders the map draws, as it publishes it. */
const detailLevel = (page: Page) => published(page, 'detail');
const hovered = (page: Page) => published(page, 'hover');

describe('the map', () => {
  it('reaches idle with the districts drawn, no console errors and no request to another host', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    // Inside a district, away from rivers and names: the south of Youyang, drawn over the land
    // colour (tinted by the default layers; the render tests compare the whole canvas).
    const shown = await shownColour(page, await pagePointOf(page, [108.95, 28.6]));
    expect(sameColour(shown, channels(COLOURS.background), 8), `a district drawn: ${shown}`).toBe(false);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    const origin = new URL(atlasUrl).origin;
    const foreign = log.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(log.requests.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('opens #map=12/29.556/106.57 there, and clicking the centre opens a popup naming 渝中区', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}#map=12/29.556/106.57`);
    const view = await mapView(page);
    expect(view.zoom).toBeCloseTo(12, 2);
    expect(view.lat).toBeCloseTo(29.556, 3);
    expect(view.lon).toBeCloseTo(106.57, 3);
    // Zoomed in from the start: the detailed borders are drawn from the first frame.
    expect(await detailLevel(page)).toBe('detail');
    await clickMapCentre(page);
    await expect.poll(() => popup(page).count()).toBe(1);
    await expect.poll(() => popupTitle(page).innerText()).toBe('渝中区');
    expect(await popup(page).innerText()).toContain('Yuzhong District');
    await expect.poll(() => mapSelection(page)).toBe('500103');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('500103');
    // Escape closes the popup and clears the selection; focus goes back to the map, clicked last.
    await page.keyboard.press('Escape');
    await expect.poll(() => popup(page).count()).toBe(0);
    await expect.poll(() => mapSelection(page)).toBe('');
    await expect
      .poll(() => page.evaluate((map) => document.activeElement === document.querySelector(`${map} canvas`), MAP))
      .toBe(true);
    await page.context().close();
  });

  it('keeps #map= in step with the view', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}#map=8/30/107.5`);
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 200, y + 100, { steps: 8 });
    await page.mouse.up();
    await waitForMapIdle(page);
    await expect.poll(() => currentHash(page)).not.toBe('#map=8/30/107.5');
    const hash = await currentHash(page);
    expect(hash).toMatch(/^#map=8\/[\d.]+\/[\d.]+$/);
    const [, , lat, lon] = hash.split(/[=/]/).map(Number);
    expect(lat).toBeGreaterThan(30);
    expect(lon).toBeGreaterThan(107.5);
    await page.context().close();
  });

  it('draws the overview borders first and the detailed ones once zoomed in, keeping the selection', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const fetched = (file: RegExp) => requestsFor(log, file);
    expect(await detailLevel(page)).toBe('overview');
    expect(fetched(OVERVIEW_FILE)).toBe(1);
    expect(fetched(DETAIL_FILE)).toBe(0);

    await clickAt(page, WANZHOU_LABEL);
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    await jumpTo(page, { zoom: 9, lon: WANZHOU_LABEL[0], lat: WANZHOU_LABEL[1] });
    await expect.poll(() => detailLevel(page)).toBe('detail');
    await waitForMapIdle(page);
    expect(fetched(DETAIL_FILE)).toBe(1);
    expect(await mapSelection(page)).toBe('500101');
    expect(await popupTitle(page).innerText()).toBe('万州区');
    // The detailed borders still find the district under the pointer (the popup out of its way).
    await page.keyboard.press('Escape');
    await expect.poll(() => popup(page).count()).toBe(0);
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x, y);
    await expect.poll(() => hovered(page)).toBe('500101');
    await page.context().close();
  });

  it("paints a clicked place's popup first, and the map's outline of it in a later frame", async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    // In the page: the selection the map publishes when the popup enters the DOM, in the frame
    // that first shows it (animation-frame callbacks run just before the paint), and when it
    // changes. The outline costs a map redraw; drawn in the popup's frame, it held the popup back.
    await page.evaluate(
      ([map, attribute]) => {
        const container = document.querySelector(map);
        if (!container) throw new Error('no map');
        const order: string[] = [];
        (window as unknown as { order: string[] }).order = order;
        const selection = () => container.getAttribute(attribute);
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.maplibregl-popup .popup')) return;
          observer.disconnect();
          order.push(`popup in the DOM, map selection: "${selection()}"`);
          requestAnimationFrame(() => order.push(`popup's frame, map selection: "${selection()}"`));
        }).observe(document.body, { childList: true, subtree: true });
        new MutationObserver((_, observer) => {
          if (!selection()) return;
          observer.disconnect();
          order.push(`map selection: "${selection()}"`);
        }).observe(container, { attributeFilter: [attribute] });
      },
      [MAP, PUBLISHED_ATTRIBUTES.selection] as const,
    );
    await clickAt(page, WANZHOU_LABEL);
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { order: string[] }).order))
      .toEqual(['popup in the DOM, map selection: ""', `popup's frame, map selection: ""`, 'map selection: "500101"']);
    await page.context().close();
  });

  it('builds its number formatters while idle, so the first popup builds none', async () => {
    const { page } = await newLoggedPage(browser());
    await page.addInitScript(() => {
      const Original = Intl.NumberFormat;
      const counter = { made: 0 };
      (window as unknown as { numberFormats: typeof counter }).numberFormats = counter;
      Intl.NumberFormat = class extends Original {
        constructor(...args: ConstructorParameters<typeof Original>) {
          super(...args);
          counter.made += 1;
        }
      } as typeof Intl.NumberFormat;
    });
    await openAtlas(page, atlasUrl);
    const made = () =>
      page.evaluate(() => (window as unknown as { numberFormats: { made: number } }).numberFormats.made);
    await expect.poll(made).toBeGreaterThan(0);
    const prepared = await made();
    await clickAt(page, WANZHOU_LABEL);
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    expect(await popup(page).innerText()).toMatch(/平方公里/);
    expect(await made()).toBe(prepared);
    await page.context().close();
  });

  it('lays out one hidden popup while idle, with its content, and leaves nothing of it behind', async () => {
    type Layout = { heading: string; quotes: number; visibility: string; popupsOpen: number };
    const { page } = await newLoggedPage(browser());
    // Records each layout forced on the hidden popup (MapLibre reads its size to place it): what
    // it held and whether it could be seen.
    await page.addInitScript(() => {
      const layouts: Layout[] = [];
      (window as unknown as { warmups: Layout[] }).warmups = layouts;
      const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth');
      Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
        configurable: true,
        get(this: HTMLElement) {
          if (this.classList.contains('popup-warmup')) {
            layouts.push({
              heading: this.querySelector('.popup h2, .popup h3')?.textContent ?? '',
              quotes: this.querySelectorAll('blockquote').length,
              visibility: getComputedStyle(this).visibility,
              popupsOpen: document.querySelectorAll('.maplibregl-popup:not(.popup-warmup)').length,
            });
          }
          return original?.get?.call(this);
        },
      });
    });
    await openAtlas(page, atlasUrl);
    const warmups = () => page.evaluate(() => (window as unknown as { warmups: Layout[] }).warmups);
    await expect.poll(async () => (await warmups()).length).toBe(1);
    const [layout] = await warmups();
    // Qianjiang: the smallest popup with a passage, a figure and a flow.
    expect(layout?.heading).toBe('黔江区');
    expect(layout?.quotes).toBeGreaterThan(0);
    expect(layout?.visibility).toBe('hidden');
    expect(layout?.popupsOpen).toBe(0);
    expect(await page.locator('.popup-warmup').count()).toBe(0);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    await clickAt(page, WANZHOU_LABEL);
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    await page.context().close();
  });

  it('a tap opens the place’s card without leaving a hover outline behind', async () => {
    const { page } = await newLoggedPage(browser(), {
      isMobile: true,
      hasTouch: true,
      viewport: { width: 390, height: 844 },
    });
    await openAtlas(page, atlasUrl);
    const point = await pagePointOf(page, WANZHOU_LABEL);
    await page.touchscreen.tap(point.x, point.y);
    // On a phone the details open as a card in the bottom sheet.
    await expect.poll(() => page.locator('.panel-details .popup-header h2').innerText()).toBe('万州区');
    await expect.poll(() => mapSelection(page)).toBe('500101');
    expect(await hovered(page)).toBe('');
    // A mouse on the same page still gets its outline.
    await page.mouse.move(point.x, point.y + 2);
    await expect.poll(() => hovered(page)).toBe('500101');
    await page.context().close();
  });

  it('takes its favicon from the cache when a selection changes the URL', async () => {
    // Chromium fetches the favicon again for every new URL, pushState included: with a hashed,
    // immutable file that is a cache hit instead of a request to the server per selection.
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const ids = ['500101', '500103', '500154'];
    for (const id of ids) {
      await page.locator(`#place-browser button[data-place="${id}"]`).first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe(id);
    }
    const faviconFetches = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => /favicon/.test(entry.name))
          .map((entry) => ({
            path: new URL(entry.name).pathname,
            transferSize: (entry as PerformanceResourceTiming).transferSize,
          })),
      );
    // The first load's, then one per new URL.
    await expect.poll(async () => (await faviconFetches()).length).toBeGreaterThan(ids.length);
    const fetches = await faviconFetches();
    const assets = new URL('assets/', atlasUrl).pathname;
    for (const fetch of fetches) expect(fetch.path).toMatch(/\/assets\/favicon-[\w-]+\.svg$/);
    for (const fetch of fetches) expect(fetch.path.startsWith(assets)).toBe(true);
    expect(fetches.slice(1).map((fetch) => fetch.transferSize)).toEqual(fetches.slice(1).map(() => 0));
    await page.context().close();
  });

  it('outlines the district under the pointer', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}#map=12/29.556/106.57`);
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x, y);
    await expect.poll(() => hovered(page)).toBe('500103');
    await page.context().close();
  });
});

describe('before the scripts run', () => {
  // What a reader on a slow connection gets first: the HTML alone shows a status, and it asks
  // for the first view's data itself, so the data does not wait for the scripts.
  const FIRST_VIEW_FILES = [OVERVIEW_FILE, /\/assets\/places-[^/]+\.json$/, /\/assets\/content-[^/]+\.json$/];

  for (const path of ['', 'embed.html']) {
    it(`/${path} shows a loading status and requests the first view's data from its HTML, each file once`, async () => {
      const { page, log } = await newLoggedPage(browser());
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      let releaseScript = () => {};
      const scriptHeld = new Promise<void>((resolve) => {
        releaseScript = resolve;
      });
      await page.route(/\/assets\/(main|embed)-[\w-]+\.js$/, async (route) => {
        await scriptHeld;
        await route.continue();
      });
      const fetched = (file: RegExp) => requestsFor(log, file);

      await page.goto(new URL(path, atlasUrl).href, { waitUntil: 'commit' });
      const status = page.locator('#app .loading[role="status"]');
      await expect.poll(() => status.innerText()).toBe('正在载入地图数据… Loading map data…');
      expect(await status.locator('[lang="en"]').innerText()).toBe('Loading map data…');
      await expect.poll(() => FIRST_VIEW_FILES.map(fetched)).toEqual([1, 1, 1]);

      releaseScript();
      await waitForMapIdle(page);
      // The script's own fetches took the preloaded responses: no second request, no warning.
      expect(FIRST_VIEW_FILES.map(fetched)).toEqual([1, 1, 1]);
      expect(await page.locator('.loading').count()).toBe(0);
      expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('replaces the status with one in the language the link asks for', async () => {
    const { page } = await newLoggedPage(browser());
    // The data are held back until the status has been read.
    let releaseData = () => {};
    const dataHeld = new Promise<void>((resolve) => {
      releaseData = resolve;
    });
    await page.route(/\/assets\/[\w.-]+\.json$/, async (route) => {
      await dataHeld;
      await route.continue();
    });
    await page.goto(`${atlasUrl}?lang=en`, { waitUntil: 'commit' });
    await expect.poll(() => page.locator('.loading').allInnerTexts()).toEqual(['Loading map data…']);
    releaseData();
    await waitForMapIdle(page);
    expect(await page.locator('.loading').count()).toBe(0);
    await page.context().close();
  });
});

describe('the detailed borders, when they cannot be loaded', () => {
  it('leave the overview drawn, without an error, and are tried again at the next zoom', async () => {
    const { page, log } = await newLoggedPage(browser());
    let available = false;
    await page.route(DETAIL_FILE, (route) =>
      available ? route.continue() : route.fulfill({ status: 503, body: 'busy' }),
    );
    await openAtlas(page, atlasUrl);
    const wanzhou = { lon: WANZHOU_LABEL[0], lat: WANZHOU_LABEL[1] };
    await jumpTo(page, { zoom: 9, ...wanzhou });
    await expect.poll(() => requestsFor(log, DETAIL_FILE)).toBe(1);
    await expect.poll(() => detailLevel(page)).toBe('overview');
    await waitForMapIdle(page);
    expect(await page.getByTestId('error-panel').count()).toBe(0);
    // The overview still finds the district under the pointer.
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x, y + 30);
    await expect.poll(() => hovered(page)).toBe('500101');
    available = true;
    await jumpTo(page, { zoom: 9.5, ...wanzhou });
    await expect.poll(() => detailLevel(page)).toBe('detail');
    await page.context().close();
  });
});

describe('the test browser', () => {
  it('runs nothing beside the page under test (no preloaded Chrome UI competing for the CPU)', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const session = await browser().newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[];
    };
    await session.detach();
    expect(targetInfos.filter((target) => target.url.startsWith(atlasUrl)).length).toBeGreaterThan(0);
    expect(targetInfos.filter((target) => target.url.startsWith('chrome:')).map((target) => target.url)).toEqual([]);
    await page.context().close();
  });
});

describe('failure paths', () => {
  it('without WebGL2 lists every place with its regions', async () => {
    const noWebgl2 = await launchChromium(['--disable-webgl2']);
    try {
      const { page, log } = await newLoggedPage(noWebgl2);
      await page.goto(atlasUrl);
      const fallback = page.getByTestId('no-webgl');
      await expect.poll(() => fallback.count()).toBe(1);
      const rows = fallback.locator('tbody tr');
      expect(await rows.count()).toBe(38);
      const wanzhou = await rows.filter({ hasText: '万州区' }).innerText();
      expect(wanzhou).toContain('万开云');
      expect(wanzhou).toContain('渝东北');
      expect(log.pageErrors).toEqual([]);
      // The places are still usable: choosing one shows its details.
      await rows.filter({ hasText: '万州区' }).getByRole('button').click();
      await expect.poll(() => fallback.locator('.popup-header h2').innerText()).toBe('万州区');
    } finally {
      await noWebgl2.close();
    }
  });

  it('a corrupt data file shows an error panel with a retry that recovers', async () => {
    const { page } = await newLoggedPage(browser());
    let corrupt = true;
    await page.route(/\/assets\/places-[^/]+\.json$/, (route) =>
      corrupt
        ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"districts": [' })
        : route.continue(),
    );
    await page.goto(atlasUrl);
    const panel = page.getByTestId('error-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.innerText()).toMatch(/places-.*\.json/);
    corrupt = false;
    await panel.getByRole('button').click();
    await waitForMapIdle(page);
    expect(await page.getByTestId('error-panel').count()).toBe(0);
    await page.context().close();
  });

  it('a missing data file shows the error panel', async () => {
    const { page } = await newLoggedPage(browser());
    await page.route(OVERVIEW_FILE, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(atlasUrl);
    await expect.poll(() => page.getByTestId('error-panel').count()).toBe(1);
    expect(await page.getByTestId('error-panel').innerText()).toContain('HTTP 404');
    await page.context().close();
  });
});
