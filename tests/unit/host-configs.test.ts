import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, HOST_SCRIPT_PATHS, responseHeaders } from '../../scripts/headers.mjs';
import {
  DOCS_BEGIN,
  DOCS_END,
  headersFile,
  metaPolicy,
  nginxServer,
  withMetaPolicy,
  withNginxBlock,
} from '../../scripts/host-configs.mjs';

const SAMPLE_PATHS = ['/', '/index.html', '/embed.html', '/assets/atlas-abc.js', '/robots.txt', ...HOST_SCRIPT_PATHS];
const lower = (headers: [string, string][]) =>
  new Map(headers.map(([name, value]) => [name.toLowerCase(), value] as const));

describe('the <meta> policy', () => {
  it('is the header policy without frame-ancestors, which a meta policy cannot carry', () => {
    const header = contentSecurityPolicy().split('; ');
    const meta = metaPolicy().split('; ');
    expect(meta).toEqual(header.filter((directive) => !directive.startsWith('frame-ancestors ')));
    expect(meta.length).toBe(header.length - 1);
    expect(metaPolicy()).not.toMatch(/report-uri|sandbox|frame-ancestors/);
  });

  const page = [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <link rel="icon" href="./assets/favicon.svg" />',
    '    <script type="module" crossorigin src="./assets/main.js"></script>',
    '  </head>',
    '</html>',
    '',
  ].join('\n');

  it('goes right after <meta charset>, before every script, stylesheet and preload', () => {
    const html = withMetaPolicy(page);
    const lines = html.split('\n');
    expect(lines[3]).toBe('    <meta charset="utf-8" />');
    expect(lines[4]).toBe(`    <meta http-equiv="Content-Security-Policy" content="${metaPolicy()}" />`);
    expect(lines.slice(5)).toEqual(page.split('\n').slice(4));
  });

  it('is written once however often the build step runs', () => {
    expect(withMetaPolicy(withMetaPolicy(page))).toBe(withMetaPolicy(page));
  });

  it('refuses a page without <meta charset> rather than put the policy late', () => {
    expect(() => withMetaPolicy('<html><head><script src="x.js"></script></head></html>')).toThrow(/meta charset/);
  });
});

/** `_headers` read back: each rule's path pattern and its headers. */
function parseHeadersFile(text: string) {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      rules.push({ path: line, headers: [] });
      continue;
    }
    const match = /^ {2}([\w-]+): (.+)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`not a header line: ${line}`);
    rules.at(-1)?.headers.push([match[1] ?? '', match[2] ?? '']);
  }
  return rules;
}

/** What Netlify and Cloudflare Pages send for a path: every matching rule, values joined. */
function hostHeaders(text: string, path: string) {
  const sent = new Map<string, string[]>();
  for (const rule of parseHeadersFile(text)) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers)
      sent.set(name.toLowerCase(), [...(sent.get(name.toLowerCase()) ?? []), value]);
  }
  return sent;
}

describe('_headers (Netlify, Cloudflare Pages)', () => {
  it('sends each path the headers the server sends, once each, leaving the revalidating default to the host', () => {
    const text = headersFile();
    for (const path of SAMPLE_PATHS) {
      const sent = hostHeaders(text, path);
      for (const [name, values] of sent) expect(values, `${path} ${name}`).toHaveLength(1);
      const expected = lower(responseHeaders(path));
      // Not under /assets/: the hosts' own default (max-age=0, must-revalidate) stands for no-cache.
      if (expected.get('cache-control') === 'no-cache') expected.delete('cache-control');
      expect(new Map([...sent].map(([name, [value]]) => [name, value])), path).toEqual(expected);
    }
  });

  it('puts every rule under the base path when the site is served under one', () => {
    const text = headersFile({ base: '/graphics/cq-atlas/' });
    const paths = parseHeadersFile(text).map((rule) => rule.path);
    expect(paths.length).toBeGreaterThan(2);
    for (const path of paths) expect(path.startsWith('/graphics/cq-atlas/')).toBe(true);
    expect(hostHeaders(text, '/graphics/cq-atlas/assets/a.js').get('cache-control')).toEqual([
      'public, max-age=31536000, immutable',
    ]);
  });

  it('carries a frame-ancestors given to it', () => {
    expect(headersFile({ frameAncestors: "'self' https://news.example" })).toContain(
      "frame-ancestors 'self' https://news.example\n",
    );
  });
});

