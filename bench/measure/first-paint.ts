/**
 * One cold load of one page up to its first map paint, on an unthrottled or a throttled network:
 * when the map was first painted (an SVG map or the map engine's first draw, see the probe), the
 * page's paint timing, and what the browser had to download before that paint.
 *
 * What the paint needed depends on what drew it. An SVG map in the HTML is painted once the HTML
 * and the render-blocking stylesheets and scripts have arrived: those are its bytes, and whatever
 * else arrived before the paint (preloads, the map engine's first chunks) did not hold it back and
 * is counted apart. A map drawn by the page's script needed everything that arrived before it:
 * the script, the engine, its worker and the data (an upper bound: an unrelated request that
 * happened to finish first is counted too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { type BuiltPage, isAtlasPage } from '../types';
import type { RequestSpan } from './network';

export const NETWORKS = ['none', 'slow-4g'] as const;
export type NetworkName = (typeof NETWORKS)[number];

/**
 * Lighthouse's mobile "slow 4G" (its simulated throttling's figures): 150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up. CDP takes bytes per second and applies the latency per request.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/** One finished request, on the page's clock. */
export interface PaintRequest {
  path: string;
  span: RequestSpan;
  /** Body bytes on the wire, as the server sent them (its precompressed .br/.gz where it has them). */
  transfer: number;
  /** The navigation's document. */
  document: boolean;
  /** Held the page's rendering back (Chromium's renderBlockingBehavior: Blocking or InBodyParserBlocking). */
  renderBlocking: boolean;
  /** The path of the file that asked for it (the HTML for the parser, a script for fetch), where Chromium says. */
  initiator?: string;
}

export interface RequestTotals {
  /** gzip -9 of the files (each once), as the benchmark's build counts them; wire bytes for unknown files. */
  gzip: number;
  transfer: number;
  requests: number;
  /** The longest chain of these requests each asked for by the one before (dependencyDepth). */
  depth: number;
  paths: string[];
}

export interface PaintBytes {
  /** What the first map paint waited for. */
  needed: RequestTotals;
  /** What also arrived before it without holding it back (preloads, the engine's first chunks). */
  alsoArrived: RequestTotals;
}

/** A built file's gzip size, all categories together; undefined for a file the build lacks. */
export type GzipOf = (path: string) => number | undefined;

/**
 * The longest chain of requests each asked for by the one before: the round trips a slow network
 * pays one after another. A request's parent is the file Chromium names as its initiator; where it
 * names none in the set (the document, a worker's fetch), any request that had arrived before it
 * started counts as its parent (network.ts's rule, an upper bound).
 */
export function dependencyDepth(requests: readonly PaintRequest[]): number {
  const byPath = new Map(requests.map((request) => [request.path, request]));
  const depths = new Map<PaintRequest, number>();
  const depthOf = (request: PaintRequest, chain: Set<PaintRequest>): number => {
    const known = depths.get(request);
    if (known !== undefined) return known;
    const parent = request.initiator === undefined ? undefined : byPath.get(request.initiator);
    const parents =
      parent && parent !== request && !chain.has(parent)
        ? [parent]
        : requests.filter((other) => other !== request && other.span.end <= request.span.start);
    const next = new Set(chain).add(request);
    const depth = 1 + Math.max(0, ...parents.map((other) => depthOf(other, next)));
    depths.set(request, depth);
    return depth;
  };
  return Math.max(0, ...requests.map((request) => depthOf(request, new Set())));
}

function totalsOf(requests: readonly PaintRequest[], gzipOf: GzipOf): RequestTotals {
  const paths = [...new Set(requests.map((request) => request.path))];
  const wire = (path: string) =>
    requests.filter((request) => request.path === path).reduce((sum, request) => sum + request.transfer, 0);
  return {
    gzip: paths.reduce((sum, path) => sum + (gzipOf(path) ?? wire(path)), 0),
    transfer: requests.reduce((sum, request) => sum + request.transfer, 0),
    requests: requests.length,
    depth: dependencyDepth(requests),
    paths,
  };
}

/**
 * Splits the requests finished by `paintAt` into those the paint needed and the rest (see the
 * header). `svgInHtml`: the map painted was the SVG the HTML carries.
 */
export function accountPaintBytes(
  requests: readonly PaintRequest[],
  paintAt: number,
  svgInHtml: boolean,
  gzipOf: GzipOf,
): PaintBytes {
  const arrived = (request: PaintRequest) => request.span.end <= paintAt;
  // The HTML counts whole even when the browser painted its first part before the rest arrived. A
  // render-blocking request asked for before the paint had arrived by then, whatever the network
  // log's clock (the browser's, not the page's) says of its last bytes.
  const needed = requests.filter((request) =>
    svgInHtml
      ? request.document || (request.renderBlocking && request.span.start <= paintAt)
      : request.document || arrived(request),
  );
  const alsoArrived = requests.filter((request) => !needed.includes(request) && arrived(request));
  return { needed: totalsOf(needed, gzipOf), alsoArrived: totalsOf(alsoArrived, gzipOf) };
}

