/**
 * A place's details are readable on a phone and on a desktop: on a phone in the bottom sheet,
 * the way phone map apps show a place card, with the place framed in the map above it; on a
 * desktop in a popup clear of the map's controls, summarised when it would be taller than
 * the map. Observed through the DOM, element boxes and `elementFromPoint` only.
 */
import { describe, expect, inject, it } from 'vitest';
import { loadPlaces } from '../support/artifacts';
import { mapSelection, openAtlas, waitForMapIdle } from './support/atlas-driver';
import { type Browser, newLoggedPage, type Page, useBrowser } from './support/browser';
import { inside, placeOnScreen, visibleMapRect } from './support/visible-map';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const places = loadPlaces();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

/** Every place a reader can select: the 38 districts and every region. */
const everyPlace = [
  ...places.districts.map((district) => ({ id: district.code, names: [district.nameZh] })),
  ...places.regions.map((region) => ({
    id: region.id,
    // A region that is one district (Yuzhong) opens as that district.
    names: [
      region.nameZh,
      ...(region.members.length === 1
        ? places.districts.filter((district) => district.code === region.members[0]).map((d) => d.nameZh)
        : []),
    ],
  })),
];

const SHEET_DETAILS = '.panel-details .popup';
const POPUP = '.maplibregl-popup .popup';

async function openPage(options: typeof PHONE | typeof DESKTOP, query = ''): Promise<Page> {
  const { page } = await newLoggedPage(browser() as Browser, { ...options, reducedMotion: 'reduce' });
  await openAtlas(page, `${atlasUrl}${query}`);
  return page;
}

/** Selects a place as a link followed through history would. */
async function selectThroughHistory(page: Page, id: string): Promise<void> {
  await page.evaluate((sel) => {
    history.pushState(null, '', `?sel=${encodeURIComponent(sel)}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, id);
}

/**
 * What the reader sees of the details: the name, and the first passage (or the line through a
 * region, or the "no passage" line), each inside the viewport and the topmost element at its
 * first line, after layout has settled for two frames.
 */
function readability(page: Page, container: string) {
  return page.evaluate(async (selector) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const root = document.querySelector(selector);
    if (!root) return { name: null, problems: ['no details shown'] };
    const problems: string[] = [];
    const check = (element: Element | null, what: string) => {
      if (!element) {
        problems.push(`no ${what}`);
        return;
      }
      const box = element.getBoundingClientRect();
      const point = { x: box.left + Math.min(12, box.width / 2), y: box.top + Math.min(10, box.height / 2) };
      if (box.left < 0 || box.right > innerWidth || box.top < 0 || point.y > innerHeight)
        problems.push(`${what} outside the viewport (${Math.round(box.left)},${Math.round(box.top)})`);
      const top = document.elementFromPoint(point.x, point.y);
      if (!top || !(element === top || element.contains(top)))
        problems.push(`${what} covered by ${top ? `${top.tagName}.${top.className}` : 'nothing'}`);
    };
    const name = root.querySelector('.popup-header h2');
    check(name, 'name');
    check(root.querySelector('.passage, .popup-via > summary, .popup-empty'), 'first passage');
    return { name: name?.textContent ?? null, problems };
  }, container);
}

describe('a place’s details are readable', () => {
  for (const [screen, options, container] of [
    ['390×844 phone', PHONE, SHEET_DETAILS],
    ['1280×800 desktop', DESKTOP, POPUP],
  ] as const) {
    it(`on a ${screen}: every district's and region's name and first passage are in view, uncovered`, async () => {
      const page = await openPage(options);
      const failures: string[] = [];
      for (const place of everyPlace) {
        await selectThroughHistory(page, place.id);
        await page.waitForFunction(
          ({ selector, names }) =>
            names.includes(document.querySelector(`${selector} .popup-header h2`)?.textContent ?? ''),
          { selector: container, names: place.names },
        );
        const seen = await readability(page, container);
        if (seen.problems.length > 0) failures.push(`${place.id}: ${seen.problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
      await page.context().close();
    }, 180_000);
  }
});

