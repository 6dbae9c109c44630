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
 * The strictest policy the built app and embed page run under, found by trying each directive
 * in headless Chromium (README, "Embed it"). Everything not listed falls back to
 * `default-src 'none'` (fonts, media, manifests, objects…).
 * - script-src 'self': no inline script, no eval.
 * - worker-src 'self': MapLibre's worker is a same-origin file (setWorkerUrl); MapLibre makes a
 *   blob:/data: worker only for a cross-origin worker URL or an opaque ("null") origin.
 * - connect-src 'self': the data files (fetch).
 * - img-src 'self': the favicon only; no data:/blob: (the style has no sprite or raster images;
 *   MapLibre's data: icons belong to controls the app does not use).
 * - style-src 'self': stylesheets only. MapLibre and Preact set styles through the CSSOM
 *   (element.style), which CSP does not govern, so no 'unsafe-inline'.
 * - frame-src 'self': the embed dialog's live preview (embed.html).
 * - base-uri, form-action and frame-ancestors do not fall back to default-src.
 */
export function contentSecurityPolicy(frameAncestors = '*') {
  // A list of sources only: a ";" would smuggle in other directives.
  if (/[;,\r\n]/.test(frameAncestors)) throw new Error(`frame-ancestors: not a source list: ${frameAncestors}`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "style-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The host script and its types, loaded by other sites: a module script is fetched with CORS. */
const HOST_SCRIPT = /^\/atlas-embed(\.iife)?\.(js|d\.ts)$/;

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
      if (HOST_SCRIPT.test(pathname)) {
        response.setHeader('Access-Control-Allow-Origin', '*');
        // sirv would call a .ts file an MPEG transport stream.
        if (pathname.endsWith('.d.ts')) response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
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
