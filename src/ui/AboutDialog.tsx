import { ABOUT } from '../i18n/about';
import { useAtlas } from './atlas-context';
import { Dialog } from './Dialog';
import { articleLabel } from './PopupContent';

/** What the map shows, the articles, boundary sources and licences, vintage and figures. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t, lang, content } = useAtlas();
  return (
    <Dialog title={t('about.heading')} closeLabel={t('about.close')} onClose={onClose} class="about">
      {ABOUT[lang].map((section, index) => (
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
                  {!article.titleZh && <> ({t('reader.topic')})</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Dialog>
  );
}
