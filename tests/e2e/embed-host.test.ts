/**
 * The embed never takes over the page it is in, and it fits a narrow column: no focus or scroll
 * moved on the host page by loading, by the host's `set` or by the Embed dialog's preview;
 * a selection without its details (`popup=0`); a 320 px embed with folded credits and its
 * selection in view; the embed fitting its iframe at any size, with nothing cut and no scrolling
 * of its own; the Embed dialog's height field and script ids; the share button.
 * Host pages are fixtures served on a second origin (tests/e2e/fixtures/article.html).
 */
import { describe, expect, inject, it } from 'vitest';
import type { AtlasChange, AtlasState, EmbedOptions } from '../../src/embed/atlas-embed';
import places from '../../src/generated/places.json';
import type { BBox } from '../../src/types/atlas-data';
import { MAP, mapSelection, mapView, projectOn, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

declare global {
  interface Window {
    /** Set by article.js, the long host page's script. */
    articleLog?: { ready: AtlasState[]; select: (string | null)[] };
    setAtlas?: (change: AtlasChange) => void;
    /** What the stubbed navigator.share was given. */
    shared?: ShareData[];
  }
}

type Frame = ReturnType<Page['mainFrame']>;

const atlasUrl = inject('atlasUrl');
const hostUrl = inject('hostUrl');
const browser = useBrowser();

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  return frame;
}

type Embedding = { mode: 'iframe'; query: string } | { mode: 'script'; options: EmbedOptions };

/** Opens article.html (the map mostly below the fold) on the host origin and waits for the map's ready and first idle. */
async function openArticle(page: Page, embedding: Embedding, width?: number, height?: number): Promise<Frame> {
  const url = new URL('article.html', hostUrl);
  url.searchParams.set('atlas', atlasUrl);
  url.searchParams.set('mode', embedding.mode);
  if (embedding.mode === 'iframe') url.searchParams.set('query', embedding.query);
  else url.searchParams.set('options', JSON.stringify(embedding.options));
  if (width) url.searchParams.set('width', String(width));
  if (height) url.searchParams.set('height', String(height));
  await page.goto(url.href);
  await page.waitForFunction(() => (window.articleLog?.ready.length ?? 0) > 0, null, { timeout: 60_000 });
  const frame = await frameOf(page, '#atlas iframe');
  await waitForMapIdle(frame);
  return frame;
}

/** Where the host page is scrolled to and what has its focus ('BODY' when nothing does). */
const hostFocus = (page: Page) =>
  page.evaluate(() => ({ scrollY: window.scrollY, active: document.activeElement?.tagName ?? null }));
/** Two animation frames of the embed: anything scheduled after a render has run by then. */
const settle = (frame: Frame) =>
  frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
const popupHeading = (frame: Frame) =>
  frame.evaluate(() => document.querySelector('.maplibregl-popup .popup-header h2')?.textContent ?? null);
const popupCount = (frame: Frame) => frame.locator('.maplibregl-popup').count();
const setAtlas = (page: Page, change: AtlasChange) => page.evaluate((value) => window.setAtlas?.(value), change);

