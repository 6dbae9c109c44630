/**
 * Which characters of a text the committed font subsets cannot draw. resvg leaves such a
 * character out without a word, so the build warns and a test fails on any.
 */
import { readFileSync } from 'node:fs';
import { mappedCodePoints } from '../fonts/sfnt';
import { fontPath, type OgFont } from './fonts';

export function charactersMissingFrom(font: OgFont, text: string): string[] {
  const mapped = mappedCodePoints(readFileSync(fontPath(font)));
  return [...new Set(text)].filter((character) => !mapped.has(character.codePointAt(0) ?? -1));
}
