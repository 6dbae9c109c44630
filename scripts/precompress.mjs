#!/usr/bin/env node
/**
 * Writes a .br and a .gz beside every compressible file of a build (dist/ by default), so
 * scripts/serve.mjs sends them to clients that accept them. Without them the server sends every
 * file as is: 2.1 MB for the atlas's first view instead of 0.37 MB (BENCHMARKS.md).
 *
 *   node scripts/precompress.mjs [dir]
 *
 * Compressed once at build time, so the slowest, smallest settings cost nothing per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.jsonld', '.csv', '.svg', '.txt']);
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Compresses every file of `dir` worth compressing; returns the bytes before and after (brotli, gzip). */
export function precompress(dir = 'dist') {
  const totals = { files: 0, raw: 0, brotli: 0, gzip: 0 };
  for (const path of filesUnder(resolve(dir))) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    const brotli = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gzip = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    // A copy no smaller than the file would only make the server send more.
    if (brotli.length < body.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < body.length) writeFileSync(`${path}.gz`, gzip);
    totals.files += 1;
    totals.raw += body.length;
    totals.brotli += Math.min(brotli.length, body.length);
    totals.gzip += Math.min(gzip.length, body.length);
  }
  return totals;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('precompress.mjs');
if (isMain) {
  const dir = process.argv[2] ?? 'dist';
  const { files, raw, brotli, gzip } = precompress(dir);
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`precompress: ${files} files in ${dir}, ${kb(raw)} → ${kb(brotli)} brotli, ${kb(gzip)} gzip`);
}