describe('on a 390×844 phone', () => {
  it('a place chosen from the list opens as a card in the open sheet, framed in the map above it', async () => {
    const page = await openPage(PHONE);
    const toggle = page.locator('.sheet-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#place-browser button[data-place="500117"]').first().click();
    await expect.poll(() => page.locator(`${SHEET_DETAILS} .popup-header h2`).textContent()).toBe('合川区');
    // The sheet the reader was using stays open, and no popup covers the map.
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    await waitForMapIdle(page);
    expect(await mapSelection(page)).toBe('500117');
    const hechuan = places.districts.find((district) => district.code === '500117');
    if (!hechuan) throw new Error('no Hechuan');
    const { box } = await placeOnScreen(page, hechuan.bbox);
    const visible = await visibleMapRect(page);
    expect(visible.bottom - visible.top, 'the map above the sheet').toBeGreaterThan(250);
    expect(inside(box, visible), `${JSON.stringify(box)} inside ${JSON.stringify(visible)}`).toBe(true);
    // Closing the card goes back to the list, in the same open sheet.
    await page.locator(`${SHEET_DETAILS} .popup-close`).click();
    await expect.poll(() => page.locator('#place-search').isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
  });

  it('a collapsed sheet opens on a chosen place’s card; dragging it up reads on', async () => {
    const page = await openPage(PHONE);
    const toggle = page.locator('.sheet-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await selectThroughHistory(page, '500101');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator(`${SHEET_DETAILS} .popup-header h2`).textContent()).toBe('万州区');
    const before = await page.getByTestId('panel').boundingBox();
    const handle = await toggle.boundingBox();
    if (!before || !handle) throw new Error('no sheet');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y - 250, { steps: 5 });
    await page.mouse.up();
    const after = await page.getByTestId('panel').boundingBox();
    expect(after?.height ?? 0).toBeGreaterThan(before.height + 200);
    await page.context().close();
  });

  it('“read in context” opens the sheet to the reader at that passage', async () => {
    const page = await openPage(PHONE, '?sel=500101');
    const card = page.locator(SHEET_DETAILS);
    await expect.poll(() => card.locator('.popup-header h2').textContent()).toBe('万州区');
    const passage = card.locator('.passage').first();
    const id = await passage.getAttribute('data-passage');
    await passage.getByRole('button', { name: '在原文中阅读' }).click();
    await expect.poll(() => page.getByRole('tab', { name: '文章' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.sheet-toggle').getAttribute('aria-expanded')).toBe('true');
    const mark = page.locator(`.passage-mark.current[data-passage="${id}"]`);
    await expect
      .poll(() =>
        mark.evaluate((element) => {
          // An inline mark can wrap: its first line is where reading starts.
          const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + 4, box.top + 4);
          return box.top >= 0 && box.bottom <= innerHeight && top !== null && element.contains(top);
        }),
      )
      .toBe(true);
    await page.context().close();
  });
});

describe('the header bar on a 390×844 phone', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`leaves the map its room in ${lang}: the title in at most two lines, every action a named button`, async () => {
      const page = await openPage(PHONE, `?lang=${lang}`);
      const title = page.locator('.app-titles h1');
      const lines = await title.evaluate((heading) => {
        const lineHeight = Number.parseFloat(getComputedStyle(heading).lineHeight);
        return Math.round(heading.getBoundingClientRect().height / lineHeight);
      });
      expect(lines).toBeLessThanOrEqual(2);
      // The buttons stay inside the bar, beside the title, not under or beyond it.
      const header = await page.locator('.app-header').boundingBox();
      const actions = await page.locator('.app-actions').boundingBox();
      expect(actions && header && actions.x + actions.width).toBeLessThanOrEqual(390);
      expect(header?.height).toBeLessThanOrEqual(64);
      const names = lang === 'en' ? ['Share', 'Embed', 'About'] : ['分享', '嵌入', '关于'];
      for (const name of names)
        await expect.poll(() => page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
      await page.context().close();
    });
  }
});

describe('on a 1280×800 desktop', () => {
  it('a popup taller than the map shows a summary; “read all” opens the full list in the panel', async () => {
    const page = await openPage(DESKTOP, '?sel=500103');
    const popup = page.locator(POPUP);
    await expect.poll(() => popup.getAttribute('data-summary')).toBe('true');
    const mapBox = await page.locator('[data-testid="map"]').boundingBox();
    const popupBox = await page.locator('.maplibregl-popup').boundingBox();
    expect(popupBox?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(mapBox?.height ?? 0);
    // Regions, area, a count per article and the first passage.
    expect(await popup.locator('.popup-facts').count()).toBe(1);
    expect(await popup.locator('.popup-counts li').count()).toBeGreaterThan(0);
    expect(await popup.locator('.passage').count()).toBe(1);
    const readAll = popup.locator('.read-all');
    const total = Number((await readAll.textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(10);
    await readAll.click();
    const full = page.locator(SHEET_DETAILS);
    await expect.poll(() => full.locator('.popup-header h2').textContent()).toBe('渝中区');
    expect(await full.locator('.passage').count()).toBe(total);
    await page.context().close();
  });
});
