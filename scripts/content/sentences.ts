/**
 * An article's sentences, for the sentence ledger: each paragraph (whitespace removed) cut
 * after 。！？ and any closing quotation mark that follows; a paragraph's unpunctuated tail
 * is a sentence too. Offsets are into the whole body, whitespace removed.
 */
import { withoutWhitespace } from './text';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export function sentencesOf(paragraphs: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const paragraph of paragraphs.map(withoutWhitespace)) {
    for (const match of paragraph.matchAll(/.*?[。！？][”’]?|.+$/gu)) {
      if (match[0] === '') continue;
      const start = offset + (match.index ?? 0);
      sentences.push({ text: match[0], start, end: start + match[0].length });
    }
    offset += paragraph.length;
  }
  return sentences;
}
