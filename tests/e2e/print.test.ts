/**
 * Printing: with print media, the page shows only the print view (the map as SVG with its
 * legend, the selected place and its passages, the credits; no buttons), and Chromium's PDF
 * of it on A4 landscape has one or two pages. The PDF's text streams are compressed, so what
 * is printed is read from the print-media page, the PDF is checked for its pages.
 */
import { describe, expect, inject, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { PlaceIndex } from '../../src/data/place-index';
import { loadContent, loadPlaces } from '../support/artifacts';
import { waitForMapIdle } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const places = new PlaceIndex(loadPlaces());
const content = new ContentIndex(loadContent(), places);

const PRINT_VIEW = '[data-testid="print-view"]';

/** An A4 landscape page inside print.css's 10 mm margins, in CSS px (96 per inch): 277 × 190 mm. */
const A4_LANDSCAPE_AREA = { width: Math.round((277 / 25.4) * 96), height: Math.round((190 / 25.4) * 96) };

async function printed(url: string, viewport?: { width: number; height: number }) {
  const opened = await newLoggedPage(browser(), viewport ? { viewport } : {});
  await opened.page.goto(url);
  await waitForMapIdle(opened.page);
  await opened.page.emulateMedia({ media: 'print' });
  await opened.page.locator(`${PRINT_VIEW} svg path[data-id="500101"]`).waitFor({ state: 'visible' });
  return opened;
}

/** The pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** Buttons and dialogs a reader would see on the printed page. */
function visibleControls(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('button, summary, dialog, [role="dialog"], canvas')].filter(
        (element) => element.getClientRects().length > 0,
      ).length,
  );
}

describe('printing', () => {
  it('prints the map, the legend, Wanzhou and its passages on one or two A4 landscape pages', async () => {
    const { page, log } = await printed(`${atlasUrl}?sel=500101`);
    const view = page.locator(PRINT_VIEW);
    expect(await view.locator('svg path[data-id]').count()).toBeGreaterThanOrEqual(38);
    expect(await view.locator('.print-legend').innerText()).toContain('区县边界');
    expect(await view.locator('.print-place h2').innerText()).toBe('万州区');
    const details = await page.getByTestId('print-details').innerText();
    const passages = content.passagesAbout('500101');
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages) expect(details.replace(/\s/g, '')).toContain(passage.quote.replace(/\s/g, ''));
    expect(await view.innerText()).toContain('审图号');
    expect(await visibleControls(page)).toBe(0);
    expect(await page.getByTestId('map').isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps a place with many passages, in English, to two pages', async () => {
    const { page } = await printed(`${atlasUrl}?lang=en&sel=500103`);
    expect(await page.locator(`${PRINT_VIEW} .print-place h2`).innerText()).toContain('Yuzhong');
    const details = await page.getByTestId('print-details').innerText();
    const passages = content.passagesAbout('500103');
    expect(passages.length).toBeGreaterThan(10);
    expect(details).toContain(passages.at(-1)?.translationEn.slice(0, 40));
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('gives the map most of the page: its width less the legend’s column, two thirds of its height', async () => {
    // Laid out at the printed page's size, the print view is as the PDF's first page.
    const { page } = await printed(`${atlasUrl}?lang=en&layers=districts,population&sel=500101`, A4_LANDSCAPE_AREA);
    const map = await page.locator(`${PRINT_VIEW} .print-map > svg`).boundingBox();
    const legend = await page.locator(`${PRINT_VIEW} .print-side`).boundingBox();
    if (!map || !legend) throw new Error('no printed map or legend');
    expect(map.width / A4_LANDSCAPE_AREA.width).toBeGreaterThan(0.7);
    expect(map.height / A4_LANDSCAPE_AREA.height).toBeGreaterThan(0.65);
    // Beside it, the legend; and the map ends on the first page.
    expect(legend.x).toBeGreaterThanOrEqual(map.x + map.width);
    expect(map.y + map.height).toBeLessThanOrEqual(A4_LANDSCAPE_AREA.height);
    await page.context().close();
  });

  it('shows the screen again after printing', async () => {
    const { page } = await printed(atlasUrl);
    await page.emulateMedia({ media: 'screen' });
    await page.locator(PRINT_VIEW).waitFor({ state: 'detached' });
    expect(await page.getByTestId('map').isVisible()).toBe(true);
    await page.context().close();
  });
});
