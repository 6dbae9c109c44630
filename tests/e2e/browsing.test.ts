/**
 * Issue 4 end to end: browsing by place and theme, URL state with history, languages,
 * keyboard, phone and desktop layouts, and bad URLs.
 */
import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { COLOURS, channels } from '../../src/map/palette';
import { featureState, mapCentre, openAtlas, popup, popupTitle, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

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
    await expect.poll(() => featureState(page, 'wan-kai-yun')).toMatchObject({ selected: true });
    expect(await featureState(page, '500154')).toMatchObject({ member: true });
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
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBe(await options.nth(1).getAttribute('id'));
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });
});

/** Starts counting the tiles of a source that finish loading; the returned function reads the count. */
async function countTilesLoaded(page: Page, sourceId: string): Promise<() => Promise<number>> {
  const key = `tilesLoaded-${sourceId}`;
  await page.evaluate(
    ([source, name]) => {
      const map = window.__atlas?.adapter.map;
      if (!map) throw new Error('no map');
      let loaded = 0;
      map.on('sourcedata', (event) => {
        if (event.sourceId === source && event.tile) loaded += 1;
      });
      Object.assign(window, { [name]: () => loaded });
    },
    [sourceId, key] as const,
  );
  return () => page.evaluate((name) => (window as unknown as Record<string, () => number>)[name]?.() ?? -1, key);
}

