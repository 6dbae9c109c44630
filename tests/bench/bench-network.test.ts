import { EventEmitter } from 'node:events';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordNetwork, requestDepth } from '../../bench/measure/network';
import type { BuiltPage } from '../../bench/types';

const BUILT: BuiltPage = {
  name: 'floor',
  dir: 'unused',
  files: { '/index.html': { app: { raw: 400, gzip: 280 } }, '/assets/map.js': { library: { raw: 1000, gzip: 300 } } },
  packages: {},
};

/** A request as Playwright reports it finished: its URL and, later, its sizes (or the context's closing). */
function finishedRequest(url: string, sizes: Promise<{ responseBodySize: number }>, start = 0, took = 10) {
  return { url: () => url, sizes: () => sizes, timing: () => ({ startTime: start, responseEnd: took }) };
}

describe('requestDepth (the benchmark)', () => {
  it('counts the requests that waited one after another, not those made side by side', () => {
    expect(requestDepth([])).toBe(0);
    // HTML; then script and data side by side; then the map chunk after the script; then the worker.
    const html = { start: 0, end: 10 };
    const script = { start: 12, end: 30 };
    const data = { start: 12, end: 80 };
    const chunk = { start: 31, end: 50 };
    const worker = { start: 51, end: 60 };
    expect(requestDepth([worker, data, html, chunk, script])).toBe(4);
    expect(requestDepth([html, script, data])).toBe(2);
    // A request that starts before another has arrived does not wait on it.
    expect(requestDepth([html, { start: 9, end: 20 }])).toBe(1);
  });
});

describe('recordNetwork (the benchmark)', () => {
  it('adds up the files a page fetched, once per file, and the bytes each request carried', async () => {
    const context = new EventEmitter();
    const network = recordNetwork(context as unknown as BrowserContext, BUILT);
    for (const [url, size] of [
      ['http://127.0.0.1:1/', 300],
      ['http://127.0.0.1:1/assets/map.js', 250],
      ['http://127.0.0.1:1/assets/map.js', 0],
      ['data:text/plain,x', 1],
    ] as const) {
      context.emit('requestfinished', finishedRequest(url, Promise.resolve({ responseBodySize: size })));
    }
    const totals = await network.totals();
    expect(totals.requests).toBe(3);
    expect(totals.requestDepth).toBe(1);
    expect(totals.paths).toEqual(['/index.html', '/assets/map.js']);
    expect(totals.bytes.app).toEqual({ raw: 400, gzip: 280, transfer: 300 });
    expect(totals.bytes.library).toEqual({ raw: 1000, gzip: 300, transfer: 250 });
    expect(totals.unknown).toEqual([]);
  });

  it('survives a request still finishing when the page is closed, after the totals were read', async () => {
    const context = new EventEmitter();
    const network = recordNetwork(context as unknown as BrowserContext, BUILT);
    await network.totals();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      context.emit(
        'requestfinished',
        finishedRequest(
          'http://127.0.0.1:1/favicon.ico',
          Promise.reject(new Error('Target page, context or browser has been closed')),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
