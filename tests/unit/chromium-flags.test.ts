import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, DISABLED_FEATURES, disableFeaturesFlag } from '../e2e/support/browser';

/** The features Playwright switches off, read from its bundle (its list is not exported). */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(
    join(dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'),
    'utf8',
  );
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1];
  if (!list) throw new Error('playwright-core no longer declares `disabledFeatures = [...]`: check the flags by hand');
  return [...list.matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((match) => match[1] as string);
}

describe('Chromium flags', () => {
  it('pass one --disable-features switch (Chromium keeps only the last one)', () => {
    expect(CHROMIUM_FLAGS.filter((flag) => flag.startsWith('--disable-features='))).toHaveLength(1);
  });

  it('still switch off everything Playwright does, as ours overrides its switch', () => {
    const playwright = playwrightDisabledFeatures();
    expect(playwright.length).toBeGreaterThan(5);
    expect(playwright.filter((feature) => !DISABLED_FEATURES.includes(feature))).toEqual([]);
  });

  it("merge another launcher's features into the one switch", () => {
    const flag = disableFeaturesFlag(['--headless', '--disable-features=Translate,MediaRouter']);
    const features = flag.replace('--disable-features=', '').split(',');
    expect(features).toContain('Translate');
    expect(features).toContain('WebUIOmniboxPopup');
    expect(features.filter((feature) => feature === 'MediaRouter')).toHaveLength(1);
  });
});
