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
