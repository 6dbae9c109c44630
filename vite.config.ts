import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs everywhere, so the build works under any path (https://news.example/graphics/cq-atlas/).
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
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
