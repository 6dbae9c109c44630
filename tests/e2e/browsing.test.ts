/**
 * End to end: browsing by place and theme, URL state with history, languages,
 * keyboard, phone and desktop layouts, and bad URLs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LAYER_IDS, visualsOf } from '../../src/layers/registry';
import { COLOURS, channels } from '../../src/map/palette';
import {
  jumpTo,
  MAP,
  mapCanvas,
  mapLayers,
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
import { newLoggedPage, type Page, useBrowser } from './support/browser';

/** The innovation layer's schematic nodes, as the content build wrote them. */
const INNOVATION_NODES = (
  JSON.parse(readFileSync('src/generated/content.json', 'utf8')) as {
    schematic: { layer: string; kind: string }[];
  }
).schematic.filter((feature) => feature.layer === 'innovation' && feature.kind === 'node').length;

const atlasUrl = inject('atlasUrl');
const SCREENSHOTS = 'test-results/screenshots';
const browser = useBrowser();

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const params = (page: Page) => new URL(page.url()).searchParams;
const HAN = /[\u3400-\u9fff]/;

describe('the place browser and search', () => {
  it('lists regions with their districts and passage counts; choosing one selects it and opens its popup', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const browserPanel = page.locator('#place-browser');
    const wanKaiYun = browserPanel.locator('button[data-place="wan-kai-yun"]').first();
    expect(await wanKaiYun.innerText()).toMatch(/万开云\s*\d+ 段/);
    const districtsOfNortheast = browserPanel.locator('ul[aria-label="渝东北三峡库区城镇群 所辖区县"] button');
    expect(await districtsOfNortheast.count()).toBe(10);
    await wanKaiYun.click();
    await expect.poll(() => popupTitle(page).innerText()).toBe('万开云');
    expect(params(page).get('sel')).toBe('wan-kai-yun');
    // The outline follows the popup by a frame (see applyHighlightsAfterPaint).
    await expect.poll(() => mapSelection(page)).toBe('wan-kai-yun');
    await page.context().close();
  });

  it.each([
    ['万州', '万州区'],
    ['wan zhou', '万州区'],
    ['wz', '万州区'],
    ['Wanzhou District', '万州区'],
    ['fengdu', '丰都县'],
  ])('search "%s" → %s, by keyboard', async (query, expected) => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.locator('#place-search').fill(query);
    const options = page.locator('#place-search-results [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().innerText()).toContain(expected);
    await page.keyboard.press('Enter');
    await expect.poll(() => popupTitle(page).innerText()).toBe(expected);
    await page.context().close();
  });

  it('moves through results with the arrow keys and closes them with Escape', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const input = page.locator('#place-search');
    await input.fill('江');
    const options = page.locator('#place-search-results [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBe(await options.nth(1).getAttribute('id'));
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });
});

