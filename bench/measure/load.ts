/**
 * One cold load of one page in a fresh browser context (empty cache): time from navigation
 * to the map idle with its districts drawn, bytes, long tasks and the JS heap.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { type BuiltPage, isAtlasPage, type LoadSample } from '../types';
import { startCpuReading } from './cpu';
import { recordNetwork } from './network';

export interface LoadedPage {
  sample: LoadSample;
  page: Page;
  context: BrowserContext;
  cdp: CDPSession;
  /** performance.now() at idle, in the page's clock. */
  drawnAt: number;
}

const VIEWPORT = { width: 1280, height: 800 };

/** Used JS heap of the page's main thread after forced garbage collections (needs --expose-gc). */
export async function heapAfterGc(page: Page, cdp: CDPSession): Promise<number> {
  for (let round = 0; round < 3; round += 1) {
    await page.evaluate(() => (window as unknown as { gc(): void }).gc());
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function loadPage(
  browser: Browser,
  built: BuiltPage,
  origin: string,
  probeScript: string,
  mapSize: { width: number; height: number } | null,
): Promise<LoadedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: probeScript });
  const network = recordNetwork(context, built);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  // Baselines draw at the atlas's map size; the atlas lays itself out.
  const url = new URL('/', origin);
  if (!isAtlasPage(built.name) && mapSize) {
    url.searchParams.set('w', String(Math.round(mapSize.width)));
    url.searchParams.set('h', String(Math.round(mapSize.height)));
  }
  const cpuSince = startCpuReading();
  await page.goto(url.href);
  try {
    await page.waitForFunction(() => window.__benchProbe?.drawnAt != null, null, { timeout: 90_000, polling: 50 });
  } catch (error) {
    throw new Error(`bench: ${built.name} never drew its map (${errors.join('; ') || (error as Error).message})`);
  }
  const cpu = cpuSince();
  const drawnAt = await page.evaluate(() => window.__benchProbe?.drawnAt ?? Number.NaN);
  const { bytes, requests, requestDepth, paths, unknown } = await network.totals();
  if (unknown.length > 0)
    throw new Error(`bench: ${built.name} requested files its build lacks: ${unknown.join(', ')}`);
  const longTasks = (await page.evaluate(() => window.__benchProbe?.longTasks ?? [])).filter(
    (task) => task.start < drawnAt,
  );
  const size = await page.evaluate(() => {
    const element = document.querySelector('.maplibregl-canvas, .leaflet-container');
    const box = element?.getBoundingClientRect();
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  });
  const sample: LoadSample = {
    timeToIdleMs: drawnAt,
    cpuMs: cpu.allMs,
    rendererCpuMs: cpu.rendererMs,
    bytes,
    requests,
    requestDepth,
    paths,
    longTasks: {
      count: longTasks.length,
      totalMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
      maxMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    },
    heapBytes: await heapAfterGc(page, cdp),
    mapSize: size,
  };
  return { sample, page, context, cdp, drawnAt };
}
