/**
 * Every response header the atlas needs from whatever serves it: the Content-Security-Policy,
 * the cache rules and CORS for the host script. scripts/serve.mjs sends them; the rules are
 * plain data (a path pattern and its headers) so that header files for static hosts can be
 * written from the same source.
 */
import { parseFrameAncestors } from './frame-ancestors.mjs';

/**
 * The strictest policy the built app and embed page run under, found by trying each directive
 * in headless Chromium (README, "Embed it"). Everything not listed falls back to
 * `default-src 'none'` (fonts, media, manifests, objects…).
 * - script-src 'self': no inline script, no eval.
 * - worker-src 'self': MapLibre's worker is a same-origin file (setWorkerUrl); MapLibre makes a
 *   blob:/data: worker only for a cross-origin worker URL or an opaque ("null") origin.
 * - connect-src 'self': the data files (fetch).
 * - img-src 'self' blob:: the favicon, and "Save image": its PNG is the composed SVG loaded
 *   as an image from a blob: URL and drawn to a canvas. No data: (the style has no sprite or
 *   raster images; MapLibre's data: icons belong to controls the app does not use).
 * - style-src 'self': stylesheets only. MapLibre and Preact set styles through the CSSOM
 *   (element.style), which CSP does not govern, so no 'unsafe-inline'.
 * - frame-src 'self': the embed dialog's live preview (embed.html).
 * - base-uri, form-action and frame-ancestors do not fall back to default-src.
 *
 * `frameAncestors` is checked as a CSP source list (frame-ancestors.mjs); blank means the
 * default, `*`. Throws a FrameAncestorsError for anything else.
 *
 * `basemap` is the build's optional basemap URL (ATLAS_BASEMAP): its origin joins connect-src
 * only, since MapLibre fetches the style, tiles and archive ranges (no images: the atlas draws
 * no sprite or raster layer of it; no worker: the pmtiles reader runs on the page).
 */
export function contentSecurityPolicy(frameAncestors, { basemap } = {}) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    ["connect-src 'self'", ...basemapOrigins(basemap)].join(' '),
    "img-src 'self' blob:",
    "style-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${parseFrameAncestors(frameAncestors)}`,
  ].join('; ');
}

/**
 * The origins a basemap URL needs besides the atlas's own: none for a relative URL (served with
 * the atlas) or none given; `pmtiles://` is MapLibre's prefix for an archive, not an origin.
 * A style's tiles are expected on the style's origin (docs/deployment.md, Basemap).
 * @param {string | undefined} basemap
 * @returns {string[]}
 */
export function basemapOrigins(basemap) {
  const url = basemap?.trim().replace(/^pmtiles:\/\//, '');
  if (!url || !/^https?:\/\//i.test(url)) return [];
  return [new URL(url).origin];
}

/** Hashed file names never change their content. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may be kept but is revalidated (ETag / Last-Modified) before each use. */
export const CACHE_REVALIDATE = 'no-cache';

/** The host script and its types, loaded by other sites: a module script is fetched with CORS. */
export const HOST_SCRIPT_PATHS = [
  '/atlas-embed.js',
  '/atlas-embed.iife.js',
  '/atlas-embed.d.ts',
  '/atlas-embed.iife.d.ts',
];

/**
 * The rules in order. `path` is an exact path, or a prefix ending in `*`; a later rule's header
 * replaces an earlier one of the same name.
 * @returns {{ path: string, headers: [string, string][] }[]}
 */
export function headerRules({ frameAncestors, basemap } = {}) {
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', contentSecurityPolicy(frameAncestors, { basemap })],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Cache-Control', CACHE_REVALIDATE],
      ],
    },
    { path: '/assets/*', headers: [['Cache-Control', CACHE_IMMUTABLE]] },
    ...HOST_SCRIPT_PATHS.map((path) => ({
      path,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        // A .ts file would otherwise be typed as an MPEG transport stream.
        ...(path.endsWith('.d.ts') ? [['Content-Type', 'text/plain; charset=utf-8']] : []),
      ],
    })),
  ];
}

/** Whether a rule's path pattern covers a request path. */
export function pathMatches(pattern, pathname) {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

/**
 * The headers for a file at `pathname` (the URL path, percent-decoded), as [name, value] pairs.
 * @returns {[string, string][]}
 */
export function responseHeaders(pathname, options = {}) {
  const merged = new Map();
  for (const rule of headerRules(options)) {
    if (!pathMatches(rule.path, pathname)) continue;
    for (const [name, value] of rule.headers) merged.set(name.toLowerCase(), [name, value]);
  }
  return [...merged.values()];
}

/**
 * The headers for an error or redirect: the policy of every response, but nothing that a path's
 * rule adds (an error under /assets/ must not be cached for a year).
 * @returns {[string, string][]}
 */
export function errorHeaders(options = {}) {
  return responseHeaders('/', options).map(([name, value]) =>
    name === 'Cache-Control' ? [name, 'no-store'] : [name, value],
  );
}
