/**
 * "Cite": how to cite the atlas (version, content version, build date, the page's own address)
 * and each article (author, title, newspaper, page), each with a copy button.
 */
import { useAtlas } from './atlas-context';
import { CopyableText } from './CopyableText';
import type { DataPackageSummary } from './use-data-package';

/** The page's address without its state (query and fragment): the atlas, not one view of it. */
function pageAddress(): string {
  const url = new URL(location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

export function CiteBox({ pkg }: { pkg: DataPackageSummary | null | undefined }) {
  const { t, lang, content } = useAtlas();
  const { contentVersion, pageHeading, articles } = content.data;
  const atlas = t('cite.atlasText', {
    version: pkg?.version ?? '—',
    contentVersion: contentVersion.version,
    built: pkg?.created.slice(0, 10) ?? contentVersion.date,
    url: pageAddress(),
  });
  return (
    <section class="about-cite" aria-labelledby="about-cite-heading">
      <h3 id="about-cite-heading">{t('cite.heading')}</h3>
      <h4>{t('cite.atlas')}</h4>
      <CopyableText text={atlas} label={t('cite.atlas')} />
      <h4>{t('cite.articles')}</h4>
      {articles.map((article) => {
        const title = (lang === 'zh' ? article.titleZh : article.titleEn) ?? `[${article.topic[lang]}]`;
        const authors = (lang === 'zh' ? article.authorsZh : article.authorsEn).join(lang === 'zh' ? '、' : ', ');
        const text = t('cite.articleText', { authors, title, page: pageHeading });
        return <CopyableText key={article.id} text={text} label={authors} />;
      })}
    </section>
  );
}
