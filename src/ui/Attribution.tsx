/**
 * Always-visible credits: boundary sources (with the DataV licence note), Natural Earth, the
 * page, and the basemap's own credit when the build adds one (basemap-setting.ts).
 */
import { useMemo } from 'preact/hooks';
import { basemapSetting } from '../map/basemap-setting';
import { useAtlas } from './atlas-context';

export function Attribution() {
  const { t, lang, places } = useAtlas();
  const basemap = useMemo(() => (typeof document === 'undefined' ? null : basemapSetting()), []);
  return (
    <footer class="attribution">
      <span class="visually-hidden">{t('attribution.label')}: </span>
      {places.data.attribution.map((entry) => (
        <span key={entry.en}>{entry[lang]}</span>
      ))}
      {basemap?.attribution ? <span data-testid="basemap-attribution">{basemap.attribution}</span> : null}
      <span>{t('attribution.page')}</span>
    </footer>
  );
}
