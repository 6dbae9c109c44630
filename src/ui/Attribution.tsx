/** Always-visible credits: boundary sources (with the DataV licence note), Natural Earth, the page. */
import { useAtlas } from './atlas-context';

export function Attribution() {
  const { t, lang, places } = useAtlas();
  return (
    <footer class="attribution">
      <span class="visually-hidden">{t('attribution.label')}: </span>
      {places.data.attribution.map((entry) => (
        <span key={entry.en}>{entry[lang]}</span>
      ))}
      <span>{t('attribution.page')}</span>
    </footer>
  );
}
