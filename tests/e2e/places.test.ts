/**
 * The place list and search tell the truth, and switching language leaves focus where it was.
 * Observed through the DOM, the URL and ARIA only (never the map library's objects).
 */
import { describe, expect, inject, it } from 'vitest';
import { loadContent, loadPlaces } from '../support/artifacts';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const places = loadPlaces();
const content = loadContent();

/** Opens the atlas and waits until the place list is there and the map has drawn its labels. */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${atlasUrl}${query}`);
  await page.locator('#place-browser button[data-place]').first().waitFor();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.map-label-district')].some(
        (label) => getComputedStyle(label).visibility === 'visible',
      ),
    null,
    { timeout: 60_000 },
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numbers = (text: string) => text.match(/\d+/g) ?? [];

/** The ids naming one place: a district's code and the district-regions that are it. */
function idsOf(code: string): string[] {
  const aliases = places.regions.filter(
    (region) => region.kind === 'district-region' && region.members.length === 1 && region.members[0] === code,
  );
  return [code, ...aliases.map((region) => region.id)];
}

/** What the articles say about a district: directly, and (other passages) through its regions. */
function passageCounts(code: string): { direct: number; via: number; regions: string[] } {
  const own = new Set(idsOf(code));
  const direct = new Set(content.passages.filter((p) => p.places.some((id) => own.has(id))).map((p) => p.id));
  const district = places.districts.find((candidate) => candidate.code === code);
  const regionIds = (district?.regions ?? []).filter((id) => !own.has(id));
  const via = new Set<string>();
  const regions: string[] = [];
  for (const regionId of regionIds) {
    const reached = content.passages.filter((p) => p.places.includes(regionId) && !direct.has(p.id));
    if (reached.length > 0) regions.push(regionId);
    for (const passage of reached) via.add(passage.id);
  }
  return { direct: direct.size, via: via.size, regions };
}

const regionName = (id: string) => places.regions.find((region) => region.id === id)?.nameZh ?? id;

describe('the place list', () => {
  it('counts the passages a district has through its regions, visibly and in words', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    const reachedOnlyThroughRegions = places.districts.filter((district) => {
      const counts = passageCounts(district.code);
      return counts.direct === 0 && counts.via > 0;
    });
    // The case the list used to hide: a "0" although the popup offers a region's passages.
    expect(reachedOnlyThroughRegions.map((district) => district.code)).toContain('500229');
    for (const district of places.districts) {
      const { direct, via, regions } = passageCounts(district.code);
      if (via === 0) continue;
      const button = page.locator(`#place-browser button[data-place="${district.code}"]`).first();
      const shown = numbers(await button.innerText());
      expect(shown, district.nameZh).toContain(String(direct));
      expect(shown, district.nameZh).toContain(String(via));
      // The accessible name says where they come from: the regions, by name.
      const spoken = new RegExp(
        `^${escapeRegExp(district.nameZh)}.*${direct}.*${via}.*${regions.map((id) => escapeRegExp(regionName(id))).join('.*')}`,
      );
      expect(await page.getByRole('button', { name: spoken }).count(), district.nameZh).toBe(1);
    }
    await page.context().close();
  });

  it('lists every place once, under one name that the map labels, search and popup share', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page, '?lang=en');
    const listed = await page
      .locator('#place-browser .place-tree button[data-place]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-place') ?? ''));
    expect(listed.length).toBe(new Set(listed).size);
    for (const district of places.districts) expect(listed, district.code).toContain(district.code);
    // Yuzhong the region is Yuzhong the district: listed once, as the district.
    expect(listed).not.toContain('yuzhong');
    for (const district of places.districts) {
      const listName = await page
        .locator(`#place-browser button[data-place="${district.code}"] .place-name`)
        .innerText();
      const mapName = await page.locator(`.map-labels [data-label="district:${district.code}"]`).textContent();
      expect(mapName, district.code).toBe(listName);
    }
    const zhong = await page.locator('#place-browser button[data-place="500233"] .place-name').innerText();
    expect(zhong).toBe('Zhong County');
    await page.locator('#place-search').fill('zhongxian');
    const option = page.locator('#place-search-results [role="option"]').first();
    await expect.poll(() => option.innerText()).toContain('Zhong County');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.maplibregl-popup .popup h2').innerText()).toBe('Zhong County');
    await page.context().close();
  });

  it('opens the same details for sel=yuzhong and sel=500103, with the region’s passages', async () => {
    const { page } = await newLoggedPage(browser());
    const details = async (sel: string) => {
      await open(page, `?sel=${sel}`);
      const popup = page.locator('.maplibregl-popup .popup');
      await expect.poll(() => popup.locator('h2').innerText()).toBe('渝中区');
      const passages = await popup
        .locator('[data-passage]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-passage')));
      return { text: await popup.innerText(), passages };
    };
    const viaRegion = await details('yuzhong');
    const viaDistrict = await details('500103');
    expect(viaRegion.text).toBe(viaDistrict.text);
    const aboutRegion = new Set(content.passages.filter((p) => p.places.includes('yuzhong')).map((p) => p.id));
    expect(viaRegion.passages.some((id) => id !== null && aboutRegion.has(id))).toBe(true);
    // The list marks the one entry, whichever id the link used; the URL then names the place by that entry's id.
    await open(page, '?sel=yuzhong');
    expect(await page.locator('#place-browser button[aria-current="true"]').getAttribute('data-place')).toBe('500103');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('500103');
    await page.context().close();
  });
});

