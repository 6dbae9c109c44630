/**
 * The link-preview SVG drawn to PNG with resvg, in the committed font subset and nothing else:
 * the machine's own fonts are not loaded, so the image does not depend on where it is built.
 */
import { Resvg } from '@resvg/resvg-js';
import { fontPath, OG_FONT_FAMILY, OG_FONTS } from './fonts';

export function renderOgPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: {
      loadSystemFonts: false,
      fontFiles: OG_FONTS.map(fontPath),
      defaultFontFamily: OG_FONT_FAMILY,
      sansSerifFamily: OG_FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
