/**
 * The first map paint's accounting (bench/measure/first-paint.ts): what the paint waited for
 * and what merely arrived before it. Checked on its own on made-up requests, then in Chromium
 * on two fixture pages with known files: an SVG map in the HTML behind a render-blocking
 * stylesheet, with a preload beside it that must not be counted as needed; and the same map
 * drawn by a script from fetched data, which needed the script and the data too.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountPaintBytes,
  dependencyDepth,
  htmlCarriesSvgMap,
  measureFirstPaint,
  type PaintRequest,
} from '../../bench/measure/first-paint';
import { buildProbeScript } from '../../bench/probe/build-probe';
import type { BuiltPage, FileBytes } from '../../bench/types';
import { startServer } from '../../scripts/serve.mjs';
import { type Browser, launchChromium } from '../e2e/support/browser';

const request = (path: string, end: number, flags: Partial<PaintRequest> = {}): PaintRequest => ({
  path,
  span: { start: end - 10, end },
  transfer: 100,
  document: false,
  renderBlocking: false,
  ...flags,
});

describe('accountPaintBytes (the benchmark)', () => {
  const gzip: Record<string, number> = { '/index.html': 30, '/style.css': 7, '/preload.js': 400, '/late.js': 900 };
  const gzipOf = (path: string) => gzip[path];
  const requests = [
    request('/index.html', 10, { document: true }),
    request('/preload.js', 20),
    request('/style.css', 25, { span: { start: 12, end: 25 }, renderBlocking: true }),
    request('/late.js', 60),
  ];

  it('counts the HTML and what blocked rendering for an SVG map in the HTML, and the rest apart', () => {
    const { needed, alsoArrived } = accountPaintBytes(requests, 30, true, gzipOf);
    expect(needed.paths).toEqual(['/index.html', '/style.css']);
    expect(needed.gzip).toBe(37);
    expect(needed.transfer).toBe(200);
    expect(needed.depth).toBe(2);
    expect(alsoArrived.paths).toEqual(['/preload.js']);
    expect(alsoArrived.gzip).toBe(400);
  });

  it('counts everything that arrived first for a map drawn by script', () => {
    const { needed, alsoArrived } = accountPaintBytes(requests, 70, false, gzipOf);
    expect(needed.paths).toEqual(['/index.html', '/preload.js', '/style.css', '/late.js']);
    expect(needed.gzip).toBe(1337);
    expect(needed.requests).toBe(4);
    expect(alsoArrived.requests).toBe(0);
  });

  it('counts the whole HTML even when the map was painted before its last bytes arrived', () => {
    const streamed = [request('/index.html', 40, { document: true }), ...requests.slice(1)];
    expect(accountPaintBytes(streamed, 30, true, gzipOf).needed.paths).toEqual(['/index.html', '/style.css']);
    expect(accountPaintBytes(streamed, 30, false, gzipOf).needed.paths).toEqual([
      '/index.html',
      '/preload.js',
      '/style.css',
    ]);
  });

  it('counts a render-blocking request the log says ended just after the paint', () => {
    // The network log's clock and the page's differ by some milliseconds.
    const { needed } = accountPaintBytes(requests, 22, true, gzipOf);
    expect(needed.paths).toEqual(['/index.html', '/style.css']);
  });

  it('counts a file once, and the wire bytes for a file the build does not know', () => {
    const twice = [request('/index.html', 5, { document: true }), request('/x.json', 8), request('/x.json', 9)];
    const { needed } = accountPaintBytes(twice, 10, false, gzipOf);
    expect(needed.gzip).toBe(30 + 200);
    expect(needed.transfer).toBe(300);
  });

  it('follows who asked for what, and falls back on timing where Chromium names no initiator', () => {
    const html = request('/index.html', 10, { document: true, span: { start: 0, end: 10 } });
    // Asked for by the parser while the HTML was still arriving.
    const script = request('/app.js', 30, { span: { start: 6, end: 30 }, initiator: '/index.html' });
    const data = request('/data.json', 50, { span: { start: 31, end: 50 }, initiator: '/app.js' });
    // A worker's fetch: no initiator in the set, so it waited on everything that had arrived.
    const worker = request('/tiles.pbf', 70, { span: { start: 51, end: 70 }, initiator: '/blob-worker' });
    expect(dependencyDepth([html, script])).toBe(2);
    expect(dependencyDepth([data, script, html])).toBe(3);
    expect(dependencyDepth([html, script, data, worker])).toBe(4);
    // Side by side, both asked for by the HTML.
    const style = request('/style.css', 20, { span: { start: 6, end: 20 }, initiator: '/index.html' });
    expect(dependencyDepth([html, script, style])).toBe(2);
  });

  it('tells an HTML page with an SVG map from one without', () => {
    expect(htmlCarriesSvgMap('<body><svg viewBox="0 0 1 1"><path data-id="500101" d="M0 0"/></svg>')).toBe(true);
    expect(htmlCarriesSvgMap('<body><svg class="icon"><path d="M0 0"/></svg><div data-id="x"></div>')).toBe(true);
    expect(htmlCarriesSvgMap('<body><div id="map"></div><script type="module" src="/a.js"></script>')).toBe(false);
  });
});

/** An SVG map of two districts, as the atlas's HTML carries one. */
const SVG_MAP =
  '<svg class="map" viewBox="0 0 100 100" width="400" height="400">' +
  '<path data-id="500101" d="M0 0H50V100H0Z" fill="#ece6d8"/><path data-id="500102" d="M50 0H100V100H50Z" fill="#d8cdb4"/></svg>';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fixture</title>${head}</head><body>${body}</body></html>`;

/** A stylesheet that takes a while on slow 4G: 60 KB that gzip cannot shrink much. */
const STYLESHEET = `body { margin: 0; }\n/* ${randomBytes(45_000).toString('base64')} */\n`;
const PRELOADED = `{"small": true}`;
const DRAW_SCRIPT = `
const response = await fetch('/shapes.json');
const shapes = await response.json();
const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svg.setAttribute('viewBox', '0 0 100 100');
svg.setAttribute('width', '400');
svg.setAttribute('height', '400');
for (const shape of shapes) {
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('data-id', shape.id);
  path.setAttribute('d', shape.d);
  svg.append(path);
}
document.body.append(svg);
`;
const SHAPES = JSON.stringify([
  { id: '500101', d: 'M0 0H50V100H0Z' },
  { id: '500102', d: 'M50 0H100V100H50Z' },
]);

/** Writes a fixture site and describes it as the benchmark's build does (gzip -9 of each file). */
function site(dir: string, files: Record<string, string>): BuiltPage {
  mkdirSync(dir, { recursive: true });
  const described: Record<string, FileBytes> = {};
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
    described[`/${name}`] = { app: { raw: Buffer.byteLength(content), gzip: gzipSync(content, { level: 9 }).length } };
  }
  return { name: 'atlas', dir, files: described, packages: {} };
}

const gzipOfFile = (built: BuiltPage, path: string) => built.files[path]?.app?.gzip ?? Number.NaN;

describe('measureFirstPaint (the benchmark, in Chromium)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-first-paint-'));
  const servers: Server[] = [];
  let browser: Browser;
  let probeScript: string;
  const serve = async (built: BuiltPage) => {
    const { server, url } = (await startServer({ port: 0, dir: built.dir, quiet: true })) as {
      server: Server;
      url: string;
    };
    servers.push(server);
    return url;
  };

  beforeAll(async () => {
    [browser, probeScript] = await Promise.all([launchChromium(), buildProbeScript()]);
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('counts the HTML and its stylesheet before an SVG map in the HTML, and the preload apart', async () => {
    const built = site(join(folder, 'inline'), {
      'index.html': page(
        SVG_MAP,
        '<link rel="stylesheet" href="/style.css"><link rel="preload" href="/preloaded.json" as="fetch" crossorigin>',
      ),
      'style.css': STYLESHEET,
      'preloaded.json': PRELOADED,
    });
    const origin = await serve(built);
    const sample = await measureFirstPaint(browser, built, origin, probeScript, 'slow-4g', null, 60_000);
    expect(sample.paintedBy).toBe('svg');
    expect(sample.bytes.needed.paths).toEqual(['/index.html', '/style.css']);
    expect(sample.bytes.needed.gzip).toBe(gzipOfFile(built, '/index.html') + gzipOfFile(built, '/style.css'));
    // Served as it is (no precompressed copy): the stylesheet's whole body crossed the wire.
    expect(sample.bytes.needed.transfer).toBeGreaterThanOrEqual(Buffer.byteLength(STYLESHEET));
    expect(sample.bytes.needed.depth).toBe(2);
    // The small preload arrives while the stylesheet is still downloading, and did not block the paint.
    expect(sample.bytes.alsoArrived.paths).toEqual(['/preloaded.json']);
    // The stylesheet alone takes 60 KB at 1.6 Mbit/s, after two 150 ms round trips.
    expect(sample.mapPaintMs).toBeGreaterThan(300 + ((Buffer.byteLength(STYLESHEET) * 8) / (1.6 * 1024 * 1024)) * 1000);
    expect(sample.fcpMs).not.toBeNull();
  }, 90_000);

  it('counts the script and its data before an SVG map the script draws', async () => {
    const built = site(join(folder, 'scripted'), {
      'index.html': page('', '<script type="module" src="/draw.js"></script>'),
      'draw.js': DRAW_SCRIPT,
      'shapes.json': SHAPES,
    });
    const origin = await serve(built);
    // Throttled, so that each request's round trip clearly follows the one before.
    const sample = await measureFirstPaint(browser, built, origin, probeScript, 'slow-4g', null, 60_000);
    expect(sample.paintedBy).toBe('svg');
    expect(sample.bytes.needed.paths).toEqual(['/index.html', '/draw.js', '/shapes.json']);
    expect(sample.bytes.needed.gzip).toBe(
      ['/index.html', '/draw.js', '/shapes.json'].reduce((sum, path) => sum + gzipOfFile(built, path), 0),
    );
    expect(sample.bytes.needed.depth).toBe(3);
    expect(sample.bytes.alsoArrived.requests).toBe(0);
    expect(sample.mapPaintMs).toBeGreaterThan(3 * 150);
  }, 90_000);
});
