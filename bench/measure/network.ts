/**
 * Counts what a page downloads, by category: raw and gzip sizes of each file it requested
 * (once per file), and the body bytes that actually crossed the wire (per request).
 */
import type { BrowserContext } from 'playwright-core';
import { type BuiltPage, BYTE_CATEGORIES, type ByteCategory, type CategoryBytes } from '../types';

export interface NetworkTotals {
  bytes: Record<ByteCategory, CategoryBytes>;
  requests: number;
  /** The longest chain of requests each started only after the one before it had arrived. */
  requestDepth: number;
  paths: string[];
  /** Same-origin paths the build does not know (none expected). */
  unknown: string[];
}

function emptyTotals(): Record<ByteCategory, CategoryBytes> {
  return Object.fromEntries(BYTE_CATEGORIES.map((category) => [category, { raw: 0, gzip: 0, transfer: 0 }])) as Record<
    ByteCategory,
    CategoryBytes
  >;
}

/** A request's span on the page's clock, in ms. */
export interface RequestSpan {
  start: number;
  end: number;
}

/**
 * The longest chain of requests in which each starts only once the one before it has arrived:
 * the round trips a slow network pays one after another. Read from timing alone (a request
 * that merely started after an unrelated one arrived is counted as waiting for it), so it is
 * an upper bound on the page's true dependency depth.
 */
export function requestDepth(spans: readonly RequestSpan[]): number {
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const chained: { end: number; depth: number }[] = [];
  for (const span of byStart) {
    const before = chained.filter((other) => other.end <= span.start);
    chained.push({ end: span.end, depth: 1 + Math.max(0, ...before.map((other) => other.depth)) });
  }
  return Math.max(0, ...chained.map((entry) => entry.depth));
}

export function recordNetwork(context: BrowserContext, built: BuiltPage) {
  const finished: Promise<{ path: string; transfer: number; span: RequestSpan }>[] = [];
  context.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.protocol.startsWith('http')) return;
    const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const timing = request.timing();
    const span = { start: timing.startTime, end: timing.startTime + Math.max(0, timing.responseEnd) };
    const sized = request.sizes().then((sizes) => ({ path, transfer: sizes.responseBodySize, span }));
    // A request that finishes as the context closes (after the totals were read) rejects once it
    // is closed: handled here, so it cannot end the whole benchmark as an unhandled rejection.
    sized.catch(() => undefined);
    finished.push(sized);
  });

  /** Totals of every request finished so far. */
  async function totals(): Promise<NetworkTotals> {
    const requests = await Promise.all(finished);
    const bytes = emptyTotals();
    const unknown: string[] = [];
    const counted = new Set<string>();
    for (const { path, transfer } of requests) {
      const file = built.files[path];
      if (!file) {
        unknown.push(path);
        bytes.app.transfer += transfer;
        continue;
      }
      const fileGzip = Object.values(file).reduce((sum, part) => sum + part.gzip, 0);
      for (const [category, part] of Object.entries(file) as [ByteCategory, { raw: number; gzip: number }][]) {
        // A mixed file's wire bytes are shared as its gzip bytes are.
        bytes[category].transfer += fileGzip > 0 ? (transfer * part.gzip) / fileGzip : 0;
        if (counted.has(path)) continue;
        bytes[category].raw += part.raw;
        bytes[category].gzip += part.gzip;
      }
      counted.add(path);
    }
    for (const category of BYTE_CATEGORIES) bytes[category].transfer = Math.round(bytes[category].transfer);
    return {
      bytes,
      requests: requests.length,
      requestDepth: requestDepth(requests.map((request) => request.span)),
      paths: [...new Set(requests.map((request) => request.path))],
      unknown,
    };
  }

  return { totals };
}
