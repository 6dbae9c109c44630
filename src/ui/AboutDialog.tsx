import { useEffect, useState } from 'preact/hooks';
import type { ABOUT } from '../i18n/about';
import { useAtlas } from './atlas-context';
import { CiteBox } from './CiteBox';
import { CorrectionsLog } from './CorrectionsLog';
import { Dialog } from './Dialog';
import { OpenDataSection } from './OpenDataSection';
import { articleLabel } from './PopupContent';
import { SourceList } from './SourceList';
import { useDataPackage } from './use-data-package';

/** What the map shows, the articles, boundary sources and licences, vintage, figures and the numbered sources. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t, lang, content } = useAtlas();
  const pkg = useDataPackage();
  // The about text (both languages) is not needed for the first view: it loads when the
  // dialog first opens, while the dialog itself opens (and closes) at once.
  const [about, setAbout] = useState<typeof ABOUT | null>(null);
  useEffect(() => {
    void import('../i18n/about').then((module) => setAbout(module.ABOUT));
  }, []);
  return (
    <Dialog title={t('about.heading')} closeLabel={t('about.close')} onClose={onClose} class="about">
      {about?.[lang].map((section, index) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph.slice(0, 24)}>{paragraph}</p>
          ))}
          {index === 1 && (
            <ul>
              {content.data.articles.map((article) => (
                <li key={article.id}>
                  {articleLabel(article, lang)}
                  {!article.titleZh && <> ({t('article.noTitle')})</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {about && <OpenDataSection pkg={pkg} />}
      {about && <CiteBox pkg={pkg} />}
      {about && <SourceList />}
      {about && <CorrectionsLog />}
    </Dialog>
  );
}
