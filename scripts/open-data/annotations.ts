/**
 * The passages as W3C Web Annotations. The article has no URL and no known date, so the target
 * names it by newspaper, page and author; the TextQuoteSelector's exact, prefix and suffix are
 * taken from the article's body with all whitespace removed — the text the build's verbatim
 * check compares quotes against, since the page's line and column breaks are layout.
 */

import type { PlaceIndex } from '../../src/data/place-index';
import type { ArticlesData, ContentData } from '../../src/types/content';
import { withoutWhitespace } from '../content/text';

/** How many characters of context the selector keeps on each side (fewer at the body's ends). */
export const CONTEXT_CHARS = 32;

export const NEWSPAPER = { zh: '重庆日报', en: 'Chongqing Daily' };

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export function quoteSelector(quote: string, body: string): TextQuoteSelector {
  const exact = withoutWhitespace(quote);
  const at = body.indexOf(exact);
  if (at < 0) throw new Error(`quote not in its article: "${quote}"`);
  const prefix = body.slice(Math.max(0, at - CONTEXT_CHARS), at);
  const suffix = body.slice(at + exact.length, at + exact.length + CONTEXT_CHARS);
  return {
    type: 'TextQuoteSelector',
    exact,
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

export function annotationCollection(
  content: ContentData,
  articles: ArticlesData,
  places: PlaceIndex,
  created: string,
): object {
  const bodies = new Map(
    articles.articles.map((article) => [article.id, withoutWhitespace(article.paragraphs.join(''))]),
  );
  const items = content.passages.map((passage) => {
    const article = content.articles.find((entry) => entry.id === passage.article);
    const body = bodies.get(passage.article);
    if (!article || body === undefined) throw new Error(`passage "${passage.id}": no article "${passage.article}"`);
    return {
      id: `#${passage.id}`,
      type: 'Annotation',
      motivation: 'identifying',
      created,
      body: [
        ...passage.places.map((id) => ({
          type: 'SpecificResource',
          purpose: 'identifying',
          // The atlas's own view of the place, relative to this file: a district's GB/T 2260 code or a region's id.
          source: {
            id: `../?sel=${encodeURIComponent(id)}`,
            label: `${places.name(id, 'zh')} ${places.name(id, 'en')}`,
          },
          identifier: id,
        })),
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: passage.translationEn,
          format: 'text/plain',
          language: 'en',
        },
      ],
      target: {
        type: 'SpecificResource',
        source: {
          id: `#article-${article.id}`,
          type: 'Text',
          language: 'zh',
          title: article.titleZh ?? article.topic.zh,
          creator: article.authorsZh.map((name, index) => ({
            type: 'Person',
            name,
            nickname: article.authorsEn[index],
          })),
          isPartOf: {
            title: `${NEWSPAPER.zh} 新论 “${content.pageHeading}”`,
            publisher: `${NEWSPAPER.zh} ${NEWSPAPER.en}`,
          },
        },
        selector: quoteSelector(passage.quote, body),
      },
    };
  });
  return {
    '@context': [
      'http://www.w3.org/ns/anno.jsonld',
      {
        dcterms: 'http://purl.org/dc/terms/',
        title: 'dcterms:title',
        isPartOf: 'dcterms:isPartOf',
        publisher: 'dcterms:publisher',
        identifier: 'dcterms:identifier',
      },
    ],
    id: 'annotations.jsonld',
    type: 'AnnotationCollection',
    label: 'Chongqing Spatial Strategy Atlas: passages and the places they concern',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
