/**
 * The host script, built after the app into the same dist/ at stable, unhashed URLs:
 *   vite build -c vite.host.config.ts                  → atlas-embed.js (ES module) + atlas-embed.d.ts
 *   vite build -c vite.host.config.ts --mode classic   → atlas-embed.iife.js (window.CqAtlas.embed)
 * Two builds because `import.meta` is a syntax error in a classic script: that build defines
 * import.meta.url as undefined, and host.ts reads its address from document.currentScript.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const declarations = resolve(import.meta.dirname, 'src/embed/atlas-embed.d.ts');

export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  return {
    publicDir: false,
    build: {
      target: 'es2020',
      outDir: 'dist',
      // dist/ already holds the app (the first `vite build`) and the other format.
      emptyOutDir: false,
      lib: {
        entry: resolve(import.meta.dirname, 'src/embed/host.ts'),
        name: 'CqAtlas',
        formats: [classic ? 'iife' : 'es'],
        fileName: () => (classic ? 'atlas-embed.iife.js' : 'atlas-embed.js'),
      },
      rolldownOptions: {
        transform: classic ? { define: { 'import.meta.url': 'undefined' } } : {},
        // Loaded as is by browsers, not bundled again: minify fully, whitespace and annotations too.
        output: { minify: true, comments: false },
        plugins: classic
          ? []
          : [
              {
                name: 'atlas-embed-declarations',
                generateBundle() {
                  this.emitFile({
                    type: 'asset',
                    fileName: 'atlas-embed.d.ts',
                    source: readFileSync(declarations, 'utf8'),
                  });
                },
              },
            ],
      },
    },
  };
});