/** The nginx server block read back: each location's match and directives. */
function parseLocations(text: string) {
  const locations: { modifier: string; path: string; lines: string[] }[] = [];
  let current: (typeof locations)[number] | undefined;
  for (const line of text.split('\n').map((raw) => raw.trim())) {
    const open = /^location (=|\^~) (\S+) \{$/.exec(line);
    if (open) {
      current = { modifier: open[1] ?? '', path: open[2] ?? '', lines: [] };
      locations.push(current);
    } else if (line === '}') current = undefined;
    else if (current) current.lines.push(line);
  }
  return locations;
}

/** nginx's choice for a path: an exact match, else the longest ^~ prefix. */
function locationFor(text: string, path: string) {
  const locations = parseLocations(text);
  const exact = locations.find((location) => location.modifier === '=' && location.path === path);
  if (exact) return exact;
  const prefixes = locations.filter((location) => location.modifier === '^~' && path.startsWith(location.path));
  return prefixes.sort((a, b) => b.path.length - a.path.length)[0];
}

/** The headers a location sends with a file: add_header lines, and its default_type as Content-Type. */
function locationHeaders(lines: string[]) {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const added = /^add_header ([\w-]+) "(.*)"(?: always)?;$/.exec(line);
    if (added) headers.set((added[1] ?? '').toLowerCase(), (added[2] ?? '').replace(/\\"/g, '"'));
    const type = /^default_type "(.*)";$/.exec(line);
    if (type) headers.set('content-type', type[1] ?? '');
  }
  return headers;
}

describe('the nginx server block', () => {
  it('sends each path every header the server sends (add_header in a location replaces inherited ones)', () => {
    const text = nginxServer();
    for (const path of SAMPLE_PATHS) {
      const location = locationFor(text, path);
      expect(location, path).toBeDefined();
      expect(locationHeaders(location?.lines ?? []), path).toEqual(lower(responseHeaders(path)));
    }
  });

  it('maps each location to the same place in the build', () => {
    const text = nginxServer({ base: '/graphics/cq-atlas/', root: '/srv/atlas/' });
    for (const path of SAMPLE_PATHS) {
      const location = locationFor(text, `/graphics/cq-atlas${path}`);
      const alias = location?.lines.find((line) => line.startsWith('alias '))?.slice('alias '.length, -1);
      expect(`/srv/atlas${path}`.startsWith(alias ?? '?'), path).toBe(true);
      expect(location?.path.replace('/graphics/cq-atlas', ''), path).toBe(alias?.replace('/srv/atlas', ''));
    }
    expect(locationFor(text, '/index.html')).toBeUndefined();
    expect(text).toContain('location = /graphics/cq-atlas {\n        return 301 /graphics/cq-atlas/$is_args$args;');
  });

  it('types the module worker (.mjs) as JavaScript and sends the .gz copies', () => {
    const text = nginxServer();
    expect(text).toMatch(/^ {8}text\/javascript js mjs;$/m);
    expect(text).toMatch(/^ {4}gzip_static on;$/m);
    expect(text).toMatch(/^ {4}gzip_vary on;$/m);
  });

  it('is balanced, and written into docs/deployment.md exactly as generated', () => {
    const text = nginxServer();
    expect(text.split('{').length).toBe(text.split('}').length);
    const docs = readFileSync(resolve(import.meta.dirname, '../../docs/deployment.md'), 'utf8');
    expect(docs).toContain(DOCS_BEGIN);
    expect(docs).toContain(DOCS_END);
    expect(docs, 'the nginx block is out of date: run `npm run docs:nginx`').toBe(withNginxBlock(docs));
    expect(docs).toContain(text);
  });
});

describe('the host configurations of a build with a basemap', () => {
  it('widen connect-src to the basemap’s origin in the meta policy, _headers and nginx alike', () => {
    const basemap = 'https://tiles.news.example/chongqing.pmtiles';
    const widened = "connect-src 'self' https://tiles.news.example";
    expect(metaPolicy({ basemap })).toContain(widened);
    expect(metaPolicy()).not.toContain('tiles.news.example');
    expect(headersFile({ basemap })).toContain(widened);
    expect(nginxServer({ basemap })).toContain(widened);
    expect(withMetaPolicy('<meta charset="utf-8">\n<title>x</title>\n', { basemap })).toContain(widened);
  });
});
