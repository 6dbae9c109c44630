import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { firstPaint } from './scripts/first-paint/plugin';
import { linkPreview } from './scripts/og-image/vite-plugin';
import { BASEMAP_META_NAME } from './src/map/basemap-setting';

/**
 * The optional basemap (`ATLAS_BASEMAP=<style.json or .pmtiles URL>`, with its credit line in
 * `ATLAS_BASEMAP_ATTRIBUTION`), written into each page as a meta element the app reads at run
 * time (src/map/basemap-setting.ts). Unset: no element, and the map asks no other host.
 */
function basemapMeta(): Plugin {
  const url = process.env.ATLAS_BASEMAP?.trim();
  const attribution = process.env.ATLAS_BASEMAP_ATTRIBUTION?.trim() || '© OpenStreetMap contributors';
  return {
    name: 'atlas-basemap',
    transformIndexHtml: () =>
      url
        ? [
            {
              tag: 'meta',
              attrs: { name: BASEMAP_META_NAME, content: JSON.stringify({ url, attribution }) },
              injectTo: 'head',
            },
          ]
        : [],
  };
}

/**
 * The shared start chunk for every module the pages load at once, except each page's own entry
 * (our module imported by its HTML alone): that mounts its page, so it must stay apart.
 */
/** What the bundler tells of a module while it groups chunks (the part read here). */
interface ChunkingContext {
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

function startChunk(id: string, context: ChunkingContext): string | null {
  const importers = context.getModuleInfo(id)?.importers ?? [];
  // Vite's own module-preload polyfill, also imported by the HTML, is shared: it goes in.
  const pageEntry =
    id.endsWith('.html') ||
    (/\.tsx?$/.test(id) && importers.length > 0 && importers.every((importer) => importer.endsWith('.html')));
  return pageEntry ? null : 'atlas';
}

export default defineConfig({
  // Relative URLs everywhere, so the build works under any path (https://news.example/graphics/cq-atlas/).
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  plugins: [basemapMeta(), linkPreview(), firstPaint()],
  build: {
    target: 'es2022',
    // Readers never fetch them; they let anyone debugging the live map (and Lighthouse) see our source.
    sourcemap: true,
    // Never inline assets as data: URLs: the Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
      output: {
        // Everything the start needs in one chunk: left alone, each module the start shares
        // with a chunk loaded later (the SVG renderer, the map) becomes a file of its own, and a
        // dozen small files queue behind each other on an HTTP/1.1 host's six connections.
        codeSplitting: { groups: [{ name: startChunk, tags: ['$initial'] }] },
      },
    },
  },
});