describe('layers', () => {
  it('toggle immediately, show up in the URL and draw on the map', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.getByRole('tab', { name: '图层' }).click();
    const countBaseTiles = await countTilesLoaded(page, 'base');
    const population = page.locator('input[name="layers"][value="population"]');
    expect(await population.isChecked()).toBe(false);
    await population.check();
    await expect.poll(() => params(page).get('layers')).toBe('districts,urban-system,population');
    expect(await page.evaluate(() => window.__atlas?.adapter.isShown('population-fill'))).toBe(true);
    await waitForMapIdle(page);
    const drawn = await page.evaluate(
      () => window.__atlas?.adapter.map.queryRenderedFeatures({ layers: ['flows-line'] }).length,
    );
    expect(drawn).toBeGreaterThan(0);
    await page.locator('input[name="layers"][value="urban-system"]').uncheck();
    await expect.poll(() => params(page).get('layers')).toBe('districts,population');
    expect(await page.evaluate(() => window.__atlas?.adapter.isShown('urban-system-fill'))).toBe(false);
    await waitForMapIdle(page);
    // Fills and lines switch by layer opacity: the districts' tiles are not built again.
    expect(await countBaseTiles()).toBe(0);
    // Each layer explains itself and names its article.
    for (const layer of [
      'districts',
      'urban-system',
      'yuzhong',
      'innovation',
      'population',
      'wan-kai-yun',
      'ecology',
      'governance',
    ]) {
      const option = page.locator('.layer-option', { has: page.locator(`input[value="${layer}"]`) });
      expect(await option.locator('.layer-description').innerText(), layer).not.toBe('');
      expect(await option.locator('.legend li').count(), layer).toBeGreaterThan(0);
    }
    await page.context().close();
  });

  it('draw the first view with two shader programs, and compile none on a hover, a click or a switch', async () => {
    // Reads MapLibre's own program cache (internal): a program compiled in a switch's frame cost a
    // software renderer ≈100 ms each (BENCHMARKS.md, 27), and each one in the first view's frame
    // held up the tiles behind it (32, 36); the unit tests in style.test.ts model both.
    const { page } = await newLoggedPage(browser());
    // The cache as the map first becomes idle, before anything the page does in idle time.
    await page.addInitScript(() => {
      let atlas: Window['__atlas'];
      Object.defineProperty(window, '__atlas', {
        configurable: true,
        get: () => atlas,
        set(value: Window['__atlas']) {
          atlas = value;
          const map = value?.adapter.map as unknown as {
            once(event: 'idle', listener: () => void): void;
            painter: { programCache: { programs: object } };
          };
          map.once('idle', () => {
            (window as unknown as { programsAtIdle: string[] }).programsAtIdle = Object.keys(
              map.painter.programCache.programs,
            );
          });
        },
      });
    });
    await openAtlas(page, atlasUrl);
    const programs = () =>
      page.evaluate(() => {
        const map = window.__atlas?.adapter.map as unknown as { painter: { programCache: { programs: object } } };
        return Object.keys(map.painter.programCache.programs);
      });
    // Each program by its name and the paint values it takes per feature (a_, z_ with the zoom);
    // MapLibre's own clipping mask is in every map; its sky is not in this one, which never
    // tilts (skip-sky.ts), and nor is a background, which the container shows (atlas-map.ts).
    const named = (keys: string[]) =>
      keys
        .map((key) => key.split('/').filter((part, index) => index === 0 || /^[az]_/.test(part)))
        .filter(([name]) => name !== 'clippingMask')
        .map((parts) => parts.join(' '))
        .sort();
    const atIdle = await page.evaluate(() => (window as unknown as { programsAtIdle?: string[] }).programsAtIdle);
    expect(named(atIdle ?? [])).toEqual([
      'fill a_fill-color a_fill-outline-color',
      'lineSDF a_line-color z_line-floorwidth z_line-width',
    ]);
    const firstView = await programs();
    // A hover and a click draw district outlines, a region's outline and its districts' fill.
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x, y);
    await waitForMapIdle(page);
    await page.mouse.click(x, y);
    await popup(page).waitFor();
    await waitForMapIdle(page);
    await page.keyboard.press('Escape');
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: '图层' }).click();
    expect((await programs()).filter((key) => !firstView.includes(key))).toEqual([]);
    const added: Record<string, string[]> = {};
    for (const layer of ['population', 'yuzhong', 'ecology', 'governance', 'innovation', 'wan-kai-yun']) {
      const before = await programs();
      await page.locator(`input[name="layers"][value="${layer}"]`).check();
      await waitForMapIdle(page);
      added[layer] = (await programs()).filter((key) => !before.includes(key)).map((key) => key.split('/')[0] ?? key);
    }
    expect(added).toEqual({
      population: [],
      yuzhong: [],
      ecology: [],
      governance: [],
      innovation: [],
      'wan-kai-yun': [],
    });
    await page.context().close();
  });

  it('show the land colour through the canvas where nothing is drawn, and the districts over it', async () => {
    // No background layer (BENCHMARKS.md, 34): MapLibre leaves the canvas transparent there and
    // the map's container shows the land colour. Reads the canvas itself, then what the browser
    // composited, so a canvas that turned opaque or a container without its colour both fail.
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?layers=districts`);
    const spots = await page.evaluate(() => {
      const map = window.__atlas?.adapter.map as unknown as {
        redraw(): void;
        getCanvas(): HTMLCanvasElement;
        project(lngLat: [number, number]): { x: number; y: number };
        painter: { context: { gl: WebGL2RenderingContext } };
      };
      const canvas = map.getCanvas();
      const gl = map.painter.context.gl;
      const { width, height } = gl.canvas;
      const pixels = new Uint8Array(width * height * 4);
      // Read in the task that drew the frame: the drawing buffer is not preserved after it.
      map.redraw();
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      const box = canvas.getBoundingClientRect();
      const scale = width / box.width;
      const alphaAt = (x: number, y: number) =>
        pixels[((height - 1 - Math.round(y * scale)) * width + Math.round(x * scale)) * 4 + 3] ?? -1;
      const uncovered = (x: number, y: number) => document.elementFromPoint(box.left + x, box.top + y) === canvas;
      // An empty spot: transparent in a 9 px square, with no label over it.
      let empty: { x: number; y: number } | null = null;
      for (let y = 10; y < box.height - 10 && !empty; y += 7) {
        for (let x = 10; x < box.width - 10 && !empty; x += 7) {
          let clear = uncovered(x, y);
          for (let dy = -4; dy <= 4 && clear; dy++)
            for (let dx = -4; dx <= 4 && clear; dx++) clear = alphaAt(x + dx, y + dy) === 0;
          if (clear) empty = { x, y };
        }
      }
      // Inside a district, away from rivers and names: the south of Youyang.
      const youyang = map.project([108.95, 28.6]);
      return {
        empty: empty && { x: box.left + empty.x, y: box.top + empty.y },
        district: {
          x: box.left + youyang.x,
          y: box.top + youyang.y,
          alpha: alphaAt(youyang.x, youyang.y),
          uncovered: uncovered(youyang.x, youyang.y),
        },
      };
    });
    expect(spots.empty, 'an empty spot on the canvas').not.toBeNull();
    expect(spots.district, 'a district is drawn opaque').toMatchObject({ alpha: 255, uncovered: true });
    // What the browser composited at a point: page, canvas and container together.
    const shown = async (spot: { x: number; y: number }) => {
      const clip = { x: Math.round(spot.x), y: Math.round(spot.y), width: 1, height: 1 };
      return [...PNG.sync.read(await page.screenshot({ clip })).data.subarray(0, 3)];
    };
    const near = (actual: number[], expected: number[]) =>
      actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= 2);
    const land = channels(COLOURS.background);
    const empty = await shown(spots.empty as { x: number; y: number });
    expect(near(empty, land), `land colour ${land} shown, ${empty}`).toBe(true);
    const district = await shown(spots.district);
    expect(near(district, channels(COLOURS.districtFill)), `district fill shown, ${district}`).toBe(true);
    await page.context().close();
  });
});

describe('URL state', () => {
  it('a pasted URL reproduces the screen', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en&layers=districts,wan-kai-yun&sel=wan-kai-yun#map=8.5/30.9/108.5`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => popupTitle(page).innerText()).toBe('Wan-Kai-Yun cluster');
    const view = await page.evaluate(() => {
      const map = window.__atlas?.adapter.map;
      return map ? [map.getZoom(), map.getCenter().lat, map.getCenter().lng] : [];
    });
    expect(view[0]).toBeCloseTo(8.5, 2);
    expect(view[1]).toBeCloseTo(30.9, 3);
    expect(view[2]).toBeCloseTo(108.5, 3);
    const shown = await page.evaluate(() =>
      ['theme-wan-kai-yun-fill', 'urban-system-fill'].map((id) => window.__atlas?.adapter.isShown(id)),
    );
    expect(shown).toEqual([true, false]);
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
    await expect.poll(() => featureState(page, '500103')).toMatchObject({ selected: false });
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
    expect(await page.evaluate(() => window.__atlas?.adapter.isShown('urban-system-fill'))).toBe(true);
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
    await page.getByRole('button', { name: 'About' }).click();
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
    expect(names).toContain('Wanzhou');
    for (const name of names) expect(name).not.toMatch(HAN);
    expect(await page.locator('.map-labels').getAttribute('lang')).toBe('en');
    await page.context().close();
  });
});

