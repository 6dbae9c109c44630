import { describe, expect, it } from 'vitest';
import {
  basemapOrigins,
  CACHE_IMMUTABLE,
  contentSecurityPolicy,
  errorHeaders,
  HOST_SCRIPT_PATHS,
  headerRules,
  responseHeaders,
} from '../../scripts/headers.mjs';

const header = (headers: [string, string][], name: string) => headers.find(([key]) => key === name)?.[1];

describe('the response headers (scripts/headers.mjs)', () => {
  it('lets frame-ancestors change that directive and nothing else', () => {
    const directives = (policy: string) => policy.split('; ');
    const standard = directives(contentSecurityPolicy());
    const restricted = directives(contentSecurityPolicy("'self' https://news.example"));
    expect(standard.at(-1)).toBe('frame-ancestors *');
    expect(restricted.at(-1)).toBe("frame-ancestors 'self' https://news.example");
    expect(restricted.slice(0, -1)).toEqual(standard.slice(0, -1));
    expect(contentSecurityPolicy('')).toBe(contentSecurityPolicy());
    expect(() => contentSecurityPolicy("'self'; script-src *")).toThrow(/^frame-ancestors: /);
  });

  it('widens connect-src, and nothing else, to exactly the basemap’s origin', () => {
    const directives = (policy: string) => policy.split('; ');
    const standard = directives(contentSecurityPolicy());
    for (const url of [
      'https://tiles.news.example:8443/maps/chongqing.pmtiles',
      'pmtiles://https://tiles.news.example:8443/maps/chongqing.pmtiles',
      'https://tiles.news.example:8443/styles/light/style.json',
    ]) {
      const widened = directives(contentSecurityPolicy(undefined, { basemap: url }));
      expect(widened.filter((directive) => !standard.includes(directive))).toEqual([
        "connect-src 'self' https://tiles.news.example:8443",
      ]);
      expect(widened.length).toBe(standard.length);
    }
    // Beside the atlas (relative), or none: its own origin is already allowed.
    for (const url of [undefined, '', './chongqing.pmtiles', 'pmtiles://./chongqing.pmtiles']) {
      expect(basemapOrigins(url)).toEqual([]);
      expect(contentSecurityPolicy(undefined, { basemap: url })).toBe(contentSecurityPolicy());
    }
    expect(
      header(responseHeaders('/', { basemap: 'http://127.0.0.1:9/a.pmtiles' }), 'Content-Security-Policy'),
    ).toContain("connect-src 'self' http://127.0.0.1:9;");
  });

  it('gives each path one value per header, the most specific rule winning', () => {
    for (const path of ['/', '/index.html', '/assets/index-abc.js', ...HOST_SCRIPT_PATHS]) {
      const names = responseHeaders(path).map(([name]) => name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
    expect(header(responseHeaders('/assets/index-abc.js'), 'Cache-Control')).toBe(CACHE_IMMUTABLE);
    expect(header(responseHeaders('/embed.html'), 'Cache-Control')).toBe('no-cache');
    expect(header(responseHeaders('/atlas-embed.iife.d.ts'), 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(header(responseHeaders('/atlas-embed.js'), 'Access-Control-Allow-Origin')).toBe('*');
    expect(header(responseHeaders('/atlas-embed.json'), 'Access-Control-Allow-Origin')).toBeUndefined();
  });

  it('states its rules as path patterns a static host can use', () => {
    for (const { path } of headerRules()) expect(path).toMatch(/^\/[A-Za-z0-9._/-]*\*?$/);
  });

  it('keeps the security headers on errors but never lets them be cached', () => {
    const headers = errorHeaders({ frameAncestors: "'none'" });
    expect(header(headers, 'Content-Security-Policy')).toMatch(/frame-ancestors 'none'$/);
    expect(header(headers, 'X-Content-Type-Options')).toBe('nosniff');
    expect(header(headers, 'Cache-Control')).toBe('no-store');
  });
});
