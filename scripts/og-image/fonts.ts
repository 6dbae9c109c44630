/**
 * The fonts the link-preview image is drawn with: subsets of Noto Sans CJK SC (SIL OFL 1.1),
 * committed under assets/fonts/ and made by `npm run font:subset`. The build reads only these,
 * never the machine's fonts, so every machine draws the same image.
 */
import { fileURLToPath } from 'node:url';

export const OG_FONT_FAMILY = 'Noto Sans CJK SC';

export interface OgFont {
  /** The face's style name in the source collection. */
  style: 'Regular' | 'Bold';
  /** The source collection's file name (fonts-noto-cjk, or the release's Sans/OTC/). */
  source: string;
  /** The committed subset's file name. */
  file: string;
}

export const OG_FONTS: readonly OgFont[] = [
  { style: 'Regular', source: 'NotoSansCJK-Regular.ttc', file: 'NotoSansCJKsc-Regular.og-subset.otf' },
  { style: 'Bold', source: 'NotoSansCJK-Bold.ttc', file: 'NotoSansCJKsc-Bold.og-subset.otf' },
];

export const fontsDirectory = () => fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
export const fontPath = (font: OgFont) => fileURLToPath(new URL(`../../assets/fonts/${font.file}`, import.meta.url));
