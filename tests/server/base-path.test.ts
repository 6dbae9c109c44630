/**
 * `--base`: the site served under a path, as a newsroom's server would; the rest of the server
 * is not the atlas's.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from '../../scripts/headers.mjs';
import { checkedBase, StartupError, startServer } from '../../scripts/serve.mjs';
import { makeSite, request, type Site } from './support/site';

let site: Site;
let server: Server;
let url: string;
beforeAll(async () => {
  site = makeSite();
  ({ server, url } = await startServer({ port: 0, dir: site.dir, base: 'graphics/cq-atlas', quiet: true }));
});
afterAll(async () => {
  await new Promise((done) => server?.close(done));
  site?.remove();
});

describe('the base path', () => {
  it.each([
    [undefined, '/'],
    ['/', '/'],
    ['', '/'],
    ['graphics/cq-atlas', '/graphics/cq-atlas/'],
    ['/graphics//cq-atlas/', '/graphics/cq-atlas/'],
    ['/v1.2/', '/v1.2/'],
  ])('reads %j as %s', (given, base) => {
    expect(checkedBase(given)).toBe(base);
  });

  it.each([['/a/../b/'], ['/./'], ['/a b/'], ['/a?b/'], ['/a#b/'], ['/%2e%2e/'], ['/a\n/']])(
    'refuses %j as a usage error',
    (given) => {
      expect(() => checkedBase(given)).toThrow(StartupError);
      try {
        checkedBase(given);
      } catch (error) {
        expect((error as StartupError).exitCode).toBe(2);
      }
    },
  );

  it('gives the site address with its path', () => {
    expect(new URL(url).pathname).toBe('/graphics/cq-atlas/');
  });

  it('serves the site under the path with the headers its files have at the root', async () => {
    const page = await request(url);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(site.bytes('/index.html').toString());
    expect(page.headers['cache-control']).toBe(CACHE_REVALIDATE);
    const asset = await request(new URL('assets/index-Bx7d2Kq1.js', url).href);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    const host = await request(new URL('atlas-embed.js', url).href);
    expect(host.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers 404 outside the path, even for files the site has', async () => {
    for (const path of ['/', '/index.html', '/assets/index-Bx7d2Kq1.js', '/graphics/', '/graphics/cq-atlas-2/']) {
      const answer = await request(new URL(path, url).href);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('redirects the path without its slash to the path, keeping the query', async () => {
    for (const [path, location] of [
      ['/graphics/cq-atlas', '/graphics/cq-atlas/'],
      ['/graphics/cq-atlas?lang=en&sel=500101', '/graphics/cq-atlas/?lang=en&sel=500101'],
    ] as const) {
      const answer = await request(new URL(path, url).href);
      expect(answer.status, path).toBe(301);
      expect(answer.headers.location, path).toBe(location);
    }
  });
});