describe('the embed never takes over its host page', () => {
  const embeddings: [string, Embedding][] = [
    ['the plain iframe', { mode: 'iframe', query: '?sel=500101' }],
    ['the script snippet', { mode: 'script', options: { sel: '500101' } }],
  ];

  it.each(embeddings)(
    '%s, mostly below the fold: no scroll and no focus on load, nor on set',
    async (_label, embedding) => {
      const { page, log } = await newLoggedPage(browser(), { viewport: { width: 1024, height: 700 } });
      const frame = await openArticle(page, embedding);
      // A page much taller than the screen, the map starting in its lower half and running past its bottom.
      const layout = await page.evaluate(() => {
        const frameBox = document.querySelector('#atlas iframe')?.getBoundingClientRect();
        return {
          tall: document.documentElement.scrollHeight > window.innerHeight * 2,
          // In the page, not the viewport: a page that was scrolled fails below, on scrollY, saying so.
          top: ((frameBox?.top ?? 0) + window.scrollY) / window.innerHeight,
          bottom: ((frameBox?.bottom ?? 0) + window.scrollY) / window.innerHeight,
        };
      });
      expect(layout.tall).toBe(true);
      expect(layout.top).toBeGreaterThan(0.5);
      expect(layout.bottom).toBeGreaterThan(1.3);
      await expect.poll(() => popupHeading(frame)).toBe('万州区');
      await settle(frame);
      expect(await hostFocus(page)).toEqual({ scrollY: 0, active: 'BODY' });

      // The host clears the selection and picks another: the details open where the map is, the reader stays put.
      await setAtlas(page, { sel: null });
      await expect.poll(() => popupCount(frame)).toBe(0);
      await setAtlas(page, { sel: '500102' });
      await expect.poll(() => popupHeading(frame)).toBe('涪陵区');
      await waitForMapIdle(frame);
      await settle(frame);
      expect(await hostFocus(page)).toEqual({ scrollY: 0, active: 'BODY' });
      expect(log.pageErrors).toEqual([]);
      await page.context().close();
    },
  );

  it('the Embed dialog’s live preview leaves focus in the dialog', async () => {
    const { page } = await newLoggedPage(browser());
    await page.goto(`${atlasUrl}?lang=en&sel=500101#map=9/30.8/108.4`);
    await waitForMapIdle(page);
    const embedButton = page.getByRole('button', { name: 'Embed', exact: true });
    await embedButton.click();
    const preview = await frameOf(page, 'iframe.embed-preview');
    await waitForMapIdle(preview);
    await expect.poll(() => popupHeading(preview)).toBe('Wanzhou District');
    await settle(preview);
    const focus = await page.evaluate(() => ({
      inDialog: document.activeElement?.closest('dialog[open]') !== null,
      tag: document.activeElement?.tagName,
    }));
    expect(focus).toEqual({ inDialog: true, tag: expect.not.stringMatching(/^IFRAME$/) });
    await page.context().close();
  });
});

describe('a selection without its details', () => {
  it('embed.html?popup=0 draws the selection and opens no popup; set({popup}) opens and closes it', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: { width: 1024, height: 700 } });
    const frame = await openArticle(page, { mode: 'iframe', query: '?sel=wan-kai-yun&popup=0' });
    await expect.poll(() => mapSelection(frame)).toBe('wan-kai-yun');
    await settle(frame);
    expect(await popupCount(frame)).toBe(0);

    await setAtlas(page, { popup: true });
    await expect.poll(() => popupHeading(frame)).toBe('万开云');
    await setAtlas(page, { sel: '500101', popup: false });
    await expect.poll(() => mapSelection(frame)).toBe('500101');
    await expect.poll(() => popupCount(frame)).toBe(0);
    expect(await page.evaluate(() => window.articleLog?.select)).toEqual(['500101']);
    // A malformed popup makes the whole command invalid: nothing changes.
    await page.evaluate(() =>
      document
        .querySelector('iframe')
        ?.contentWindow?.postMessage({ type: 'cq-atlas:set', sel: '500102', popup: 'yes' }, '*'),
    );
    await setAtlas(page, { sel: '500103', popup: false });
    await expect.poll(() => mapSelection(frame)).toBe('500103');
    expect(await page.evaluate(() => window.articleLog?.select)).toEqual(['500101', '500103']);
    await page.context().close();
  });

  it('the host script’s popup: false reaches the embed page', async () => {
    const { page } = await newLoggedPage(browser());
    const frame = await openArticle(page, { mode: 'script', options: { sel: '500101', popup: false } });
    const src = await page.evaluate(() => document.querySelector('#atlas iframe')?.getAttribute('src') ?? '');
    expect(new URL(src).searchParams.get('popup')).toBe('0');
    await expect.poll(() => mapSelection(frame)).toBe('500101');
    await settle(frame);
    expect(await popupCount(frame)).toBe(0);
    await page.context().close();
  });
});

