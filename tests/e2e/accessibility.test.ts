/**
 * axe-core on the real pages: no serious or critical violation on the main view, with a
 * popup open, with the reader open, and in English.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { openAtlas, popup } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

describe('accessibility (axe)', () => {
  it('main view', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('with a popup open', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?sel=500101`);
    await expect.poll(() => popup(page).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('with the reader open at a passage', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?passage=a4-tiefengshan-road`);
    await expect.poll(() => page.locator('.passage-mark.current').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('in English, with the layers tab and a popup', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, `${atlasUrl}?lang=en&sel=wan-kai-yun&layers=districts,population,wan-kai-yun`);
    await page.getByRole('tab', { name: 'Layers' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('with the about dialog open', async () => {
    const { page } = await newLoggedPage(browser());
    await openAtlas(page, atlasUrl);
    await page.getByRole('button', { name: '关于', exact: true }).click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await page.context().close();
  });

  it('on a phone', async () => {
    const { page } = await newLoggedPage(browser(), {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await openAtlas(page, atlasUrl);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
