/**
 * End to end: what the articles say reaches the reader by place and by passage,
 * and text from data stays text.
 */
import { describe, expect, inject, it } from 'vitest';
import { loadArticles } from '../support/artifacts';
import { fullDetails, mapView, openAtlas, popupTitle, published, waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

describe('a place', () => {
  it('?sel=500101 (Wanzhou) shows the Wan-Kai-Yun passage on 铁峰山 and figures with their sources', async () => {
    const { page, log } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500101`);
    await expect.poll(() => popupTitle(page).innerText()).toBe('万州区');
    const box = await fullDetails(page);
    const quote = box.locator('blockquote', { hasText: '铁峰山' });
    expect(await quote.count()).toBe(1);
    // The blockquote holds only the quoted words and cites the passage; the article is named beside it.
    expect(await quote.innerText()).toBe('打通铁峰山，建设连接万州与开州的快速通道，拓展万州发展空间');
    expect(await quote.getAttribute('cite')).toBe('?passage=a4-tiefengshan-road');
    const article = box.locator('.popup-article').filter({ has: page.locator('blockquote', { hasText: '铁峰山' }) });
    expect(await article.locator('h4').innerText()).toContain('卢向虎');
    const figures = box.locator('.figure');
    expect(await figures.count()).toBeGreaterThan(0);
    const first = await figures.first().innerText();
    expect(first).toMatch(/来源/);
    expect(first).toMatch(/\[\d+\]|文章/);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows "no data" for a value the facts table lacks, never a number', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500104&lang=en`);
    const resident = (await fullDetails(page)).locator('.figure', { hasText: 'resident population, end of 2023' });
    expect(await resident.count()).toBe(1);
    expect(await resident.locator('.figure-value').innerText()).toBe('no data');
    await page.context().close();
  });

  it('gives figure years in the page’s language: Chinese on the Chinese page, English on the English', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500103`);
    let box = await fullDetails(page);
    expect(await box.locator('[data-figure="a1-yuzhong-land-area"]').innerText()).toContain('2025年（文章所述）');
    expect(await box.innerText()).toContain('现行（来源未注明日期）');
    expect(await box.innerText()).not.toMatch(/as stated in the article|source undated/);
    await openAtlas(page, `${atlasUrl}?sel=500103&lang=en`);
    box = await fullDetails(page);
    expect(await box.locator('[data-figure="a1-yuzhong-land-area"]').innerText()).toContain(
      '2025 (as stated in the article)',
    );
    await page.context().close();
  });

  it('"read in context" opens the reader at the passage and lights up its places', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500101`);
    const quote = (await fullDetails(page)).locator('.passage', { hasText: '铁峰山' });
    await quote.getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('passage')).toBe('a4-tiefengshan-road');
    const mark = page.locator('.reader a.passage-mark[aria-current="true"]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.innerText()).toContain('打通铁峰山');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('文章');
    await page.context().close();
  });
});

describe('the reader', () => {
  it('choosing a passage highlights its places on the map and moves the view to them', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}#map=11/29.55/106.55`);
    await page.getByRole('tab', { name: '文章' }).click();
    await page.locator('#reader-article').selectOption('a4');
    const passage = page.locator('a.passage-mark[data-passage="a4-tiefengshan-road"]');
    await passage.click();
    await waitForMapIdle(page);
    // The outline follows the passage's text by a frame (see applyHighlightsAfterPaint).
    await expect.poll(() => published(page, 'passagePlaces')).toBe('500101,500154');
    await waitForMapIdle(page);
    const centre = await mapView(page);
    expect(centre.lon).toBeGreaterThan(107.8);
    expect(centre.lat).toBeGreaterThan(30.5);
    expect(new URL(page.url()).searchParams.get('passage')).toBe('a4-tiefengshan-road');
    await page.context().close();
  });

  it('shows article 4 with its topic marked as such, not a title', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en`);
    await page.getByRole('tab', { name: 'Articles' }).click();
    await page.locator('#reader-article').selectOption('a4');
    const heading = page.locator('.article-meta h3');
    await expect.poll(() => heading.innerText()).toMatch(/^Topic \(the page text we have gives no title\):/);
    const paragraphs = loadArticles().articles.find((article) => article.id === 'a4')?.paragraphs ?? [];
    expect(paragraphs.length).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.article-text p').count()).toBe(paragraphs.length);
    await page.context().close();
  });
});

describe('text from data', () => {
  it('renders a passage containing markup as inert text', async () => {
    const { page, log } = await newLoggedPage(browser());
    const payload = '<img src=x onerror="window.__xss = 1">万州';
    await page.route(/\/assets\/content-[^/]+\.json$/, async (route) => {
      const response = await route.fetch();
      const content = await response.json();
      content.passages.push({
        id: 'fixture-xss',
        article: 'a4',
        quote: payload,
        translationEn: '<script>window.__xss = 2</script>',
        places: ['500101'],
        layers: ['population'],
        figures: [],
      });
      await route.fulfill({ response, json: content });
    });
    await openAtlas(page, `${atlasUrl}?sel=500101&lang=en`);
    const details = await fullDetails(page);
    const quote = details.locator('blockquote', { hasText: 'onerror' });
    await expect.poll(() => quote.count()).toBe(1);
    expect(await quote.innerText()).toBe(payload);
    expect(await details.locator('img, script').count()).toBe(0);
    expect(await details.innerText()).toContain('<script>window.__xss = 2</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});
