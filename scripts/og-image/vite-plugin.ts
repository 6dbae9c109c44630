/**
 * The link preview in the build: draws the default view to `og-image.png` (1200 × 630) beside the
 * pages and gives each page its Open Graph and Twitter card tags. The public URL comes from
 * ATLAS_PUBLIC_URL (docs/deployment.md). Build only: the dev server has no image to show.
 */
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { charactersMissingFrom } from './font-coverage';
import { OG_FONTS } from './fonts';
import { loadOgImageData } from './load-data';
import { drawnCharacters, ogImageSvg } from './OgImage';
import { OG_IMAGE_FILE, parsePublicUrl, previewTags } from './preview-tags';
import { renderOgPng } from './render-png';

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
    generateBundle() {
      const svg = ogImageSvg(loadOgImageData(pathToFileURL(join(root, 'src', 'generated', '/'))));
      const missing = new Set(OG_FONTS.flatMap((font) => charactersMissingFrom(font, drawnCharacters(svg))));
      if (missing.size > 0) {
        this.warn(`${OG_IMAGE_FILE}: the font subset lacks ${[...missing].join(' ')}: run npm run font:subset`);
      }
      this.emitFile({ type: 'asset', fileName: OG_IMAGE_FILE, source: renderOgPng(svg) });
    },
  };
}
