/**
 * The built pages' link previews: index.html and embed.html carry the Open Graph and Twitter
 * card tags, and og:image leads to the 1200 × 630 PNG the build drew. Without ATLAS_PUBLIC_URL
 * (the default build, served under a path) the URL is relative to the page; a second build with
 * ATLAS_PUBLIC_URL set gives absolute URLs under it, which the site serves when hosted there.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';

const atlasUrl = inject('atlasUrl');
const PAGES = ['index.html', 'embed.html'] as const;
const PUBLIC_URL = 'https://news.example/graphics/cq-atlas/';
const ROOT = resolve(import.meta.dirname, '../..');

/** The page's `<meta property|name=… content=…>` values by name (the build writes them so). */
async function metaOf(pageUrl: string): Promise<Map<string, string>> {
  const response = await fetch(pageUrl);
  expect(response.status).toBe(200);
  const html = await response.text();
  const head = html.slice(0, html.indexOf('</head>'));
  const decode = (value: string) =>
    value.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replaceAll('&amp;', '&');
  return new Map(
    [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)].map((match) => [
      match[1] as string,
      decode(match[2] as string),
    ]),
  );
}

async function expectPreviewImage(imageUrl: string): Promise<void> {
  const response = await fetch(imageUrl);
  expect(response.status, imageUrl).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
  expect([png.width, png.height]).toEqual([1200, 630]);
}

function expectPreviewTags(meta: Map<string, string>): void {
  expect(meta.get('og:title')).toMatch(/重庆空间战略地图.*Chongqing Spatial Strategy Atlas/);
  expect(meta.get('og:description')).toMatch(/[\u4e00-\u9fff].*Chongqing/);
  expect(meta.get('og:type')).toBe('website');
  expect(meta.get('og:locale')).toBe('zh_CN');
  expect(meta.get('og:locale:alternate')).toMatch(/^en_/);
  expect([meta.get('og:image:width'), meta.get('og:image:height')]).toEqual(['1200', '630']);
  expect(meta.get('og:image:alt')).toMatch(/[\u4e00-\u9fff].*Chongqing/);
  expect(meta.get('twitter:card')).toBe('summary_large_image');
}

describe('link previews of the default build', () => {
  it.each(PAGES)('%s has the tags and a relative og:image that resolves to the PNG', async (page) => {
    const pageUrl = new URL(page, atlasUrl).href;
    const meta = await metaOf(pageUrl);
    expectPreviewTags(meta);
    const image = meta.get('og:image') ?? '';
    expect(image).not.toMatch(/^[a-z]+:|^\//i);
    expect(meta.has('og:url')).toBe(false);
    await expectPreviewImage(new URL(image, pageUrl).href);
  });
});

describe('link previews of a build with ATLAS_PUBLIC_URL', () => {
  let outDir = '';
  let server: Server | undefined;
  let servedUrl = '';

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'atlas-public-url-'));
    const build = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, env: { ...process.env, ATLAS_PUBLIC_URL: PUBLIC_URL }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    build.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => build.on('close', done));
    expect(code, stderr).toBe(0);
    // Hosted where the public URL says: under its path.
    const started = (await startServer({ port: 0, dir: outDir, base: new URL(PUBLIC_URL).pathname, quiet: true })) as {
      server: Server;
      url: string;
    };
    server = started.server;
    servedUrl = started.url;
  }, 180_000);

  afterAll(async () => {
    if (server) await new Promise((done) => server?.close(done));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each(PAGES)('%s has the tags with absolute image and page URLs under it', async (page) => {
    const meta = await metaOf(new URL(page, servedUrl).href);
    expectPreviewTags(meta);
    expect(meta.get('og:image')).toBe(`${PUBLIC_URL}og-image.png`);
    expect(meta.get('og:url')).toBe(page === 'index.html' ? PUBLIC_URL : `${PUBLIC_URL}${page}`);
    // The same path on the server hosting the build under the public URL's path.
    const { pathname } = new URL(meta.get('og:image') ?? '');
    await expectPreviewImage(new URL(pathname, servedUrl).href);
  });
});