describe('a 320 px embed', () => {
  const region = places.regions.find((entry) => entry.id === 'wan-kai-yun');
  const box = region?.bbox as BBox;
  const link = { zoom: 9, lat: 30.9, lon: 108.5 };

  it('keeps the link’s centre, lowers the zoom to show the whole selection, and folds the credits behind ⓘ', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: { width: 420, height: 800 } });
    const frame = await openArticle(
      page,
      { mode: 'script', options: { lang: 'en', sel: 'wan-kai-yun', popup: false, view: link } },
      320,
    );
    expect(await frame.evaluate(() => window.innerWidth)).toBe(320);
    const view = await mapView(frame);
    expect(view.lat).toBeCloseTo(link.lat, 4);
    expect(view.lon).toBeCloseTo(link.lon, 4);
    expect(view.zoom).toBeLessThan(link.zoom);
    const size = await frame.locator(MAP).evaluate((element) => ({
      width: element.clientWidth,
      height: element.clientHeight,
    }));
    for (const corner of [
      [box[0], box[1]],
      [box[0], box[3]],
      [box[2], box[1]],
      [box[2], box[3]],
    ] as const) {
      const point = projectOn(view, size, corner);
      expect(point.x, `${corner} inside the map`).toBeGreaterThanOrEqual(0);
      expect(point.x, `${corner} inside the map`).toBeLessThanOrEqual(size.width);
      expect(point.y, `${corner} inside the map`).toBeGreaterThanOrEqual(0);
      expect(point.y, `${corner} inside the map`).toBeLessThanOrEqual(size.height);
    }
    // Only a little lower than needed: one step closer would cut the selection.
    const closer = { ...view, zoom: view.zoom + 0.25 };
    const cut = [box[0], box[2]].some((lon) => {
      const { x } = projectOn(closer, size, [lon, box[1]]);
      return x < 0 || x > size.width;
    });
    const cutNorthSouth = [box[1], box[3]].some((lat) => {
      const { y } = projectOn(closer, size, [box[0], lat]);
      return y < 0 || y > size.height;
    });
    expect(cut || cutNorthSouth).toBe(true);

    // The credits: folded behind a real button, which the keyboard opens.
    const credits = frame.locator('#attribution-credits');
    const toggle = frame.getByRole('button', { name: 'Sources' });
    await expect.poll(() => credits.isVisible()).toBe(false);
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await frame.page().keyboard.press('Enter');
    await expect.poll(() => credits.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await credits.textContent()).toContain('Natural Earth');
    await page.context().close();
  });
});

