/**
 * Builds the four pages the benchmark serves: the atlas with the project's own vite.config.ts
 * (as `npm run build` does, plus hidden source maps, which leave the JS byte for byte the
 * same, to tell MapLibre's bytes from the atlas's), and each baseline in bench/pages as its
 * own Vite site. Every page is precompressed as production is (scripts/precompress.mjs).
 * Builds go to node_modules/.cache/atlas-bench, never dist/, and are reused while no input changed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { precompress } from '../../scripts/precompress.mjs';
import { type BasePageName, type BuiltPage, isAtlasPage, PAGE_NAMES, type PageName } from '../types';
import { attributeFiles, attributionPlugin, type BundleCategories } from './attribution';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the pages are built; ATLAS_BENCH_CACHE gives a run its own (the smoke test's, beside a bench). */
export const CACHE_DIR = resolve(process.env.ATLAS_BENCH_CACHE ?? join(ROOT, 'node_modules/.cache/atlas-bench'));
const MANIFEST = join(CACHE_DIR, 'manifest.json');

/** Everything a build reads: a change to any of it means building again. */
// scripts/: the Vite plugins the config loads (the link preview, the HTML's static map) live there.
const ATLAS_INPUTS = ['src', 'public', 'scripts', 'index.html', 'embed.html', 'vite.config.ts'];
const BENCH_INPUTS = [
  'package-lock.json',
  'scripts/precompress.mjs',
  'bench/pages',
  'bench/build',
  'geodata/sources/datav-amap/chongqing_districts_gcj02_raw.geojson',
];

function listInputs(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listInputs(join(path, name)));
}

function fingerprint(atlasRoot: string): string {
  const hash = createHash('sha256');
  const inputs = [
    ...ATLAS_INPUTS.map((input) => join(atlasRoot, input)),
    ...BENCH_INPUTS.map((input) => join(ROOT, input)),
  ];
  for (const path of inputs.flatMap(listInputs)) {
    hash.update(path).update(readFileSync(path));
  }
  return hash.digest('hex');
}

export async function buildPage(page: PageName, outDir: string, atlasRoot = ROOT): Promise<BuiltPage> {
  const categories: BundleCategories = { mixed: new Map(), whole: new Map(), packages: new Map() };
  const common = {
    logLevel: 'warn' as const,
    plugins: [attributionPlugin(categories)],
  };
  // Rolldown's notes on slow plugins would be about this benchmark's own attribution plugin.
  const rolldownOptions = { checks: { bundlerTimings: false } };
  if (isAtlasPage(page)) {
    await build({
      ...common,
      root: atlasRoot,
      configFile: join(atlasRoot, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true, sourcemap: 'hidden', rolldownOptions },
    });
  } else {
    await build({
      ...common,
      root: join(ROOT, 'bench/pages', page),
      configFile: false,
      base: '/',
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: 'hidden',
        target: 'es2022',
        assetsInlineLimit: 0,
        chunkSizeWarningLimit: 2000,
        rolldownOptions,
      },
    });
  }
  precompress(outDir);
  const packages = Object.fromEntries([...categories.packages].map(([file, names]) => [`/${file}`, names]));
  return { name: page, dir: outDir, files: attributeFiles(outDir, categories), packages };
}

/** The atlas's data artifacts (src/generated); a no-op when they are up to date. */
export function buildData(): void {
  const result = spawnSync('npx', ['tsx', 'scripts/build-data.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('bench: `npm run data` failed');
}

export interface BuildOptions {
  /** Build even if nothing changed. */
  force?: boolean;
  /**
   * Another checkout of the atlas to measure instead of this one (its own src/ and
   * vite.config.ts, with src/generated already built): before/after comparisons of a change.
   */
  atlasRoot?: string;
  /** A checkout to measure beside the atlas as `before` (src/generated built, as for atlasRoot). */
  beforeRoot?: string;
  log?: (line: string) => void;
}

export type BuiltPages = Record<BasePageName, BuiltPage> & { before?: BuiltPage };

export async function buildPages(options: BuildOptions = {}): Promise<BuiltPages> {
  const log = options.log ?? (() => undefined);
  const atlasRoot = resolve(options.atlasRoot ?? ROOT);
  const beforeRoot = options.beforeRoot === undefined ? undefined : resolve(options.beforeRoot);
  buildData();
  const stamp = fingerprint(atlasRoot) + (beforeRoot ? ` ${fingerprint(beforeRoot)}` : '');
  if (!options.force && existsSync(MANIFEST)) {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { stamp: string; pages: BuiltPage[] };
    if (manifest.stamp === stamp && manifest.pages.every((page) => existsSync(join(page.dir, 'index.html')))) {
      log('build: reusing the pages built from the same inputs');
      return Object.fromEntries(manifest.pages.map((page) => [page.name, page])) as BuiltPages;
    }
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const pages: BuiltPage[] = [];
  const roots: [PageName, string][] = [
    ...PAGE_NAMES.map((page): [PageName, string] => [page, atlasRoot]),
    ...(beforeRoot ? [['before', beforeRoot] as [PageName, string]] : []),
  ];
  for (const [page, root] of roots) {
    const started = performance.now();
    pages.push(await buildPage(page, join(CACHE_DIR, page), root));
    log(`build: ${page} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  writeFileSync(MANIFEST, JSON.stringify({ stamp, pages }));
  return Object.fromEntries(pages.map((page) => [page.name, page])) as BuiltPages;
}
