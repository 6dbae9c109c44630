/** The numbered source list of the About panel: the numbers are the "[n]" the popups cite. */
import { useAtlas } from './atlas-context';
import { SourceName } from './SourceCitation';

export function SourceList() {
  const { t, content } = useAtlas();
  return (
    <section class="about-sources">
      <h3>{t('about.sourcesHeading')}</h3>
      <p>{t('about.sourcesIntro')}</p>
      <ol class="source-list">
        {[...content.sources.values()].map((source) => (
          <li key={source.entry.key} id={`source-${source.number}`} data-source={source.number} value={source.number}>
            <SourceName source={source} /> — {t(`sources.kind.${source.entry.kind}`)}
            {source.entry.copy && `, ${t('sources.copy')}`}
            {!source.entry.url && ` (${t('sources.noAddress')})`}
          </li>
        ))}
      </ol>
    </section>
  );
}
