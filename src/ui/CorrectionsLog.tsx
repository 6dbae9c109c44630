/** The content version and the dated corrections log, newest first, for the About panel. */
import { useAtlas } from './atlas-context';

export function CorrectionsLog() {
  const { t, lang, content } = useAtlas();
  const { contentVersion, corrections } = content.data;
  return (
    <section class="about-corrections">
      <h3>{t('about.correctionsHeading')}</h3>
      <p class="content-version">
        {t('about.contentVersion', { version: `${contentVersion.version} (${contentVersion.date})` })}
      </p>
      <ul>
        {[...corrections].reverse().map((entry) =>
          entry.changes.map((change, index) => (
            <li key={`${entry.version}-${change.kind}-${change.ids.join()}-${index}`} data-version={entry.version}>
              <time dateTime={entry.date}>{entry.date}</time> · {entry.version}: {change.text[lang]}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
