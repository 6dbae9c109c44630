/**
 * `npm run font:subset`: makes the link-preview image's font subsets (assets/fonts/) from Noto
 * Sans CJK SC, holding only the characters the image draws (read from the image's SVG, drawn
 * from src/generated: run `npm run data` first). Run by a developer when those texts change,
 * not by the build; the glyph-coverage test says when that is needed.
 *
 *   npm run font:subset [-- --source-dir <directory holding NotoSansCJK-{Regular,Bold}.ttc>]
 *
 * The source is the Noto Sans CJK OpenType collection (Sans/OTC/ in the noto-cjk release, or
 * the fonts-noto-cjk package), found by fontconfig (`fc-match`) unless --source-dir is given. hb-subset reads
 * only a collection's first face (Japanese), so the Simplified Chinese face is first written out
 * as a font of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import subsetFont from 'subset-font';
import { fontPath, OG_FONT_FAMILY, OG_FONTS, type OgFont } from '../og-image/fonts';
import { loadOgImageData } from '../og-image/load-data';
import { drawnCharacters, ogImageSvg } from '../og-image/OgImage';
import { extractFace, faceName, faceOffsets, mappedCodePoints } from './sfnt';

const { values } = parseArgs({ options: { 'source-dir': { type: 'string' } } });

/** The collection's file: in --source-dir, or the one fontconfig picks for the face. */
function sourceFile(font: OgFont): string {
  const sourceDir = values['source-dir'];
  if (sourceDir) return join(sourceDir, font.source);
  try {
    return execFileSync('fc-match', ['--format=%{file}', `${OG_FONT_FAMILY}:style=${font.style}`], {
      encoding: 'utf8',
    });
  } catch {
    throw new Error('font:subset: fontconfig (fc-match) is not available: give --source-dir');
  }
}

const characters = [...new Set(drawnCharacters(ogImageSvg(loadOgImageData())))].sort().join('');

for (const font of OG_FONTS) {
  const file = sourceFile(font);
  if (basename(file) !== font.source || !existsSync(file)) {
    throw new Error(`font:subset: ${font.source} not found (found "${file}"); give --source-dir`);
  }
  const collection = readFileSync(file);
  const offset = faceOffsets(collection).find(
    (candidate) =>
      faceName(collection, candidate, 1) === OG_FONT_FAMILY && faceName(collection, candidate, 2) === font.style,
  );
  if (offset === undefined) throw new Error(`font:subset: ${font.source} has no ${OG_FONT_FAMILY} ${font.style}`);
  const subset = await subsetFont(extractFace(collection, offset), characters, {
    targetFormat: 'sfnt',
    keepFeatures: ['kern'],
  });
  const missing = [...characters].filter((character) => !mappedCodePoints(subset).has(character.codePointAt(0) ?? 0));
  if (missing.length > 0) throw new Error(`font:subset: ${font.source} lacks ${missing.join(' ')}`);
  writeFileSync(fontPath(font), subset);
  console.log(
    `font:subset: ${font.file}: ${characters.length} characters, ${(subset.length / 1024).toFixed(1)} KiB, from ${font.source} (${faceName(collection, offset, 5)})`,
  );
}
