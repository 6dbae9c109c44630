/**
 * The Open Graph and Twitter card tags of a page: a bilingual title and description and the
 * preview image. Open Graph wants the image's absolute URL, which only the site's public URL
 * (the build option ATLAS_PUBLIC_URL) can give; without it the URL is relative to the page,
 * which some link previewers resolve and others ignore.
 */
import type { HtmlTagDescriptor } from 'vite';
import { OG_IMAGE_SIZE } from './image-size';
import { PREVIEW_DESCRIPTION, PREVIEW_IMAGE_ALT, PREVIEW_TITLE } from './texts';

/** The preview image's file, at the top of the built site beside the pages. */
export const OG_IMAGE_FILE = 'og-image.png';

/**
 * The site's public URL as a directory (`https://news.example/graphics/cq-atlas/`); undefined
 * when the value is unset or blank. Anything but an http(s) URL without query or fragment throws.
 */
export function parsePublicUrl(value: string | undefined): URL | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`ATLAS_PUBLIC_URL: "${trimmed}" is not a URL such as https://news.example/graphics/cq-atlas/`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `ATLAS_PUBLIC_URL: "${trimmed}" must be a plain http(s) URL, such as https://news.example/graphics/cq-atlas/`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const meta = (key: 'property' | 'name', name: string, content: string): HtmlTagDescriptor => ({
  tag: 'meta',
  attrs: { [key]: name, content },
  injectTo: 'head',
});

/** The tags of a page (`index.html`, `embed.html`) of a site published at `publicUrl`, if known. */
export function previewTags(page: string, publicUrl: URL | undefined): HtmlTagDescriptor[] {
  const image = publicUrl ? new URL(OG_IMAGE_FILE, publicUrl).href : `./${OG_IMAGE_FILE}`;
  const pageUrl = publicUrl ? new URL(page === 'index.html' ? '' : page, publicUrl).href : undefined;
  return [
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', PREVIEW_TITLE),
    meta('property', 'og:description', PREVIEW_DESCRIPTION),
    meta('property', 'og:locale', 'zh_CN'),
    meta('property', 'og:locale:alternate', 'en_GB'),
    ...(pageUrl ? [meta('property', 'og:url', pageUrl)] : []),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(OG_IMAGE_SIZE.width)),
    meta('property', 'og:image:height', String(OG_IMAGE_SIZE.height)),
    meta('property', 'og:image:alt', PREVIEW_IMAGE_ALT),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:image:alt', PREVIEW_IMAGE_ALT),
  ];
}
