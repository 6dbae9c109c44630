/**
 * One Lighthouse run (mobile: its default emulation and simulated slow-4G throttling) against a
 * served page, in the system Chromium launched for it. Its performance score here is dominated
 * by SwiftShader rasterising WebGL in software, a cost readers with a GPU do not pay: reported,
 * not chased. FCP and LCP are the figures that carry over.
 */
import { Launcher, launch } from 'chrome-launcher';
import type { Result } from 'lighthouse';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, disableFeaturesFlag } from '../../tests/e2e/support/browser';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export interface LighthouseSample {
  performanceScore: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  totalBlockingTimeMs: number | null;
  speedIndexMs: number | null;
  /** Why Lighthouse measured nothing (NO_FCP, NO_LCP), if it did not. */
  runtimeError: string | null;
}

export interface LighthouseRun {
  lhr: Result;
  /** The JSON and HTML reports. */
  reports: [string, string];
}

export async function runLighthouse(url: string, categories = LIGHTHOUSE_CATEGORIES): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    // chrome-launcher's own `--disable-features` would be overridden by ours: merged into one.
    chromeFlags: [
      ...CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--disable-features=')),
      disableFeaturesFlag(Launcher.defaultFlags()),
      '--headless',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: categories,
    });
    if (!result) throw new Error('lighthouse returned no result');
    const [json, html] = result.report as string[];
    return { lhr: result.lhr, reports: [json ?? '', html ?? ''] };
  } finally {
    chrome.kill();
  }
}

/** The figures the benchmark reports from one run. */
export function lighthouseSample(lhr: Result): LighthouseSample {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
  return {
    performanceScore: lhr.categories.performance?.score ?? null,
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    totalBlockingTimeMs: value('total-blocking-time'),
    speedIndexMs: value('speed-index'),
    runtimeError: lhr.runtimeError?.code ?? null,
  };
}