describe('layers', () => {
  it('toggle immediately, show up in the URL and draw on the map', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.getByRole('tab', { name: '图层' }).click();
    const population = page.locator('input[value="population"]');
    expect(await population.isChecked()).toBe(false);
    // What each layer draws is compared by the render tests; here, that a switch reaches the map.
    await population.check();
    await expect.poll(() => params(page).get('layers')).toBe('districts,population');
    expect(await mapLayers(page)).toEqual(['districts', 'population']);
    await waitForMapIdle(page);
    await page.locator('input[name="layers"][value="districts"]').uncheck();
    await expect.poll(() => params(page).get('layers')).toBe('population');
    expect(await mapLayers(page)).toEqual(['population']);
    await page.locator('input[name="layers"][value="districts"]').check();
    await waitForMapIdle(page);
    // Each layer explains itself, and while shown its legend has a swatch for each thing it draws, no other.
    for (const layer of LAYER_IDS) {
      const option = page.locator('.layer-option', { has: page.locator(`input[value="${layer}"]`) });
      await option.locator('input').check();
      expect(await option.locator('.layer-description').innerText(), layer).not.toBe('');
      const swatches = await option
        .locator('.legend .swatch')
        .evaluateAll((elements) => [
          ...new Set(elements.map((element) => element.className.replace('swatch swatch-', ''))),
        ]);
      const expected = visualsOf(layer).map(({ legend }) => ('swatch' in legend ? legend.swatch : 'fill'));
      expect(swatches.sort(), layer).toEqual([...new Set(expected)].sort());
    }
    await page.context().close();
  });

  it('show the land colour through the canvas where nothing is drawn, and the districts over it', async () => {
    // The land colour where no district is (north-west of the municipality, no name there), and
    // the districts' fill over it: what the browser composited, canvas and container together.
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?layers=districts`);
    const outside = await pagePointOf(page, [105.45, 32.05]);
    expect(
      await page.evaluate(
        ({ x, y, map }) => document.elementFromPoint(x, y) === document.querySelector(`${map} canvas`),
        { ...outside, map: MAP },
      ),
      'nothing over the canvas there',
    ).toBe(true);
    const land = await shownColour(page, outside);
    expect(sameColour(land, channels(COLOURS.background)), `land colour shown: ${land}`).toBe(true);
    // Inside a district, away from rivers and names: the south of Youyang.
    const district = await shownColour(page, await pagePointOf(page, [108.95, 28.6]));
    expect(sameColour(district, channels(COLOURS.districtFill)), `district fill shown: ${district}`).toBe(true);
    await page.context().close();
  });
});

describe('URL state', () => {
  it('a pasted URL reproduces the screen', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,wan-kai-yun&sel=wan-kai-yun#map=8/30.9/108.5`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => popupTitle(page).innerText()).toBe('Wan-Kai-Yun cluster');
    const view = await mapView(page);
    // A zoom at which the selection fits the map (at a closer one it is lowered: links.test.ts).
    expect(view.zoom).toBeCloseTo(8, 2);
    expect(view.lat).toBeCloseTo(30.9, 3);
    expect(view.lon).toBeCloseTo(108.5, 3);
    expect(await mapLayers(page)).toEqual(['districts', 'wan-kai-yun']);
    await expect.poll(() => mapSelection(page)).toBe('wan-kai-yun');
    await page.context().close();
  });

  it('Back and Forward restore earlier selections', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const choose = async (id: string) => {
      await page.locator(`#place-browser button[data-place="${id}"]`).first().click();
      await expect.poll(() => params(page).get('sel')).toBe(id);
    };
    await choose('500101');
    await choose('500103');
    await page.goBack();
    await expect.poll(() => params(page).get('sel')).toBe('500101');
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    await expect.poll(() => mapSelection(page)).toBe('500101');
    await page.goForward();
    await expect.poll(() => popupTitle(page).innerText()).toBe('渝中区');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => popup(page).count()).toBe(0);
    expect(params(page).get('sel')).toBeNull();
    await page.context().close();
  });

  it('ignores malformed parameters and injected markup, falling back to defaults', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(
      page,
      `${atlasUrl}?lang=xx&layers=nope,%3Cimg%3E&sel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&passage=..%2F..#map=abc/1e9/-`,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await popup(page).count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await mapLayers(page)).toEqual(['districts', 'urban-system']);
    expect(log.pageErrors).toEqual([]);
    // The URL is rewritten to the state actually shown.
    await expect.poll(() => params(page).get('sel')).toBeNull();
    await page.context().close();
  });
});

