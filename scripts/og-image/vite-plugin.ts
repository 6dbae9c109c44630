/**
 * The link preview in the build: draws the default view to `og-image.png` (1200 × 630) beside the
 * pages and gives each page its Open Graph and Twitter card tags. The public URL comes from
 * ATLAS_PUBLIC_URL (docs/deployment.md). Build only: the dev server has no image to show. The
 * renderer is TypeScript with JSX from src/, loaded through tsx, since Vite's config bundle does
 * not compile Preact's JSX.
 */
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { OG_IMAGE_FILE, parsePublicUrl, previewTags } from './preview-tags';

type Renderer = typeof import('./render');

export function linkPreview(publicUrlOption = process.env.ATLAS_PUBLIC_URL): Plugin {
  const publicUrl = parsePublicUrl(publicUrlOption);
  let root = process.cwd();
  return {
    name: 'atlas-link-preview',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: (_html, context) => previewTags(basename(context.path), publicUrl),
    async generateBundle() {
      const { renderOgImage } = (await tsImport('./render.ts', import.meta.url)) as Renderer;
      const { png, missing } = renderOgImage(pathToFileURL(join(root, 'src', 'generated', '/')));
      if (missing.length > 0) {
        this.warn(`${OG_IMAGE_FILE}: the font subset lacks ${missing.join(' ')}: run npm run font:subset`);
      }
      this.emitFile({ type: 'asset', fileName: OG_IMAGE_FILE, source: png });
    },
  };
}
