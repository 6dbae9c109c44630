#!/usr/bin/env node
/**
 * Serves the production build (dist/) on localhost with a strict Content-Security-Policy.
 * Used by `npm start`, the end-to-end tests and the benchmark.
 *
 *   node scripts/serve.mjs [--port 4173] [--dir dist] [--frame-ancestors "'self' https://news.example"]
 *
 * PORT and ATLAS_FRAME_ANCESTORS work as environment variables too. Any page may embed
 * the map by default (`frame-ancestors *`): embedding in other sites is the point.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

/**
 * The strictest policy MapLibre 6 runs under: its worker is a same-origin file
 * (`worker-src 'self'`; MapLibre creates no blob: worker when setWorkerUrl points to one),
 * GeoJSON and the worker load with fetch (`connect-src 'self'`), and no inline script or
 * eval is needed. Inline `style` attributes are set by MapLibre on its canvas and markers,
 * hence `style-src 'self' 'unsafe-inline'`.
 */
export function contentSecurityPolicy(frameAncestors = '*') {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function startServer({
  port = 4173,
  dir = 'dist',
  host = '127.0.0.1',
  frameAncestors = '*',
  quiet = false,
} = {}) {
  const policy = contentSecurityPolicy(frameAncestors);
  const files = sirv(resolve(dir), {
    gzip: true,
    brotli: true,
    etag: true,
    setHeaders(response, pathname) {
      // Hashed assets never change; everything else is revalidated.
      const immutable = pathname.startsWith('/assets/');
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    files(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Not found');
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
      if (!quiet) console.log(`Chongqing Spatial Strategy Atlas: ${url}  (embed: ${url}embed.html)`);
      resolvePromise({ server, url });
    });
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('serve.mjs');
if (isMain) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      dir: { type: 'string' },
      host: { type: 'string' },
      'frame-ancestors': { type: 'string' },
    },
  });
  await startServer({
    port: Number(values.port ?? process.env.PORT ?? 4173),
    dir: values.dir ?? 'dist',
    host: values.host ?? '127.0.0.1',
    frameAncestors: values['frame-ancestors'] ?? process.env.ATLAS_FRAME_ANCESTORS ?? '*',
  });
}