describe('languages', () => {
  it('an English view shows no UI string in Chinese (quotes and marked Chinese names aside)', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en&sel=500101&layers=districts,urban-system,population`);
    await expect.poll(() => popup(page).count()).toBe(1);
    const offenders = async () =>
      page.evaluate((pattern) => {
        const han = new RegExp(pattern);
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (!han.test(text)) continue;
          const element = node.parentElement;
          // Chinese is expected where it is marked as Chinese: quotes, original names, the article text.
          if (element?.closest('[lang^="zh"]')) continue;
          if (element?.closest('[hidden], noscript')) continue;
          found.push(text.trim().slice(0, 40));
        }
        return found;
      }, HAN.source);
    expect(await offenders(), 'places').toEqual([]);
    for (const tab of ['Layers', 'Articles']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await offenders(), tab).toEqual([]);
    }
    await page.getByRole('button', { name: 'About', exact: true }).click();
    expect(await offenders(), 'about').toEqual([]);
    await page.context().close();
  });

  it('switches language from the header, including <html lang> and the map labels', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(params(page).get('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Chongqing Spatial Strategy Atlas');
    await waitForMapIdle(page);
    const names = await page
      .locator('.map-labels .map-label-district')
      .evaluateAll((spans) =>
        spans.filter((span) => (span as HTMLElement).style.visibility === 'visible').map((span) => span.textContent),
      );
    expect(names.length).toBeGreaterThan(10);
    // The same name as the place list and the popup give it.
    expect(names).toContain('Wanzhou District');
    for (const name of names) expect(name).not.toMatch(HAN);
    expect(await page.locator('.map-labels').getAttribute('lang')).toBe('en');
    await page.context().close();
  });
});

describe('place names on the map', () => {
  /** The shown labels' boxes, and where the map puts the point each names. */
  const shownLabels = (page: Page) =>
    page.evaluate(() => {
      const origin = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
      if (!origin) throw new Error('no map');
      return [...document.querySelectorAll<HTMLElement>('.map-labels .map-label')]
        .filter((span) => span.style.visibility === 'visible')
        .map((span) => {
          const rect = span.getBoundingClientRect();
          return {
            id: span.dataset.label ?? '',
            text: span.textContent ?? '',
            left: rect.left - origin.left,
            top: rect.top - origin.top,
            right: rect.right - origin.left,
            bottom: rect.bottom - origin.top,
            width: origin.width,
            height: origin.height,
          };
        });
    });

  it('names districts in HTML over the map, clear of each other, inside the map, where their districts are', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await waitForMapIdle(page);
    const labels = await shownLabels(page);
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.map((label) => label.text)).toContain('万州区');
    for (const label of labels) {
      expect(label.left, label.id).toBeGreaterThanOrEqual(0);
      expect(label.top, label.id).toBeGreaterThanOrEqual(0);
      expect(label.right, label.id).toBeLessThanOrEqual(label.width + 0.5);
      expect(label.bottom, label.id).toBeLessThanOrEqual(label.height + 0.5);
    }
    for (const [index, a] of labels.entries()) {
      for (const b of labels.slice(index + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
    // Each district's name stands over that district: the pointer on the name's centre outlines it
    // (the names let the pointer through to the map).
    const box = await page.locator(MAP).boundingBox();
    for (const label of labels.filter((shown) => shown.id.startsWith('district:'))) {
      const centre = { x: (label.left + label.right) / 2, y: (label.top + label.bottom) / 2 };
      await page.mouse.move((box?.x ?? 0) + centre.x, (box?.y ?? 0) + centre.y);
      await expect.poll(() => published(page, 'hover'), { message: label.id }).toBe(label.id.slice('district:'.length));
    }
    // Decorative for assistive technology (the place list names every place), and click-through.
    expect(await page.locator('.map-labels').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('.map-labels').evaluate((element) => getComputedStyle(element).pointerEvents)).toBe(
      'none',
    );
    // No text in the WebGL style: no glyphs or sprites for MapLibre to fetch, rasterise or place.
    expect(log.requests.filter((url) => /glyph|font|sprite|\.pbf/i.test(url))).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('follow the map as it moves, and show more of the small districts when zoomed in', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await waitForMapIdle(page);
    const before = await shownLabels(page);
    const wanzhou = before.find((label) => label.text === '万州区');
    expect(wanzhou).toBeDefined();
    // Pan by a known number of pixels (the map's arrow keys pan by 100 px): the name moves with
    // its district, and in the frames between, with the canvas (checked each frame as it pans).
    const labelLeft = () =>
      page.locator('[data-label="district:500101"]').evaluate((span) => span.getBoundingClientRect().left);
    const start = await labelLeft();
    await page.locator(MAP).evaluate(() => {
      const span = document.querySelector<HTMLElement>('[data-label="district:500101"]');
      const steps: number[] = [];
      (window as unknown as { labelSteps: number[] }).labelSteps = steps;
      const start = span?.getBoundingClientRect().left ?? 0;
      const record = () => {
        const left = span?.getBoundingClientRect().left ?? Number.NaN;
        steps.push(left);
        if (left < start + 99.5 && steps.length < 3000) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await mapCanvas(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Math.abs((await labelLeft()) - start - 100) <= 1).toBe(true);
    await waitForMapIdle(page);
    expect(Math.abs((await labelLeft()) - start - 100)).toBeLessThanOrEqual(1);
    const steps = await page.evaluate(() => (window as unknown as { labelSteps: number[] }).labelSteps);
    // It moved in steps, never backwards, and never past where it ends.
    expect(new Set(steps.map(Math.round)).size).toBeGreaterThan(2);
    for (const [index, left] of steps.entries()) {
      expect(left).toBeGreaterThanOrEqual((steps[index - 1] ?? start) - 0.5);
      expect(left).toBeLessThanOrEqual(start + 100.5);
    }
    const central = (labels: { id: string }[]) =>
      labels.filter((label) =>
        ['500103', '500104', '500105', '500106', '500107', '500108'].includes(label.id.split(':')[1] ?? ''),
      ).length;
    await jumpTo(page, { zoom: 10, lon: 106.55, lat: 29.56 });
    await expect.poll(async () => (await mapView(page)).zoom).toBe(10);
    await waitForMapIdle(page);
    const zoomed = await shownLabels(page);
    expect(central(zoomed)).toBeGreaterThan(central(before));
    expect(central(zoomed)).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });

  it('name the thematic nodes when their layer is switched on, and only then', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await waitForMapIdle(page);
    const nodeNames = async () =>
      (await shownLabels(page)).filter((label) => label.id.startsWith('schematic:')).map((label) => label.text);
    expect(await nodeNames()).toEqual([]);
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('radio', { name: /科创走廊/ }).check();
    await waitForMapIdle(page);
    await expect.poll(nodeNames).toContain('西部（重庆）科学城');
    await page.getByRole('radio', { name: '不着色' }).check();
    await expect.poll(nodeNames).toEqual([]);
    await page.context().close();
  });

  it('mark the thematic nodes in HTML: shown with their layer, clickable, and the corridor line emphasised when selected', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const markers = page.locator('.map-node:visible');
    expect(await markers.count()).toBe(0);
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('radio', { name: /科创走廊/ }).check();
    await waitForMapIdle(page);
    expect(INNOVATION_NODES).toBeGreaterThan(0);
    await expect.poll(() => markers.count()).toBe(INNOVATION_NODES);
    // Each marker stands on its node's point, and its ring is white.
    const offsets = await page.evaluate((map) => {
      const canvas = document.querySelector(`${map} canvas`)?.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.map-node')]
        .filter((element) => element.style.display !== 'none')
        .map((element) => {
          const box = element.getBoundingClientRect();
          return {
            x: box.x + box.width / 2 - (canvas?.x ?? 0),
            y: box.y + box.height / 2 - (canvas?.y ?? 0),
            ring: getComputedStyle(element).borderTopColor,
          };
        });
    }, MAP);
    for (const offset of offsets) expect(offset.ring).toBe('rgb(255, 255, 255)');
    // A click on a marker selects the place the corridor stands for, and draws its line wider.
    const first = offsets[0] as { x: number; y: number };
    const canvasBox = await mapCanvas(page).boundingBox();
    await page.mouse.click((canvasBox?.x ?? 0) + first.x, (canvasBox?.y ?? 0) + first.y);
    await expect.poll(() => params(page).get('sel')).toBe('science-corridor');
    await expect.poll(() => popupTitle(page).innerText()).toBe('科创走廊');
    await expect.poll(() => mapSelection(page)).toBe('science-corridor');
    await page.getByRole('radio', { name: '不着色' }).check();
    await expect.poll(() => markers.count()).toBe(0);
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('Tab to search, type 万州, Enter opens Wanzhou; Escape closes it and focus returns', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    let focusedId = '';
    for (let presses = 0; presses < 15 && focusedId !== 'place-search'; presses += 1) {
      await page.keyboard.press('Tab');
      focusedId = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focusedId).toBe('place-search');
    await page.keyboard.type('万州');
    await expect.poll(() => page.locator('#place-search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    // Focus is inside the popup (a dialog), so a screen reader reads it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.popup') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup(page).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('place-search');
    await page.context().close();
  });

  it('the skip link leads to the place browser', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到地点列表');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('place-browser');
    await page.context().close();
  });

  it('announces selections in a polite live region', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.locator('#place-browser button[data-place="500103"]').click();
    const announcer = page.getByTestId('announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announcer.innerText()).toBe('已选择：渝中区');
    await page.context().close();
  });

  it('with reduced motion, choosing a place jumps instead of flying', async () => {
    const { page } = await newLoggedPage(browser(), { reducedMotion: 'reduce' });
    await openAtlas(page, atlasUrl);
    const before = await mapView(page);
    // The camera the map publishes in the first frame after the click: already there, no flight.
    await page.locator(MAP).evaluate((map) => {
      const state = window as unknown as { centreInNextFrame?: string | null };
      map.ownerDocument.addEventListener(
        'click',
        () =>
          requestAnimationFrame(() => {
            state.centreInNextFrame = map.getAttribute('data-center');
          }),
        { once: true },
      );
    });
    await page.locator('#place-browser button[data-place="500236"]').click();
    const centre = await page
      .waitForFunction(() => (window as unknown as { centreInNextFrame?: string }).centreInNextFrame)
      .then((handle) => handle.jsonValue());
    expect(centre).not.toBe(`${before.lon.toFixed(6)},${before.lat.toFixed(6)}`);
    // Fengjie lies around 109.5°E, 31°N.
    expect(Number(String(centre).split(',')[0])).toBeGreaterThan(109);
    await page.context().close();
  });
});

describe('phone and desktop', () => {
  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    it(`${name} ${viewport.width}×${viewport.height}: map and panel are reachable and a selection works`, async () => {
      const { page } = await newLoggedPage(browser(), {
        viewport,
        ...(name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      await openAtlas(page, atlasUrl);
      const mapBox = await mapCanvas(page).boundingBox();
      const panelBox = await page.getByTestId('panel').boundingBox();
      expect(mapBox?.width).toBeGreaterThan(viewport.width * (name === 'phone' ? 0.9 : 0.6));
      expect(panelBox?.height).toBeGreaterThan(40);
      if (name === 'phone') {
        // A bottom sheet over the lower part of the screen.
        expect(panelBox?.y).toBeGreaterThan(viewport.height * 0.4);
        expect(panelBox?.width).toBe(viewport.width);
      } else {
        expect(panelBox?.x).toBeGreaterThan(viewport.width * 0.6);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-start.png` });
      await page.locator('#place-browser button[data-place="500101"]').first().click();
      // On a phone the details are a card in the bottom sheet (phone.test.ts); on a desktop a popup.
      const details = name === 'phone' ? page.locator('.panel-details .popup') : page.locator('.maplibregl-popup');
      await expect.poll(() => details.locator('.popup-header h2').innerText()).toBe('万州区');
      await waitForMapIdle(page);
      const detailsBox = await details.boundingBox();
      expect(detailsBox?.x).toBeGreaterThanOrEqual(0);
      expect((detailsBox?.x ?? 0) + (detailsBox?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect(detailsBox?.y).toBeGreaterThanOrEqual(0);
      if (name === 'desktop') {
        expect((detailsBox?.y ?? 0) + (detailsBox?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-wanzhou.png` });
      if (name === 'phone') {
        // The sheet stays open on the place's card, with no popup over the map; closing the card goes back to the list.
        const toggle = page.locator('.sheet-toggle');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('.maplibregl-popup').count()).toBe(0);
        await details.locator('.popup-close').click();
        await expect.poll(() => page.locator('#place-search').isVisible()).toBe(true);
      }
      await page.context().close();
    });
  }
});
