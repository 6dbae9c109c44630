/**
 * Checks that tie the content to the newspaper page: each article body is the page's
 * text (whitespace aside), and each quote is the article's text.
 */

import { ARTICLE_IDS } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type { ArticlesFile, PassageInput } from './inputs';
import { bodyText, withoutWhitespace } from './text';

/**
 * Article metadata and bodies against the page: every article once, the body, title,
 * authors and author note printed on the page, and the body free of the author note
 * (which would mean the body was cut in the wrong place).
 */
export function checkArticleTexts(articlesFile: ArticlesFile, page: string, file: string): void {
  const printed = withoutWhitespace(page);
  if (!printed.includes(withoutWhitespace(articlesFile.pageHeading))) {
    throw new DataBuildError(file, 'pageHeading', `"${articlesFile.pageHeading}" is not on the page`);
  }
  const ids = articlesFile.articles.map((article) => article.id);
  for (const id of ARTICLE_IDS) {
    const count = ids.filter((other) => other === id).length;
    if (count !== 1) throw new DataBuildError(file, `article "${id}"`, `must appear once, found ${count} times`);
  }
  for (const article of articlesFile.articles) {
    const fail = (problem: string): never => {
      throw new DataBuildError(file, `article "${article.id}"`, problem);
    };
    if ((article.titleZh === null) !== (article.titleEn === null)) {
      fail('titleZh and titleEn must both be null (no printed title) or both be set');
    }
    if (article.titleZh !== null && !printed.includes(withoutWhitespace(article.titleZh))) {
      fail(`title "${article.titleZh}" is not on the page`);
    }
    for (const author of article.authorsZh) {
      if (!printed.includes(withoutWhitespace(author))) fail(`author "${author}" is not on the page`);
    }
    if (article.authorsEn.length !== article.authorsZh.length) fail('authorsEn must match authorsZh one to one');
    if (!printed.includes(withoutWhitespace(article.affiliationZh))) {
      fail(`author note "${article.affiliationZh}" is not on the page`);
    }
    article.paragraphs.forEach((paragraph, index) => {
      if (/[\r\n]/.test(paragraph)) fail(`paragraph ${index + 1} still contains a line break from the page layout`);
    });
    const body = bodyText(article.paragraphs);
    if (!printed.includes(body)) {
      fail('the body (whitespace removed) is not a substring of the page (whitespace removed)');
    }
    if (body.includes(withoutWhitespace(article.affiliationZh))) fail('the body includes the author note');
  }
}

/** Every quote, whitespace removed, is a substring of its article's body, whitespace removed. */
export function checkQuotes(passages: PassageInput[], articlesFile: ArticlesFile, file: string): void {
  const bodies = new Map(articlesFile.articles.map((article) => [article.id, bodyText(article.paragraphs)]));
  for (const passage of passages) {
    const body = bodies.get(passage.article);
    const name = `passage "${passage.id}"`;
    if (body === undefined) throw new DataBuildError(file, name, `article "${passage.article}" does not exist`);
    if (!body.includes(withoutWhitespace(passage.quote))) {
      throw new DataBuildError(file, name, `the quote is not in article ${passage.article}: "${passage.quote}"`);
    }
  }
}

/** Punctuation after which (or before which) a clause ends in Chinese text. */
const CLAUSE_MARKS = '。；：！？，、';
/** Marks that open or close a quotation or aside; a boundary may sit just outside them. */
const OPENING = '“‘（《';
const CLOSING = '”’）》';

/** Where a quote sits in its article: its offsets in the body and whether each end is at a clause boundary. */
export interface QuoteCut {
  start: boolean;
  end: boolean;
}

/**
 * Whether a quote's ends fall on clause boundaries of its article: after or before one of
 * 。；：！？，、 (allowing an opening or closing quotation mark beside it) or at a paragraph
 * break. Line breaks of the print layout are not boundaries: bodies hold none. Of several
 * occurrences, the best placed counts. Null when the quote is not in the article.
 */
export function clauseBoundaries(quote: string, paragraphs: string[]): QuoteCut | null {
  const needle = withoutWhitespace(quote);
  const parts = paragraphs.map(withoutWhitespace);
  const body = parts.join('');
  const breaks = new Set<number>([0, body.length]);
  let offset = 0;
  for (const part of parts) {
    offset += part.length;
    breaks.add(offset);
  }
  const boundaryBefore = (at: number): boolean => {
    if (breaks.has(at)) return true;
    const previous = body[at - 1] ?? '';
    if (CLAUSE_MARKS.includes(previous)) return true;
    if (CLOSING.includes(previous) && CLAUSE_MARKS.includes(body[at - 2] ?? '')) return true;
    return OPENING.includes(previous) && boundaryBefore(at - 1);
  };
  const boundaryAfter = (at: number): boolean => {
    if (breaks.has(at)) return true;
    const last = body[at - 1] ?? '';
    if (CLAUSE_MARKS.includes(last) || CLAUSE_MARKS.includes(body[at] ?? '')) return true;
    return CLOSING.includes(last) && CLAUSE_MARKS.includes(body[at - 2] ?? '');
  };
  let best: QuoteCut | null = null;
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
    const cut = { start: boundaryBefore(at), end: boundaryAfter(at + needle.length) };
    if (!best || Number(cut.start) + Number(cut.end) > Number(best.start) + Number(best.end)) best = cut;
  }
  return best;
}

/**
 * A quote starts and ends at a clause boundary, unless it is marked as an excerpt, which
 * is shown with an ellipsis where it is cut; a marked excerpt must really be cut.
 */
export function checkClauseBoundaries(passages: PassageInput[], articlesFile: ArticlesFile, file: string): void {
  const paragraphs = new Map(articlesFile.articles.map((article) => [article.id, article.paragraphs]));
  for (const passage of passages) {
    const cut = clauseBoundaries(passage.quote, paragraphs.get(passage.article) ?? []);
    if (!cut) continue;
    const name = `passage "${passage.id}"`;
    const whole = cut.start && cut.end;
    if (!whole && !passage.excerpt) {
      throw new DataBuildError(
        file,
        name,
        `the quote ${cut.start ? 'ends' : 'starts'} inside a clause; quote whole clauses or mark it "excerpt": true`,
      );
    }
    if (whole && passage.excerpt) {
      throw new DataBuildError(file, name, 'marked as an excerpt, but the quote starts and ends at clause boundaries');
    }
  }
}