describe('place names on the map', () => {
  /** The shown labels' boxes, and where the map puts the point each names. */
  const shownLabels = (page: Page) =>
    page.evaluate(() => {
      const atlas = window.__atlas;
      if (!atlas) throw new Error('no atlas');
      const map = atlas.adapter.map;
      const origin = map.getContainer().getBoundingClientRect();
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
    // Each district's name stands over that district: the map's hit layer finds it under the name's centre.
    const misplaced = await page.evaluate(
      (shown) => {
        const map = window.__atlas?.adapter.map;
        if (!map) throw new Error('no atlas');
        return shown
          .filter((label) => label.id.startsWith('district:'))
          .filter((label) => {
            const hit = map.queryRenderedFeatures([(label.left + label.right) / 2, (label.top + label.bottom) / 2], {
              layers: ['districts-hit'],
            })[0];
            return String(hit?.id) !== label.id.slice('district:'.length);
          })
          .map((label) => label.id);
      },
      labels.map(({ id, left, right, top, bottom }) => ({ id, left, right, top, bottom })),
    );
    expect(misplaced).toEqual([]);
    // Decorative for assistive technology (the place list names every place), and click-through.
    expect(await page.locator('.map-labels').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('.map-labels').evaluate((element) => getComputedStyle(element).pointerEvents)).toBe(
      'none',
    );
    // No text in the WebGL style: nothing for MapLibre to rasterise or place.
    expect(
      await page.evaluate(
        () => window.__atlas?.adapter.map.getStyle().layers.filter((layer) => layer.type === 'symbol').length,
      ),
    ).toBe(0);
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
    // Pan by a known number of pixels: the name moves with its district, in the same frame.
    const moved = await page.evaluate(
      () =>
        new Promise<{ dx: number; dy: number }>((resolve) => {
          const map = window.__atlas?.adapter.map;
          if (!map) throw new Error('no atlas');
          const span = document.querySelector<HTMLElement>('[data-label="district:500101"]');
          const start = span?.getBoundingClientRect();
          map.once('render', () => {
            const end = span?.getBoundingClientRect();
            resolve({ dx: (end?.left ?? 0) - (start?.left ?? 0), dy: (end?.top ?? 0) - (start?.top ?? 0) });
          });
          map.panBy([-60, -40], { animate: false });
        }),
    );
    expect(Math.abs(moved.dx - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(moved.dy - 40)).toBeLessThanOrEqual(1);
    const central = (labels: { id: string }[]) =>
      labels.filter((label) =>
        ['500103', '500104', '500105', '500106', '500107', '500108'].includes(label.id.split(':')[1] ?? ''),
      ).length;
    await page.evaluate(() => window.__atlas?.adapter.map.jumpTo({ center: [106.55, 29.56], zoom: 10 }));
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
    await page.getByRole('checkbox', { name: /科创走廊/ }).check();
    await waitForMapIdle(page);
    await expect.poll(nodeNames).toContain('西部（重庆）科学城');
    await page.getByRole('checkbox', { name: /科创走廊/ }).uncheck();
    await expect.poll(nodeNames).toEqual([]);
    await page.context().close();
  });

  it('mark the thematic nodes in HTML: shown with their layer, clickable, and the corridor line emphasised when selected', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    const markers = page.locator('.map-node:visible');
    expect(await markers.count()).toBe(0);
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('checkbox', { name: /科创走廊/ }).check();
    await waitForMapIdle(page);
    await expect.poll(() => markers.count()).toBe(3);
    // Each marker stands on its node's point, and its ring is white.
    const offsets = await page.evaluate(() => {
      const adapter = window.__atlas?.adapter;
      const canvas = adapter?.map.getCanvas().getBoundingClientRect();
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
    });
    for (const offset of offsets) expect(offset.ring).toBe('rgb(255, 255, 255)');
    // A click on a marker selects the place the corridor stands for, and draws its line wider.
    const first = offsets[0] as { x: number; y: number };
    const canvasBox = await page.locator('.maplibregl-canvas').boundingBox();
    await page.mouse.click((canvasBox?.x ?? 0) + first.x, (canvasBox?.y ?? 0) + first.y);
    await expect.poll(() => params(page).get('sel')).toBe('science-corridor');
    await expect.poll(() => popupTitle(page).innerText()).toBe('科创走廊');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window.__atlas?.adapter.map.getFeatureState({ source: 'thematic', id: 'science-corridor-link' }),
        ),
      )
      .toEqual({ selected: true });
    await page.getByRole('checkbox', { name: /科创走廊/ }).uncheck();
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
    await page.locator('#place-browser button[data-place="500236"]').click();
    const moving = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => resolve(window.__atlas?.adapter.map.isMoving() ?? true)),
        ),
    );
    expect(moving).toBe(false);
    const centre = await page.evaluate(() => window.__atlas?.adapter.map.getCenter().toArray());
    // Fengjie lies around 109.5°E, 31°N.
    expect(centre?.[0]).toBeGreaterThan(109);
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
      const mapBox = await page.locator('.maplibregl-canvas').boundingBox();
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
      await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
      await waitForMapIdle(page);
      const popupBox = await page.locator('.maplibregl-popup').boundingBox();
      expect(popupBox?.x).toBeGreaterThanOrEqual(0);
      expect((popupBox?.x ?? 0) + (popupBox?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect(popupBox?.y).toBeGreaterThanOrEqual(0);
      expect((popupBox?.y ?? 0) + (popupBox?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-wanzhou.png` });
      if (name === 'phone') {
        // The sheet makes way for the popup and can be opened again with its handle.
        const toggle = page.locator('.sheet-toggle');
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('#place-search').isVisible()).toBe(true);
      }
      await page.context().close();
    });
  }
});