describe('search', () => {
  it('says visibly, and to screen readers, when nothing matches', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    await page.locator('#place-search').fill('qqqqqq');
    const message = page.getByText('没有找到匹配的地点');
    await message.waitFor();
    const box = await message.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(40);
    expect(box?.height ?? 0).toBeGreaterThan(10);
    expect(await message.evaluate((node) => node.closest('[aria-live]') !== null)).toBe(true);
    await page.context().close();
  });

  it('goes from the box to the first hit with ArrowDown, then to the next', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    const input = page.locator('#place-search');
    await input.fill('江');
    const options = page.locator('#place-search-results [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await page.context().close();
  });

  it('marks the characters the query matched, in both names', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    await page.locator('#place-search').fill('wanzhou');
    const first = page.locator('#place-search-results [role="option"]').first();
    await expect.poll(() => first.locator('mark').count()).toBe(2);
    expect(await first.locator('mark').allInnerTexts()).toEqual(['万州', 'Wanzhou']);
    // Marks hold text only.
    expect(await first.locator('mark *').count()).toBe(0);
    await page.locator('#place-search').fill('wz');
    await expect.poll(() => first.locator('mark').allInnerTexts()).toEqual(['万州']);
    await page.context().close();
  });
});

describe('the map on a desktop', () => {
  it('names the district under the mouse beside the pointer, with a pointer cursor', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    const label = page.locator('.map-labels [data-label="district:500101"]');
    await label.waitFor({ state: 'visible' });
    const box = await label.boundingBox();
    if (!box) throw new Error('no label for Wanzhou');
    // The labels let the pointer through to the map underneath.
    const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(pointer.x, pointer.y, { steps: 4 });
    const tooltip = page.locator('.map-hover-name');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toBe('万州区');
    // Beside the pointer, not somewhere else on the map.
    const near = await tooltip.boundingBox();
    expect(Math.abs((near?.y ?? 0) - pointer.y)).toBeLessThan(40);
    expect(
      Math.min(Math.abs((near?.x ?? 0) - pointer.x), Math.abs((near?.x ?? 0) + (near?.width ?? 0) - pointer.x)),
    ).toBeLessThan(40);
    const cursor = () =>
      page.locator('.maplibregl-canvas').evaluate((canvas) => getComputedStyle(canvas as HTMLElement).cursor);
    expect(await cursor()).toBe('pointer');
    const panel = await page.locator('#place-browser').boundingBox();
    if (!panel) throw new Error('no place list');
    await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2, { steps: 4 });
    await expect.poll(() => tooltip.count()).toBe(0);
    await page.context().close();
  });
});

describe('switching language', () => {
  it('keeps focus on the language button while a place is open', async () => {
    const { page } = await newLoggedPage(browser());
    await open(page);
    await page.locator('#place-browser button[data-place="500229"]').click();
    const popup = page.locator('.maplibregl-popup .popup');
    await expect.poll(() => popup.locator('h2').innerText()).toBe('城口县');
    // Choosing from the list moves focus into the details (the reader asked for them).
    expect(await page.evaluate(() => document.activeElement?.closest('.popup') !== null)).toBe(true);
    const languageButton = page.getByRole('button', { name: 'Switch to English' });
    await languageButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => popup.locator('h2').innerText()).toBe('Chengkou County');
    // Two frames later too: nothing moves focus after the render either.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('切换到中文');
    await page.keyboard.press('Enter');
    await expect.poll(() => popup.locator('h2').innerText()).toBe('城口县');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Switch to English');
    await page.context().close();
  });
});
