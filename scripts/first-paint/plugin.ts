/**
 * Writes the first paint (render.tsx) into each page where the page marks it: the default view
 * as inline SVG, painted with the HTML before any script. The renderer is TypeScript with JSX
 * from src/, loaded through tsx, since Vite's config bundle does not compile Preact's JSX.
 */
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { FirstPaintPage } from './render';

/** Where a page wants its first paint. */
export const FIRST_PAINT_MARKER = '<!-- first-paint -->';

type Renderer = typeof import('./render');

export function firstPaint(): Plugin {
  let renderer: Promise<Renderer> | undefined;
  return {
    name: 'atlas-first-paint',
    async transformIndexHtml(html, context) {
      if (!html.includes(FIRST_PAINT_MARKER)) return html;
      renderer ??= tsImport('./render.tsx', import.meta.url) as Promise<Renderer>;
      const page: FirstPaintPage = context.path.endsWith('embed.html') ? 'embed' : 'full';
      return html.replace(FIRST_PAINT_MARKER, (await renderer).renderFirstPaint(page));
    },
  };
}
