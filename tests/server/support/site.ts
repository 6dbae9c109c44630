/**
 * A tiny built site in a temporary directory, shaped like dist/: an index.html, a hashed asset,
 * their precompressed copies (made by scripts/precompress.mjs) and the host script. No build needed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precompress } from '../../../scripts/precompress.mjs';

/** Words repeated in a fixed pseudo-random order: compressible, and no two slices alike. */
function text(length: number, seed: number): string {
  const words = ['river', 'bridge', 'hill', 'district', 'corridor', 'port', 'valley', 'new town'];
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += `${words[state % words.length]} ${state % 97} `;
  }
  return out.slice(0, length);
}

export interface Site {
  dir: string;
  /** The bytes on disk for a path under the site, e.g. '/index.html' or '/index.html.br'. */
  bytes(path: string): Buffer;
  remove(): void;
}

export function makeSite(): Site {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>atlas</title><p>${text(6000, 1)}</p>\n`);
  writeFileSync(join(dir, 'embed.html'), `<!doctype html><title>embed</title><p>${text(3000, 2)}</p>\n`);
  writeFileSync(join(dir, 'assets', 'index-Bx7d2Kq1.js'), `export const places = "${text(9000, 3)}";\n`);
  writeFileSync(join(dir, 'atlas-embed.js'), 'export function embedAtlas() {}\n');
  writeFileSync(join(dir, 'atlas-embed.d.ts'), 'export declare function embedAtlas(): void;\n');
  writeFileSync(join(dir, 'small.txt'), 'too small to compress\n');
  precompress(dir);
  return {
    dir,
    bytes: (path) => readFileSync(join(dir, path)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request with exactly the headers given (fetch would add its own Accept-Encoding and
 * decompress the body). Resolves with the raw bytes received.
 */
export function request(
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The file a response's bytes come from: the precompressed copy named by Content-Encoding. */
export function representation(site: Site, path: string, headers: IncomingHttpHeaders): Buffer {
  const suffix = { br: '.br', gzip: '.gz' }[String(headers['content-encoding'] ?? '')] ?? '';
  return site.bytes(`${path}${suffix}`);
}
