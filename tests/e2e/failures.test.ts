/**
 * Failure paths, on the full map and the embed page: a file the page needs fails (404, 503,
 * a reset connection, valid JSON of the wrong shape, no answer at all) and the reader sees
 * what failed, the places, and a "try again" that works. A file of the WebGL map failing
 * leaves the simpler SVG map in its place, usable. Only what a reader sees is checked: the
 * DOM, the URL and the network; never the map library's objects.
 */
import { describe, expect, inject, it } from 'vitest';
import { newLoggedPage, type Page, type PageLog, useBrowser } from './support/browser';
import { clickStaticMapAt, STATIC_MAP, waitForStaticMap } from './support/static-map-driver';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

const WORKER_FILE = /\/assets\/maplibre-gl-worker-[^/]+\.mjs$/;
const MAP_CHUNK = /\/assets\/atlas-map-[^/]+\.js$/;
const MAP_STYLESHEET = /\/assets\/atlas-map-[^/]+\.css$/;
/** The page's own stylesheet, in the head of both pages. */
const PAGE_STYLESHEET = /\/assets\/atlas-(?!map-)[^/]+\.css$/;
const OVERVIEW_FILE = /\/assets\/atlas-overview\.topo-[^/]+\.json$/;
const DETAIL_FILE = /\/assets\/atlas\.topo-[^/]+\.json$/;
const PLACES_FILE = /\/assets\/places-[^/]+\.json$/;
const CONTENT_FILE = /\/assets\/content-[^/]+\.json$/;

const PAGES = [
  { name: 'index.html', path: '', entry: /\/assets\/main-[^/]+\.js$/ },
  { name: 'embed.html', path: 'embed.html', entry: /\/assets\/embed-[^/]+\.js$/ },
];

const requestsFor = (log: PageLog, file: RegExp) =>
  log.requests.filter((url) => file.test(new URL(url).pathname)).length;

/** The page is not blank: it shows a readable amount of text. */
async function visibleText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).trim();
}

/** The map is drawn: its canvas is there and place names stand on it (they appear once it has loaded). */
async function expectMapDrawn(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.map-label-district:visible').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
}

const WANZHOU_LABEL: [number, number] = [108.40163, 30.7314];

/**
 * The map's failure panel: names the file and the reason, says the map shown is a simpler one,
 * draws it (every district), lists all 38 districts, offers "try again".
 */
async function expectMapFailure(page: Page, file: RegExp, reason: RegExp): Promise<void> {
  const panel = page.getByTestId('map-error');
  await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
  const message = await panel.getByRole('alert').innerText();
  expect(message).toMatch(file);
  expect(message).toMatch(reason);
  expect(message).toMatch(/simpler map|较简单的地图/);
  expect(message).not.toMatch(/WebGL/);
  await waitForStaticMap(page);
  expect(await panel.locator(`${STATIC_MAP} svg path[data-id]`).count()).toBeGreaterThanOrEqual(38);
  expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
  expect(await panel.locator('tbody tr').count()).toBe(38);
  expect(await panel.getByRole('button', { name: /try again|重试/i }).count()).toBe(1);
  expect((await visibleText(page)).length).toBeGreaterThan(100);
}