describe('the embed fits its iframe', () => {
  type Box = { left: number; top: number; right: number; bottom: number };
  /** Where each element matching a selector is, in the embed's viewport. */
  const boxesIn = (frame: Frame, selector: string) =>
    frame.evaluate(
      (css) =>
        [...document.querySelectorAll(css)].map((element) => {
          const { left, top, right, bottom } = element.getBoundingClientRect();
          return { left, top, right, bottom };
        }),
      selector,
    );
  const viewportOf = (frame: Frame) => frame.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const inside = (box: Box, viewport: { width: number; height: number }) =>
    box.right > box.left &&
    box.bottom > box.top &&
    box.left >= 0 &&
    box.top >= 0 &&
    box.right <= viewport.width &&
    box.bottom <= viewport.height;
  const open = (page: Page, width: number, height: number, query = '?lang=en') =>
    openArticle(page, { mode: 'iframe', query }, width, height);
  /** Wide enough for the widest iframe, tall enough that the article shows the map. */
  const HOST_VIEWPORT = { width: 1440, height: 1000 };

  const sizes: [number, number][] = [
    [720, 480],
    [720, 560],
    [1000, 700],
    [366, 480],
    [320, 320],
  ];
  it.each(sizes)('%i × %i: header, map, legend and credits fill it exactly, nothing cut', async (width, height) => {
    const { page, log } = await newLoggedPage(browser(), { viewport: HOST_VIEWPORT });
    const frame = await open(page, width, height);
    const viewport = await viewportOf(frame);
    expect(viewport).toEqual({ width, height });
    const scroll = await frame.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scrollHeight: root.scrollHeight, clientHeight: root.clientHeight, scrollWidth: root.scrollWidth };
    });
    expect(scroll.scrollHeight, 'the embed’s document is no taller than its iframe').toBeLessThanOrEqual(
      scroll.clientHeight,
    );
    expect(scroll.scrollWidth).toBeLessThanOrEqual(width);
    const [map] = await boxesIn(frame, MAP);
    expect(map && inside(map, viewport), `the map ${JSON.stringify(map)} inside ${width} × ${height}`).toBe(true);
    // The map takes what the header leaves: most of the height.
    expect((map?.bottom ?? 0) - (map?.top ?? 0)).toBeGreaterThan(height * 0.6);
    for (const selector of ['.map-legend summary', '.map-buttons button', '.attribution']) {
      const boxes = await boxesIn(frame, selector);
      expect(boxes.length, selector).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(inside(box, viewport), `${selector} ${JSON.stringify(box)} inside ${width} × ${height}`).toBe(true);
      }
    }
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it.each([
    [720, 480],
    [366, 480],
  ])(
    '%i × %i: the HTML’s first paint has the app’s header, so the map does not move at handover',
    async (width, height) => {
      const mapBox = async (javaScriptEnabled: boolean) => {
        const { page } = await newLoggedPage(browser(), { viewport: { width, height }, javaScriptEnabled });
        await page.goto(new URL('embed.html', atlasUrl).href);
        if (javaScriptEnabled) await waitForMapIdle(page);
        const [box] = await boxesIn(page.mainFrame(), '.embed-map');
        await page.context().close();
        return box;
      };
      const firstPaint = await mapBox(false);
      expect(firstPaint?.bottom).toBe(height);
      expect(await mapBox(true)).toEqual(firstPaint);
    },
  );

  it('a wheel over the map scrolls the host page, never the embed’s own document', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: HOST_VIEWPORT });
    const frame = await open(page, 720, 480);
    const [map] = await boxesIn(frame, MAP);
    const iframe = await page.locator('#atlas iframe').boundingBox();
    if (!map || !iframe) throw new Error('no map in the embed');
    await page.mouse.move(iframe.x + (map.left + map.right) / 2, iframe.y + (map.top + map.bottom) / 2);
    await page.mouse.wheel(0, 240);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await frame.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    await page.context().close();
  });

  it.each([
    [720, 480],
    [366, 480],
  ])('%i × %i: the selection’s popup lies wholly in view once MapLibre draws it', async (width, height) => {
    const { page, log } = await newLoggedPage(browser(), { viewport: HOST_VIEWPORT });
    const frame = await open(page, width, height, '?lang=en&sel=500101');
    await expect.poll(() => popupHeading(frame)).toBe('Wanzhou District');
    await waitForMapIdle(frame);
    const viewport = await viewportOf(frame);
    await expect
      .poll(async () => {
        const boxes = await boxesIn(frame, '.maplibregl-popup-content');
        return boxes.map((box) => (inside(box, viewport) ? 'inside' : JSON.stringify(box)));
      })
      .toEqual(['inside']);
    expect(await frame.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the Embed dialog', () => {
  async function openDialog(page: Page) {
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    await page.locator('dialog[open] textarea[data-snippet=script]').waitFor();
  }
  const scriptId = (script: string) => /<div id="([^"]+)"><\/div>/.exec(script)?.[1];

  it('takes a typed height, brought into range when the field is left; says what it shows in plain words', async () => {
    const { page } = await newLoggedPage(browser());
    await page.goto(`${atlasUrl}?lang=en`);
    await waitForMapIdle(page);
    await openDialog(page);
    const height = page.locator('dialog[open] input[name=height]');
    const iframeSnippet = page.locator('textarea[data-snippet=iframe]');
    await height.fill('');
    await height.pressSequentially('800');
    expect(await height.inputValue()).toBe('800');
    await height.press('Tab');
    await expect.poll(() => iframeSnippet.inputValue()).toContain('height="800"');
    await height.fill('');
    await height.pressSequentially('90');
    await height.press('Tab');
    await expect.poll(() => height.inputValue()).toBe('300');
    expect(await iframeSnippet.inputValue()).toContain('height="300"');
    expect(await page.locator('dialog[open]').textContent()).not.toMatch(/chrome/i);
    await page.context().close();
  });

  it('gives every script snippet its own element id: two maps fit in one article', async () => {
    const { page } = await newLoggedPage(browser());
    await page.goto(`${atlasUrl}?lang=en&sel=500101`);
    await waitForMapIdle(page);
    await openDialog(page);
    const first = await page.locator('textarea[data-snippet=script]').inputValue();
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: 'Switch to 中文' })
      .click()
      .catch(() => undefined);
    await openDialog(page);
    const second = await page.locator('textarea[data-snippet=script]').inputValue();
    expect(scriptId(first)).toMatch(/^cq-atlas-/);
    expect(scriptId(second)).toMatch(/^cq-atlas-/);
    expect(scriptId(first)).not.toBe(scriptId(second));

    await page.goto(new URL('paste.html', hostUrl).href);
    await page.evaluate(
      (html) => {
        const slot = document.getElementById('slot');
        for (const snippet of html) slot?.append(document.createRange().createContextualFragment(snippet));
      },
      [first, second],
    );
    for (const id of [scriptId(first), scriptId(second)]) {
      // A browser draws a frame only once some of it is in view.
      await page.locator(`#${id} iframe`).scrollIntoViewIfNeeded();
      const frame = await frameOf(page, `#${id} iframe`);
      await waitForMapIdle(frame);
      expect(await mapSelection(frame)).toBe('500101');
    }
    expect(await page.locator('iframe').count()).toBe(2);
    await page.context().close();
  });
});