/** Whether a page's HTML carries an SVG map (shapes with `data-id`) that paints without script. */
export function htmlCarriesSvgMap(html: string): boolean {
  return /<svg[\s>][\s\S]*?\sdata-id=/.test(html);
}

export interface FirstPaintSample {
  network: NetworkName;
  /** From navigation start to the first paint of the map. */
  mapPaintMs: number;
  /** An SVG map, or the map engine's first draw (MapLibre's first idle with the districts drawn). */
  paintedBy: 'svg' | 'engine';
  fcpMs: number | null;
  lcpMs: number | null;
  lcpElement: string | null;
  bytes: PaintBytes;
  /** Every request finished by the time the paint was read, on the page's clock. */
  requests: PaintRequest[];
}

const RENDER_BLOCKING = new Set(['Blocking', 'InBodyParserBlocking']);

/** A URL's path as the benchmark names files ("/" is "/index.html"); undefined for non-HTTP URLs. */
function pathOf(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const url = new URL(href);
  if (!url.protocol.startsWith('http')) return undefined;
  return url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
}

interface RequestFacts {
  renderBlocking: boolean;
  initiator?: string;
}

/** What Chromium says of each request the page makes, by URL: whether it blocks rendering, and who asked. */
async function recordRequestFacts(cdp: CDPSession): Promise<Map<string, RequestFacts>> {
  const facts = new Map<string, RequestFacts>();
  cdp.on('Network.requestWillBeSent', ({ request, initiator, renderBlockingBehavior }) => {
    // A script's request names the script whose code made it (the top of its call stack).
    let stack = initiator.stack;
    while (stack && stack.callFrames.length === 0) stack = stack.parent;
    const initiatorPath = pathOf(initiator.url ?? stack?.callFrames[0]?.url);
    facts.set(request.url, {
      renderBlocking: RENDER_BLOCKING.has(renderBlockingBehavior ?? ''),
      ...(initiatorPath === undefined ? {} : { initiator: initiatorPath }),
    });
  });
  await cdp.send('Network.enable');
  return facts;
}

export async function measureFirstPaint(
  browser: Browser,
  built: BuiltPage,
  origin: string,
  probeScript: string,
  network: NetworkName,
  mapSize: { width: number; height: number } | null,
  timeoutMs = 120_000,
): Promise<FirstPaintSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ content: probeScript });
    const finished: Promise<Omit<PaintRequest, 'renderBlocking'> & { url: string }>[] = [];
    context.on('requestfinished', (request) => {
      const path = pathOf(request.url());
      if (path === undefined) return;
      const timing = request.timing();
      const span = { start: timing.startTime, end: timing.startTime + Math.max(0, timing.responseEnd) };
      const document = request.resourceType() === 'document';
      const sized = request.sizes().then((sizes) => ({
        url: request.url(),
        path,
        span,
        document,
        // Negative for a body served from the cache after revalidation: nothing crossed the wire.
        transfer: Math.max(0, sizes.responseBodySize),
      }));
      sized.catch(() => undefined);
      finished.push(sized);
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    const facts = await recordRequestFacts(cdp);
    if (network === 'slow-4g') await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const url = new URL('/', origin);
    if (!isAtlasPage(built.name) && mapSize) {
      url.searchParams.set('w', String(Math.round(mapSize.width)));
      url.searchParams.set('h', String(Math.round(mapSize.height)));
    }
    await page.goto(url.href, { timeout: timeoutMs });
    try {
      await page.waitForFunction(() => window.__benchProbe?.firstMapPaint() != null, null, {
        timeout: timeoutMs,
        polling: 50,
      });
    } catch (error) {
      throw new Error(`bench: ${built.name} never painted its map (${errors.join('; ') || (error as Error).message})`);
    }
    const { paint, paints, timeOrigin } = await page.evaluate(() => ({
      paint: window.__benchProbe?.firstMapPaint() ?? { at: Number.NaN, by: 'engine' as const },
      paints: window.__benchProbe?.paints() ?? { fcp: null, lcp: null, lcpElement: null },
      timeOrigin: performance.timeOrigin,
    }));
    const requests: PaintRequest[] = (await Promise.all(finished)).map(({ url, span, ...request }) => ({
      ...request,
      // Playwright's request timing is wall-clock ms; the page's, ms since its time origin.
      span: { start: span.start - timeOrigin, end: span.end - timeOrigin },
      renderBlocking: facts.get(url)?.renderBlocking ?? false,
      ...(facts.get(url)?.initiator === undefined ? {} : { initiator: facts.get(url)?.initiator }),
    }));
    const svgInHtml = paint.by === 'svg' && htmlCarriesSvgMap(readFileSync(join(built.dir, 'index.html'), 'utf8'));
    const gzipOf: GzipOf = (path) => {
      const file = built.files[path];
      return file && Object.values(file).reduce((sum, part) => sum + part.gzip, 0);
    };
    return {
      network,
      mapPaintMs: paint.at,
      paintedBy: paint.by,
      fcpMs: paints.fcp,
      lcpMs: paints.lcp,
      lcpElement: paints.lcpElement,
      bytes: accountPaintBytes(requests, paint.at, svgInHtml, gzipOf),
      requests,
    };
  } finally {
    await context.close();
  }
}
