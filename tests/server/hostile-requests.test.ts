import { symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';
import { makeSite, request, type Site } from './support/site';

const ASSET = '/assets/index-Bx7d2Kq1.js';

let site: Site;
let server: Server;
let url: string;
const logged: string[] = [];

beforeAll(async () => {
  site = makeSite();
  // A symbolic link to itself: stat fails with ELOOP, an error no status but 500 fits.
  symlinkSync('loop.js', join(site.dir, 'loop.js'));
  ({ server, url } = await startServer({ port: 0, dir: site.dir, quiet: true, log: (line) => logged.push(line) }));
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  site?.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => request(new URL(path, url).href, { headers });

/** Every hostile request below is followed by this: one request must not stop the server. */
async function expectStillServing() {
  const answer = await get('/');
  expect(answer.status).toBe(200);
  expect(answer.body.equals(site.bytes('/index.html'))).toBe(true);
}

describe('Range requests (RFC 9110, section 14)', () => {
  it('answers a range whose end precedes its start with 416 and the size, and keeps serving', async () => {
    const size = site.bytes('/index.html').length;
    const answer = await get('/', { Range: 'bytes=5-1' });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe(`bytes */${size}`);
    await expectStillServing();
  });

  it('cuts an end past the file (even one beyond 2^53) to the last byte', async () => {
    const file = site.bytes('/index.html');
    const answer = await get('/', { Range: 'bytes=0-99999999999999999999' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes 0-${file.length - 1}/${file.length}`);
    expect(answer.body.equals(file)).toBe(true);
    await expectStillServing();
  });

  it('sends the last N bytes for a suffix range', async () => {
    const file = site.bytes(ASSET);
    const answer = await get(ASSET, { Range: 'bytes=-10' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes ${file.length - 10}-${file.length - 1}/${file.length}`);
    expect(answer.body.equals(file.subarray(file.length - 10))).toBe(true);
    await expectStillServing();
  });

  it('sends the whole file for a suffix longer than the file', async () => {
    const file = site.bytes('/index.html');
    const answer = await get('/', { Range: 'bytes=-99999999' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes 0-${file.length - 1}/${file.length}`);
    expect(answer.body.equals(file)).toBe(true);
  });

  it('refuses an empty suffix (bytes=-0) with 416', async () => {
    const answer = await get('/', { Range: 'bytes=-0' });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe(`bytes */${site.bytes('/index.html').length}`);
  });

  it('sends one byte for bytes=0-0', async () => {
    const file = site.bytes('/index.html');
    const answer = await get('/', { Range: 'bytes=0-0' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe(`bytes 0-0/${file.length}`);
    expect(answer.body.equals(file.subarray(0, 1))).toBe(true);
  });

  it('ignores a range in a unit other than bytes', async () => {
    const answer = await get('/', { Range: 'items=0-10' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-range']).toBeUndefined();
    expect(answer.body.equals(site.bytes('/index.html'))).toBe(true);
    await expectStillServing();
  });

  it('answers several ranges with the whole file (or a multipart 206)', async () => {
    const answer = await get('/', { Range: 'bytes=0-1,5-6' });
    if (answer.status === 206) {
      expect(answer.headers['content-type']).toMatch(/^multipart\/byteranges/);
    } else {
      expect(answer.status).toBe(200);
      expect(answer.body.equals(site.bytes('/index.html'))).toBe(true);
    }
    await expectStillServing();
  });

  it('applies a range to the precompressed copy it sends', async () => {
    const copy = site.bytes('/index.html.br');
    const answer = await get('/', { Range: 'bytes=2-9', 'Accept-Encoding': 'br' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-range']).toBe(`bytes 2-9/${copy.length}`);
    expect(answer.body.equals(copy.subarray(2, 10))).toBe(true);
  });
});

describe('content negotiation of the precompressed copies', () => {
  it('does not send brotli when the client refuses it with q=0', async () => {
    const answer = await get('/', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).equals(site.bytes('/index.html'))).toBe(true);

    const alone = await get('/', { 'Accept-Encoding': 'br;q=0' });
    expect(alone.headers['content-encoding']).toBeUndefined();
    expect(alone.body.equals(site.bytes('/index.html'))).toBe(true);
    await expectStillServing();
  });

  it.each(['xbr', 'brotli', 'abr, gzip;q=0', 'identity, x-br'])(
    'does not send brotli for a header that merely contains "br": %s',
    async (acceptEncoding) => {
      const answer = await get('/', { 'Accept-Encoding': acceptEncoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.equals(site.bytes('/index.html'))).toBe(true);
    },
  );

  it('prefers brotli among equals, follows q-values, and takes * as any coding', async () => {
    const both = await get(ASSET, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(both.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(both.body).equals(site.bytes(ASSET))).toBe(true);
    expect((await get(ASSET, { 'Accept-Encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(ASSET, { 'Accept-Encoding': '*' })).headers['content-encoding']).toBe('br');
    expect((await get(ASSET, { 'Accept-Encoding': 'gzip;q=0, *' })).headers['content-encoding']).toBe('br');
    expect((await get(ASSET, { 'Accept-Encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    expect((await get(ASSET, {})).headers['content-encoding']).toBeUndefined();
  });

  it('types a compressed copy as the file it stands for, and varies on Accept-Encoding', async () => {
    const answer = await get(ASSET, { 'Accept-Encoding': 'gzip' });
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect((await get(ASSET)).headers.vary).toBe('Accept-Encoding');
    // A file too small for copies has one representation.
    expect((await get('/small.txt', { 'Accept-Encoding': 'br' })).headers.vary).toBeUndefined();
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    const answer = await request(new URL('/', url).href, { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    await expectStillServing();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const answer = await request(new URL('/', url).href, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe(String(site.bytes('/index.html').length));
    expect(answer.body.length).toBe(0);
  });
});

describe('conditional requests', () => {
  it('answers If-None-Match with the current ETag with 304 and no body', async () => {
    const first = await get(ASSET);
    const etag = String(first.headers.etag);
    expect(etag).not.toBe('undefined');
    const again = await get(ASSET, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(ASSET, { 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  it('answers If-Modified-Since at the last modification with 304', async () => {
    const first = await get('/');
    const again = await get('/', { 'If-Modified-Since': String(first.headers['last-modified']) });
    expect(again.status).toBe(304);
  });

  it('gives each encoding its own ETag', async () => {
    const plain = await get(ASSET);
    const brotli = await get(ASSET, { 'Accept-Encoding': 'br' });
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(ASSET, { 'If-None-Match': String(plain.headers.etag), 'Accept-Encoding': 'br' })).status).toBe(
      200,
    );
  });

  it('sends the range for a matching If-Range and the whole file otherwise', async () => {
    const file = site.bytes(ASSET);
    const { headers } = await get(ASSET);
    const matching = await get(ASSET, { Range: 'bytes=0-9', 'If-Range': String(headers.etag) });
    expect(matching.status).toBe(206);
    expect(matching.body.equals(file.subarray(0, 10))).toBe(true);
    const stale = await get(ASSET, { Range: 'bytes=0-9', 'If-Range': '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(file)).toBe(true);
    const old = await get(ASSET, { Range: 'bytes=0-9', 'If-Range': 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(old.status).toBe(200);
    expect(old.body.equals(file)).toBe(true);
  });
});

describe('paths and errors', () => {
  it.each([
    ['/../../../etc/passwd', [403, 404]],
    ['/%2e%2e/%2e%2e/etc/passwd', [403, 404]],
    ['/index.html%00', [400]],
    ['/%E0%A4%A', [400]],
    ['/.hidden', [404]],
    ['/assets', [404]],
    ['/assets/', [404]],
    ['/missing.js', [404]],
  ])('answers %s with %s and keeps serving', async (path, statuses) => {
    const answer = await get(path);
    expect(statuses).toContain(answer.status);
    expect(answer.body.toString()).not.toContain('root:');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    await expectStillServing();
  });

  it('answers an error while reading with 500, logs one line, and keeps serving', async () => {
    const before = logged.length;
    const answer = await get('/loop.js');
    expect(answer.status).toBe(500);
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)).toMatch(/^serve: 500 for GET "\/loop\.js": .*ELOOP/);
    expect(logged.at(-1)).not.toContain('\n');
    await expectStillServing();
  });
});

describe('response headers', () => {
  it('sends the policy, nosniff and the referrer policy with every response', async () => {
    for (const path of ['/', ASSET, '/missing', '/atlas-embed.js']) {
      const { headers } = await get(path);
      expect(headers['content-security-policy']).toMatch(/^default-src 'none'; .*; frame-ancestors \*$/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('caches hashed assets for a year, revalidates the rest, and never caches an error', async () => {
    expect((await get(ASSET)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    expect((await get('/embed.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/missing-abc.js')).headers['cache-control']).toBe('no-store');
  });

  it('serves the host script and its types to other origins', async () => {
    const script = await get('/atlas-embed.js');
    expect(script.headers['access-control-allow-origin']).toBe('*');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const types = await get('/atlas-embed.d.ts');
    expect(types.headers['access-control-allow-origin']).toBe('*');
    expect(types.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await get('/')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
