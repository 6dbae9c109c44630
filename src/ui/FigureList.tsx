/**
 * Figures with unit, year, what they measure, source and (for derived ones) the formula.
 * A figure without a value is "no data" and cites nothing: there is no source to show.
 */
import type { Figure } from '../types/content';
import { useAtlas } from './atlas-context';
import { formatFigureValue } from './format';
import { CitedText, SourceCitation } from './SourceCitation';

export function FigureList({ figures }: { figures: Figure[] }) {
  const { t, lang } = useAtlas();
  return (
    <ul class="figures">
      {figures.map((figure) => (
        <li key={figure.id} class="figure" data-figure={figure.id}>
          <span class="figure-measure">
            {figure.measure[lang]} ({figure.year[lang]})
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
              {t('popup.source')}: <FigureSource figure={figure} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Where a figure comes from: the article's authors, or the source's citation and note. */
export function FigureSource({ figure }: { figure: Figure }) {
  const { lang, content } = useAtlas();
  if (figure.source.kind === 'article') return <>{sourceArticle(content.article(figure.source.article), lang)}</>;
  return (
    <>
      <SourceCitation citation={figure.source.key} />
      {figure.source.note && (
        <>
          {' '}
          — <CitedText text={figure.source.note[lang]} />
        </>
      )}
    </>
  );
}

function sourceArticle(article: { authorsZh: string[]; authorsEn: string[] } | undefined, lang: 'zh' | 'en') {
  if (!article) return '';
  return lang === 'zh'
    ? `文章（${article.authorsZh.join('、')}）`
    : `the article by ${article.authorsEn.join(' and ')}`;
}
