/**
 * The reader: the four articles as paragraphs with every place-bearing passage marked.
 * Choosing a passage lights up its places on the map and moves the view to them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { segmentParagraphs } from '../content/segments';
import { loadArticles } from '../data/load-data';
import type { ArticleId, ArticlesData } from '../types/content';
import { useAtlas } from './atlas-context';
import { passageUrl } from './PassageQuote';

export function Reader() {
  const { t, lang, content, places, state, openPassage, selectPlace, takeReaderFocus } = useAtlas();
  const [articles, setArticles] = useState<ArticlesData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const passage = state.passage ? content.passages.get(state.passage) : undefined;
  const [chosen, setChosen] = useState<ArticleId>(passage?.article ?? 'a1');
  const articleId = passage?.article ?? chosen;
  const marked = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    loadArticles()
      .then(setArticles)
      .catch((error: unknown) => setFailure(String((error as Error).message ?? error)));
  }, []);

  const meta = content.article(articleId);
  const text = articles?.articles.find((article) => article.id === articleId);
  const articlePassages = useMemo(
    () => content.data.passages.filter((item) => item.article === articleId),
    [content, articleId],
  );
  const segments = useMemo(
    () => (text ? segmentParagraphs(text.paragraphs, articlePassages) : []),
    [text, articlePassages],
  );

  useEffect(() => {
    // To the top of the reader: the passage's translation box stands sticky over its lower part.
    marked.current?.scrollIntoView({ block: 'start', behavior: 'auto' });
    // "Read in context" moves the reader's place too, not only the view (it may wait for the text).
    if (marked.current && takeReaderFocus()) marked.current.focus({ preventScroll: true });
  }, [state.passage, segments]);

  if (failure) return <p role="alert">{failure}</p>;
  return (
    <section class="reader" aria-labelledby="reader-heading">
      <h2 id="reader-heading">{t('reader.heading')}</h2>
      <label for="reader-article">{t('reader.chooseArticle')}</label>
      <select
        id="reader-article"
        value={articleId}
        onChange={(event) => {
          openPassage(null);
          setChosen((event.currentTarget as HTMLSelectElement).value as ArticleId);
        }}
      >
        {content.data.articles.map((article) => (
          <option key={article.id} value={article.id}>
            {(lang === 'zh' ? article.authorsZh : article.authorsEn).join(lang === 'zh' ? '、' : ', ')}
            {' — '}
            {(lang === 'zh' ? article.titleZh : article.titleEn) ?? article.topic[lang]}
          </option>
        ))}
      </select>
      {meta && (
        <header class="article-meta">
          {meta.titleZh ? (
            <h3 lang="zh-Hans">{meta.titleZh}</h3>
          ) : (
            <h3 class="article-topic">
              <span class="topic-label">{t('reader.topic')}: </span>
              {meta.topic[lang]}
            </h3>
          )}
          {lang === 'en' && meta.titleEn && <p class="article-title-en">{meta.titleEn}</p>}
          <p class="byline">
            {t('reader.byline', {
              authors: (lang === 'zh' ? meta.authorsZh : meta.authorsEn).join(lang === 'zh' ? '、' : ', '),
            })}{' '}
            ({lang === 'zh' ? meta.affiliationZh : meta.affiliationEn})
          </p>
        </header>
      )}
      {!articles && <p role="status">{t('reader.loading')}</p>}
      <div class="article-text" lang="zh-Hans">
        {segments.map((paragraph, index) => (
          <p key={index}>
            {paragraph.map((segment, segmentIndex) =>
              segment.passageId ? (
                <a
                  key={segmentIndex}
                  ref={segment.passageId === state.passage ? marked : undefined}
                  class={segment.passageId === state.passage ? 'passage-mark current' : 'passage-mark'}
                  href={passageUrl(segment.passageId)}
                  data-passage={segment.passageId}
                  aria-current={segment.passageId === state.passage ? 'true' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    openPassage(segment.passageId);
                  }}
                >
                  {segment.text}
                </a>
              ) : (
                <span key={segmentIndex}>{segment.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
      {passage && (
        <section class="reader-passage" aria-label={t('reader.passage')} lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
          <p class="passage-translation" lang="en">
            <span class="translation-label">{t('popup.translation')}: </span>
            {passage.translationEn}
          </p>
          <ul class="passage-places">
            {passage.places.map((id) => (
              <li key={id}>
                <button type="button" class="link-button" onClick={() => selectPlace(id)}>
                  {places.name(id, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
