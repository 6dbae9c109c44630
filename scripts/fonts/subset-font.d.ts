declare module 'subset-font' {
  /** A font reduced to the glyphs of `text` by hb-subset (harfbuzz, as WebAssembly). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
      preserveNameIds?: number[];
      keepFeatures?: string[];
    },
  ): Promise<Buffer>;
}