/** The SVG map in the WebGL map's place selects by a click and keeps the URL; on the full page, layers switch. */
async function expectStaticMapUsable(page: Page, fullPage: boolean): Promise<void> {
  await clickStaticMapAt(page, WANZHOU_LABEL);
  await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('500101');
  await expect.poll(() => page.locator('.fallback-selection .popup-header h2').innerText()).toBe('Wanzhou District');
  if (!fullPage) return;
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByRole('radio', { name: 'Population flows' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('layers') ?? '').toContain('population');
  await expect.poll(() => page.locator(`${STATIC_MAP} g[data-kind="flows"] path`).count()).toBeGreaterThan(0);
}

/** The data error panel (before anything else is shown): names the file and the reason; no map, SVG or WebGL. */
async function expectDataFailure(page: Page, text: RegExp[]): Promise<void> {
  const panel = page.getByTestId('error-panel');
  await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
  const message = await panel.innerText();
  for (const pattern of text) expect(message).toMatch(pattern);
  expect(await page.locator(STATIC_MAP).count()).toBe(0);
  expect(await visibleText(page)).toMatch(/\S{10}/);
}

// biome-ignore lint/suspicious/noExplicitAny: the edits put values of the wrong type into the data on purpose
type Loose = any;

/** Serves a data file with `edit` applied to its JSON, while `broken()` says so. */
async function routeEditedJson(page: Page, file: RegExp, edit: (data: Loose) => void, broken: () => boolean) {
  await page.route(file, async (route) => {
    if (!broken()) return route.continue();
    const response = await route.fetch();
    const data = await response.json();
    edit(data);
    await route.fulfill({ response, json: data });
  });
}

for (const { name, path, entry } of PAGES) {
  const url = (query = '') => `${new URL(path, atlasUrl).href}${query}`;

  describe(`${name}: the entry script`, () => {
    it('that never loads leaves a message from the HTML itself, with a reload; a started app removes it', async () => {
      const { page } = await newLoggedPage(browser());
      const stalled = page.getByTestId('loading-stalled');
      await page.route(entry, (route) => route.fulfill({ status: 404, body: 'gone' }));
      // The message appears after 20 s of CSS animation delay: played 1000 × faster here.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Animation.enable');
      await cdp.send('Animation.setPlaybackRate', { playbackRate: 1000 });
      await page.goto(url());
      await expect.poll(() => stalled.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await stalled.getByRole('link', { name: /reload|重新载入/ }).count()).toBe(2);
      await page.unroute(entry);
      await stalled.getByRole('link', { name: 'reload' }).click();
      await expectMapDrawn(page);
      expect(await stalled.count()).toBe(0);
      await page.context().close();
    });
  });

  describe(`${name}: the map's own files`, () => {
    it('a worker script that answers 404 shows the SVG map and names the file, and "try again" loads the map', async () => {
      const { page, log } = await newLoggedPage(browser());
      await page.route(WORKER_FILE, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(url('?lang=en'));
      await expectMapFailure(page, /maplibre-gl-worker-[\w-]+\.mjs/, /HTTP 404/);
      await expectStaticMapUsable(page, name === 'index.html');
      expect(log.pageErrors).toEqual([]);
      await page.unroute(WORKER_FILE);
      await page.getByTestId('map-error').getByRole('button', { name: 'Try again' }).click();
      await expectMapDrawn(page);
      expect(await page.getByTestId('map-error').count()).toBe(0);
      await page.context().close();
    });

    it('a worker script whose connection is reset is reported the same way', async () => {
      const { page } = await newLoggedPage(browser());
      await page.route(WORKER_FILE, (route) => route.abort('connectionreset'));
      await page.goto(url());
      await expectMapFailure(page, /maplibre-gl-worker-[\w-]+\.mjs/, /载入失败/);
      await page.context().close();
    });

    it('a worker script that fails before the map exists is reported too', async () => {
      const { page } = await newLoggedPage(browser());
      let workerAnswered = () => {};
      const workerDone = new Promise<void>((resolve) => {
        workerAnswered = resolve;
      });
      // A worker script that does not load counts as a failed request, whatever its status.
      const onAnswer = (request: { url(): string }) => {
        if (WORKER_FILE.test(new URL(request.url()).pathname)) workerAnswered();
      };
      page.on('requestfinished', onAnswer);
      page.on('requestfailed', onAnswer);
      await page.route(WORKER_FILE, (route) => route.fulfill({ status: 404, body: 'gone' }));
      // The map is created only after the worker has failed: it never hears of the failure itself.
      await page.route(PLACES_FILE, async (route) => {
        await workerDone;
        await route.continue();
      });
      await page.goto(url('?lang=en'));
      await expectMapFailure(page, /maplibre-gl-worker-[\w-]+\.mjs/, /HTTP 404/);
      await page.context().close();
    });

    it('a map code chunk that answers 404 names the chunk, the SVG map serves, and "try again" loads the map', async () => {
      const { page, log } = await newLoggedPage(browser());
      await page.route(MAP_CHUNK, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(url('?lang=en'));
      await expectMapFailure(page, /atlas-map-[\w-]+\.js/, /failed to load/);
      await expectStaticMapUsable(page, name === 'index.html');
      expect(log.pageErrors).toEqual([]);
      await page.unroute(MAP_CHUNK);
      await page.getByTestId('map-error').getByRole('button', { name: 'Try again' }).click();
      await expectMapDrawn(page);
      await page.context().close();
    });

    it("the map's stylesheet answering 503 names the stylesheet", async () => {
      const { page } = await newLoggedPage(browser());
      await page.route(MAP_STYLESHEET, (route) => route.fulfill({ status: 503, body: 'busy' }));
      await page.goto(url('?lang=en'));
      await expectMapFailure(page, /atlas-map-[\w-]+\.css/, /failed to load/);
      await page.context().close();
    });
  });

  describe(`${name}: the page's stylesheet`, () => {
    it('answering 404 names the stylesheet, and "try again" loads the page with it', async () => {
      const { page } = await newLoggedPage(browser());
      await page.route(PAGE_STYLESHEET, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(url('?lang=en'));
      await expectDataFailure(page, [/atlas-[\w-]+\.css failed to load/]);
      await page.unroute(PAGE_STYLESHEET);
      await page.getByTestId('error-panel').getByRole('button', { name: 'Try again' }).click();
      await expectMapDrawn(page);
      expect(await page.getByTestId('error-panel').count()).toBe(0);
      await page.context().close();
    });
  });

  describe(`${name}: a shared link while the detailed borders fail`, () => {
    const cases = [
      {
        link: '?lang=en&sel=500101',
        fail: 'a 503',
        respond: (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.fulfill({ status: 503, body: 'busy' }),
      },
      {
        link: '?lang=en#map=10/29.56/106.55',
        fail: 'a reset',
        respond: (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.abort('connectionreset'),
      },
    ];
    for (const { link, fail, respond } of cases) {
      it(`${link} with ${fail} keeps the overview map, says so, and loads the detail at the next zoom`, async () => {
        const { page, log } = await newLoggedPage(browser());
        let failing = true;
        let answered = 0;
        await page.route(DETAIL_FILE, async (route) => {
          if (!failing) return route.continue();
          await respond(route);
          answered += 1;
        });
        await page.goto(url(link));
        const notice = page.getByTestId('detail-notice');
        await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(1);
        expect(await notice.innerText()).toMatch(/detailed borders could not be loaded/);
        await expectMapDrawn(page);
        expect(await page.getByTestId('no-webgl').count()).toBe(0);
        expect(await page.getByTestId('map-error').count()).toBe(0);
        expect(await visibleText(page)).not.toMatch(/WebGL2/);
        // The map may try once more as it starts; once its tries have been answered, zooming tries again.
        await expect.poll(() => answered === requestsFor(log, DETAIL_FILE)).toBe(true);
        failing = false;
        const before = requestsFor(log, DETAIL_FILE);
        const zoomIn = page.getByRole('button', { name: 'Zoom in' });
        await expect
          .poll(async () => {
            await zoomIn.click();
            return requestsFor(log, DETAIL_FILE);
          })
          .toBeGreaterThan(before);
        await expect.poll(() => notice.count()).toBe(0);
        await expectMapDrawn(page);
        await page.context().close();
      });
    }
  });

  describe(`${name}: data files`, () => {
    it('content.json with a passage quote that is not text names the file and the path', async () => {
      const { page } = await newLoggedPage(browser());
      let broken = true;
      await routeEditedJson(
        page,
        CONTENT_FILE,
        (data) => (data.passages[3].quote = 3),
        () => broken,
      );
      await page.goto(url('?lang=en'));
      await expectDataFailure(page, [/content-[\w-]+\.json/, /passages\[3\]\.quote: expected a string/]);
      broken = false;
      await page.getByTestId('error-panel').getByRole('button', { name: 'Try again' }).click();
      await expectMapDrawn(page);
      await page.context().close();
    });

    it('places.json with regions[].members not a list names the path', async () => {
      const { page } = await newLoggedPage(browser());
      await routeEditedJson(
        page,
        PLACES_FILE,
        (data) => (data.regions[1].members = 'all'),
        () => true,
      );
      await page.goto(url());
      await expectDataFailure(page, [/places-[\w-]+\.json/, /regions\[1\]\.members: expected an array/]);
      await page.context().close();
    });

    it('content.json with figures as strings names the path', async () => {
      const { page } = await newLoggedPage(browser());
      await routeEditedJson(
        page,
        CONTENT_FILE,
        (data) => (data.figures = data.figures.map(String)),
        () => true,
      );
      await page.goto(url('?lang=en&sel=500101'));
      await expectDataFailure(page, [/content-[\w-]+\.json/, /figures\[0\]: expected an object/]);
      await page.context().close();
    });

    it('a data file that never answers times out after 20 s with "try again", which loads the map', async () => {
      const { page } = await newLoggedPage(browser());
      await page.clock.install();
      let hanging = true;
      await page.route(OVERVIEW_FILE, (route) => (hanging ? undefined : route.continue()));
      await page.goto(url('?lang=en'));
      await expect.poll(() => page.locator('.loading').innerText()).toBe('Loading map data…');
      await page.clock.runFor(19_000);
      expect(await page.getByTestId('error-panel').count()).toBe(0);
      await page.clock.runFor(1_000);
      await expectDataFailure(page, [/atlas-overview\.topo-[\w-]+\.json/, /no answer within 20 s/]);
      hanging = false;
      await page.getByTestId('error-panel').getByRole('button', { name: 'Try again' }).click();
      await expectMapDrawn(page);
      await page.context().close();
    });
  });
}

describe('an error while the atlas starts', () => {
  it('shows the error panel, not a blank page', async () => {
    const { page } = await newLoggedPage(browser());
    // A fault the data checks cannot catch: the first effect that sets the page's title throws.
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'title', {
        configurable: true,
        get: () => '',
        set: () => {
          throw new Error('injected fault');
        },
      });
    });
    await page.goto(`${atlasUrl}?lang=en`);
    const panel = page.getByTestId('error-panel');
    await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.innerText()).toMatch(/Something went wrong[\s\S]*injected fault/);
    expect(await panel.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.context().close();
  });
});
