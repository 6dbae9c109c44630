/**
 * axe-core on the real pages: no serious or critical violation in any distinct screen state
 * (search with and without results, a place's details, the phone's sheet open, the reader,
 * the layers, the Embed and About dialogs), on a phone and a desktop, in Chinese and English.
 * One page per screen size and language steps through the states as a reader would.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { translate } from '../../src/i18n/messages';
import type { Lang } from '../../src/types/atlas-data';
import { mapSelection, openAtlas } from './support/atlas-driver';
import { newLoggedPage, type Page, useBrowser } from './support/browser';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();

interface Violation {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
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

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;

/** Steps through every distinct screen state; returns the serious violations found in each. */
async function violationsByState(page: Page, lang: Lang, phone: boolean): Promise<Record<string, Violation[]>> {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const found: Record<string, Violation[]> = {};
  // Controls are used from the keyboard: where a phone's overlays sit is other tests' subject.
  const activate = async (control: ReturnType<Page['locator']>) => {
    await control.focus();
    await page.keyboard.press('Enter');
  };
  const check = async (state: string) => {
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[state] = violations;
  };

  await check('first view');

  if (phone) {
    const legend = page.locator('.map-legend');
    await activate(legend.locator('summary'));
    await expect.poll(() => legend.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    await check('legend open');
    await activate(legend.locator('summary'));
  }

  const search = page.getByRole('combobox', { name: t('search.label') });
  await search.fill(lang === 'zh' ? '万州' : 'wanzhou');
  await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
  await check('search with results');

  await search.fill('qqqzzzxx');
  await expect.poll(() => page.getByTestId('search-status').innerText()).toBe(t('search.noResults'));
  await check('search without results');

  await search.fill(lang === 'zh' ? '渝中' : 'yuzhong');
  await page.getByRole('option').first().click();
  await expect.poll(() => mapSelection(page)).not.toBe('');
  const readInContext = page.getByRole('button', { name: t('popup.readInContext') }).first();
  await readInContext.waitFor({ state: 'visible' });
  await check('details open');

  await activate(readInContext);
  await expect.poll(() => page.locator('.passage-mark.current').count()).toBe(1);
  // The reader's place follows: the next Tab continues in the article, not in the popup.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.matches('.passage-mark.current') ?? false))
    .toBe(true);
  await check('reader');

  if (phone) {
    const toggle = page.locator('.sheet-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await activate(toggle);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await check('sheet open');
  }

  await activate(page.getByRole('tab', { name: t('tabs.layers') }));
  await page.getByRole('radio').first().waitFor({ state: 'visible' });
  await check('layers');

  await activate(page.getByRole('button', { name: t('app.embed'), exact: true }));
  await page.locator('dialog[open] textarea').first().waitFor({ state: 'visible' });
  await check('embed dialog');
  await activate(page.locator('dialog[open]').getByRole('button', { name: t('embed.close'), exact: true }));
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

  await activate(page.getByRole('button', { name: t('app.about'), exact: true }));
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
  await check('about dialog');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  return found;
}

describe('accessibility (axe)', () => {
  for (const [screen, options] of Object.entries(SCREENS)) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${screen}, ${lang}: no serious or critical violation in any screen state`, async () => {
        const { page } = await newLoggedPage(browser(), options);
        await openAtlas(page, `${atlasUrl}?lang=${lang}`);
        expect(await violationsByState(page, lang, screen === 'phone')).toEqual({});
        await page.context().close();
      }, 240_000);
    }
  }

  it('embed page, narrow: no serious or critical violation', async () => {
    const { page } = await newLoggedPage(browser(), { viewport: { width: 320, height: 600 } });
    await openAtlas(page, `${atlasUrl}embed.html?lang=en&sel=wan-kai-yun`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
