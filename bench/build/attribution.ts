/**
 * Which bytes of a build are the map library, the app and its data. A Vite plugin reads the
 * bundle as written (chunks with their source maps, CSS with the chunk that imports it,
 * assets with the file they came from); `attributeFiles` then sizes every file in the folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import type { ByteCategory, FileBytes } from '../types';
import { splitBySource } from './source-split';

/** The map engines the baselines and the atlas are built on. */
const LIBRARY = /node_modules[\\/](maplibre-gl|leaflet)[\\/]/;
const DATA_EXTENSIONS = new Set(['.json', '.geojson']);

export const categoryOfSource = (source: string): ByteCategory => (LIBRARY.test(source) ? 'library' : 'app');

const gzipSize = (body: Buffer | string) => gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;

export interface BundleCategories {
  /** Chunks that mix categories: their text by category. */
  mixed: Map<string, Map<ByteCategory, string>>;
  /** Files of one category, by output file name. */
  whole: Map<string, ByteCategory>;
  /** npm packages bundled into each chunk, by output file name. */
  packages: Map<string, string[]>;
}

const PACKAGE = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/;

function packagesOf(moduleIds: readonly string[]): string[] {
  return [...new Set(moduleIds.flatMap((id) => PACKAGE.exec(id)?.[1]?.replace('\\', '/') ?? []))].sort();
}

export function attributionPlugin(into: BundleCategories): Plugin {
  return {
    name: 'atlas-bench-attribution',
    enforce: 'post',
    generateBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') {
          // Source paths are relative to the map, which sits beside the chunk.
          const mapDir = resolve(options.dir ?? '.', dirname(file.fileName));
          const byCategory = file.map
            ? splitBySource(file.code, file.map, (source) => categoryOfSource(resolve(mapDir, source)), 'app')
            : new Map<ByteCategory, string>([['app', file.code]]);
          into.mixed.set(file.fileName, byCategory);
          into.packages.set(file.fileName, packagesOf(file.moduleIds));
          // A chunk's CSS is the library's when every stylesheet bundled into it is.
          const styles = file.moduleIds.filter((id) => id.endsWith('.css'));
          const cssCategory = styles.length > 0 && styles.every((id) => LIBRARY.test(id)) ? 'library' : 'app';
          for (const css of file.viteMetadata?.importedCss ?? []) into.whole.set(css, cssCategory);
        } else {
          const origin = file.originalFileNames.join(' ');
          if (LIBRARY.test(origin)) into.whole.set(file.fileName, 'library');
        }
      }
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every servable file of `dir` (not source maps nor precompressed copies), keyed by URL path. */
export function attributeFiles(dir: string, categories: BundleCategories): Record<string, FileBytes> {
  const files: Record<string, FileBytes> = {};
  for (const path of filesUnder(dir)) {
    if (/\.(map|br|gz)$/.test(path)) continue;
    const name = relative(dir, path).split(sep).join('/');
    const body = readFileSync(path);
    const total = { raw: body.length, gzip: gzipSize(body) };
    const mixed = categories.mixed.get(name);
    if (mixed && mixed.size > 1) {
      // Each part compressed alone, scaled so the parts add up to the file's real gzip size.
      const parts = [...mixed].map(([category, text]) => ({
        category,
        raw: Buffer.byteLength(text),
        gzip: gzipSize(text),
      }));
      const gzipSum = parts.reduce((sum, part) => sum + part.gzip, 0);
      const bytes: FileBytes = {};
      for (const part of parts) {
        bytes[part.category] = { raw: part.raw, gzip: Math.round((part.gzip / gzipSum) * total.gzip) };
      }
      files[`/${name}`] = bytes;
      continue;
    }
    const category =
      categories.whole.get(name) ??
      (mixed ? [...mixed.keys()][0] : undefined) ??
      (DATA_EXTENSIONS.has(extname(name)) ? 'data' : 'app');
    files[`/${name}`] = { [category]: total };
  }
  return files;
}
