/**
 * Breaks a text into lines no wider than a width, by an estimate of its glyphs' advances (SVG
 * text does not wrap). Chinese breaks between any two characters; other text between words.
 */

/** Noto Sans CJK's ideographs and full-width punctuation are 1 em wide; its Latin averages about 0.56 em. */
const isWide = (character: string) => /[\u3000-\u9fff\uff00-\uffef]/u.test(character);
const LATIN_EM = 0.56;

export function estimatedWidth(text: string, fontSize: number): number {
  return [...text].reduce((width, character) => width + (isWide(character) ? 1 : LATIN_EM) * fontSize, 0);
}

export function wrapLines(text: string, maxWidth: number, fontSize: number): string[] {
  const units = [...text].some(isWide) ? [...text] : text.split(/(?<=\s)/u);
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line !== '' && estimatedWidth((line + unit).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
