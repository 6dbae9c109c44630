/**
 * Always-available credits: boundary sources (with the DataV licence note), Natural Earth, the
 * page, and the basemap's own credit when the build adds one (basemap-setting.ts). On a narrow
 * embed they fold behind an ⓘ button, which a keyboard reaches like any other, so that the
 * credits do not cover the bottom of a small map.
 */
import { useMemo, useState } from 'preact/hooks';
import { basemapSetting } from '../map/basemap-setting';
import { useAtlas } from './atlas-context';

export function Attribution() {
  const { t, lang, places } = useAtlas();
  const basemap = useMemo(() => (typeof document === 'undefined' ? null : basemapSetting()), []);
  const [open, setOpen] = useState(false);
  return (
    <footer class="attribution" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        class="attribution-toggle"
        aria-expanded={open}
        aria-controls="attribution-credits"
        aria-label={t('attribution.label')}
        title={t('attribution.label')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">ⓘ</span>
      </button>
      <span id="attribution-credits" class="attribution-credits">
        <span class="visually-hidden">{t('attribution.label')}: </span>
        {places.data.attribution.map((entry) => (
          <span key={entry.en}>{entry[lang]}</span>
        ))}
        {basemap?.attribution ? <span data-testid="basemap-attribution">{basemap.attribution}</span> : null}
        <span>{t('attribution.page')}</span>
      </span>
    </footer>
  );
}
