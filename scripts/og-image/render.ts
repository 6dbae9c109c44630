/**
 * The link-preview image from the data build's output: its SVG drawn to PNG, and the characters
 * the committed font subset could not draw (resvg leaves them out without a word).
 */
import { charactersMissingFrom } from './font-coverage';
import { OG_FONTS } from './fonts';
import { loadOgImageData } from './load-data';
import { drawnCharacters, ogImageSvg } from './OgImage';
import { renderOgPng } from './render-png';

export function renderOgImage(generated: URL): { png: Buffer; missing: string[] } {
  const svg = ogImageSvg(loadOgImageData(generated));
  const missing = new Set(OG_FONTS.flatMap((font) => charactersMissingFrom(font, drawnCharacters(svg))));
  return { png: renderOgPng(svg), missing: [...missing] };
}