describe('the share button', () => {
  it('copies the full map’s link where the browser cannot share, and says so', async () => {
    const { page } = await newLoggedPage(browser());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(atlasUrl).origin });
    await page.context().addInitScript(() => {
      // A browser without the Web Share API.
      delete (Navigator.prototype as Partial<Navigator>).share;
    });
    await page.goto(`${atlasUrl}?lang=en&sel=500101#map=9/30.8/108.4`);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).isVisible()).toBe(true);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.evaluate(() => location.href));
    expect(new URL(copied).searchParams.get('sel')).toBe('500101');
    await page.context().close();
  });

  it('in an embed, shares the full map’s link for the same state through the Web Share API', async () => {
    const { page } = await newLoggedPage(browser());
    await page.context().addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          window.shared = [...(window.shared ?? []), data];
        },
      });
    });
    const frame = await openArticle(page, {
      mode: 'script',
      options: { lang: 'en', sel: '500101', view: { zoom: 8, lat: 30.8, lon: 108.4 } },
    });
    expect(await page.evaluate(() => document.querySelector('#atlas iframe')?.getAttribute('allow'))).toMatch(
      /web-share/,
    );
    await frame.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => frame.evaluate(() => window.shared?.length ?? 0)).toBe(1);
    const shared = await frame.evaluate(() => window.shared?.[0]);
    const url = new URL(shared?.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(atlasUrl);
    expect(url.searchParams.get('sel')).toBe('500101');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.hash).toBe('#map=8/30.8/108.4');
    // The same link as "open the full map".
    const openFull = await frame
      .getByRole('link', { name: 'Open the full map' })
      .evaluate((a) => (a as HTMLAnchorElement).href);
    expect(shared?.url).toBe(openFull);
    // Nothing to say when the share sheet did the work.
    expect(await frame.getByTestId('share-feedback').textContent()).toBe('');
    await page.context().close();
  });
});
