/**
 * Figures with unit, year, what they measure, source and (for derived ones) the formula.
 * A figure without a value is "no data" and cites nothing: there is no source to show.
 */
import type { Figure } from '../types/content';
import { useAtlas } from './atlas-context';
import { formatFigureValue } from './format';
import { CitedText, SourceCitation } from './SourceCitation';

export function FigureList({ figures }: { figures: Figure[] }) {
  const { t, lang, content } = useAtlas();
  return (
    <ul class="figures">
      {figures.map((figure) => (
        <li key={figure.id} class="figure" data-figure={figure.id}>
          <span class="figure-measure">
            {figure.measure[lang]} ({figure.year})
          </span>
          <span class={figure.value === null ? 'figure-value no-data' : 'figure-value'}>
            {formatFigureValue(figure, lang, t('figure.noData'))}
          </span>
          {figure.derived && (
            <span class="figure-derived">
              {t('figure.derived')} · {t('figure.formula')}: {figure.derived.formula[lang]}
            </span>
          )}
          {figure.value !== null && (
            <span class="figure-source">
              {t('popup.source')}:{' '}
              {figure.source.kind === 'article' ? (
                sourceArticle(content.article(figure.source.article), lang)
              ) : (
                <>
                  <SourceCitation citation={figure.source.key} />
                  {figure.source.note && (
                    <>
                      {' '}
                      — <CitedText text={figure.source.note[lang]} />
                    </>
                  )}
                </>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function sourceArticle(article: { authorsZh: string[]; authorsEn: string[] } | undefined, lang: 'zh' | 'en') {
  if (!article) return '';
  return lang === 'zh'
    ? `文章（${article.authorsZh.join('、')}）`
    : `the article by ${article.authorsEn.join(' and ')}`;
}
