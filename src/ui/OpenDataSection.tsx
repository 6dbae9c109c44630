/**
 * The About panel's "Data" section: each open data file with its size and licences, linked by
 * a relative URL (data/…), so the links follow the page to whatever path it is hosted under.
 */

import { DATA_FOLDER, DATAPACKAGE, LICENCES, OPEN_DATA_FILES } from '../open-data/catalogue';
import type { Lang } from '../types/atlas-data';
import { useAtlas } from './atlas-context';
import { formatNumber } from './format';
import { MarkedText } from './MarkedText';
import type { DataPackageSummary } from './use-data-package';

function formatSize(bytes: number, lang: Lang): string {
  return bytes >= 1e6 ? `${formatNumber(bytes / 1e6, lang, 1)} MB` : `${formatNumber(bytes / 1e3, lang, 1)} KB`;
}

export function OpenDataSection({ pkg }: { pkg: DataPackageSummary | null | undefined }) {
  const { t, lang } = useAtlas();
  return (
    <section class="about-data" aria-labelledby="about-data-heading">
      <h3 id="about-data-heading">{t('data.heading')}</h3>
      <p>{t('data.intro')}</p>
      <ul class="data-files">
        {OPEN_DATA_FILES.map((file) => {
          const bytes = pkg?.bytes[file.path];
          return (
            <li key={file.path} data-file={file.path}>
              <a href={`${DATA_FOLDER}/${file.path}`} download={file.path} type={file.mediatype}>
                {file.path}
              </a>{' '}
              <MarkedText
                text={t('data.file', {
                  title: file.title[lang],
                  size: bytes === undefined ? t('data.sizeUnknown') : formatSize(bytes, lang),
                })}
              />
              <br />
              <small>
                <MarkedText
                  text={t('data.licence', {
                    licences: file.licences.map((id) => LICENCES[id].title[lang]).join(lang === 'zh' ? '；' : '; '),
                  })}
                />
              </small>
              {file.path === 'places.geojson' && (
                <p class="data-caveat">
                  <MarkedText text={t('data.boundaryCaveat')} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={`${DATA_FOLDER}/${DATAPACKAGE}`} type="application/json">
          {t('data.package')}
        </a>
      </p>
    </section>
  );
}
