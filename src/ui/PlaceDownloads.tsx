/**
 * "Download this place": its GeoJSON feature and its passages as CSV, made in the browser from
 * the data the map has loaded (the same functions write places.geojson and passages.csv at build
 * time, so a place's download equals its rows there).
 */

import { useState } from 'preact/hooks';
import { loadDetailTopology } from '../data/load-data';
import { useAtlas } from './atlas-context';
import { MarkedText } from './MarkedText';

function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has taken the blob by the next task; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function PlaceDownloads({ id }: { id: string }) {
  const { t, places, content } = useAtlas();
  const [failed, setFailed] = useState(false);
  const canonical = places.canonicalId(id);
  const passages = content.passagesAbout(canonical);
  // The table and feature builders load on the first download, not with the page.
  const downloadFeature = () => {
    setFailed(false);
    Promise.all([loadDetailTopology(), import('../open-data/place-features')])
      .then(([topology, { placeFeature }]) => {
        const feature = placeFeature(canonical, topology, places, content);
        if (!feature) throw new Error(`no outline for ${canonical}`);
        saveFile(`${canonical}.geojson`, 'application/geo+json', `${JSON.stringify(feature)}\n`);
      })
      .catch(() => setFailed(true));
  };
  const downloadPassages = () => {
    setFailed(false);
    import('../open-data/passage-table')
      .then(({ passageRow, passagesCsv }) => {
        const rows = passages.map((passage) => passageRow(passage, content.data, places));
        saveFile(`${canonical}-passages.csv`, 'text/csv', passagesCsv(rows));
      })
      .catch(() => setFailed(true));
  };
  return (
    <section class="place-downloads" aria-label={t('data.downloadPlace')}>
      <h3 class="popup-section">{t('data.downloadPlace')}</h3>
      <button type="button" class="button" data-download="feature" onClick={downloadFeature}>
        {t('data.downloadFeature')}
      </button>{' '}
      <button type="button" class="button" data-download="passages" onClick={downloadPassages}>
        {t('data.downloadPassages', { count: passages.length })}
      </button>
      <p class="data-caveat">
        <small>
          <MarkedText text={t('data.boundaryCaveat')} />
        </small>
      </p>
      {failed && <p role="alert">{t('data.downloadFailed')}</p>}
    </section>
  );
}
