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
    },
  },
});
