/**
 * The printed page (A4 landscape, print.css): the title, the map of the view on screen as SVG
 * (MapLibre's canvas does not print reliably) with the legend of the layers shown, the
 * selected place's name and the passages about it, and the attribution with the map-review
 * caveat and the date. No buttons: nothing here can be used on paper.
 */
import { useMemo } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { currentView, viewBounds } from '../export/current-view';
import { creditLines, longDate } from '../export/image-texts';
import { legendGroups } from '../export/legend-rows';
import { AtlasStaticMap, useStaticMapFeatures } from '../static-map/AtlasStaticMap';
import { cameraOf, type Size } from '../static-map/projection';
import { useAtlas } from '../ui/atlas-context';

/**
 * The map's drawing size: most of an A4 landscape page at 96 px per inch (277 × 190 mm inside
 * the margins): its width less the legend's column, about 207 mm, and 130 mm of its height,
 * leaving room under it for the first passages (a place with many keeps to two pages).
 * print.css scales it to that area, so its shape is the area's.
 */
export const PRINT_MAP_SIZE: Size = { width: 782, height: 491 };

export function PrintSheet({ overview }: { overview: Topology }) {
  const { t, lang, places, content, state } = useAtlas();
  const camera = useMemo(() => {
    const shown = currentView(state, places);
    return cameraOf({ bounds: viewBounds(shown.camera, shown.size) }, PRINT_MAP_SIZE);
  }, [state]);
  const features = useStaticMapFeatures(overview, camera.zoom);

  const sel = state.sel;
  const passages = sel ? content.passagesAbout(sel) : [];
  const legend = legendGroups(state.layers, { t, lang, places, content, population: state.population });

  return (
    <section class="print-view" data-testid="print-view" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
      <header class="print-header">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </header>
      <div class="print-body">
        <figure class="print-map">
          <AtlasStaticMap features={features} view={camera} size={PRINT_MAP_SIZE} />
        </figure>
        <div class="print-side">
          {sel && (
            <div class="print-place">
              <h2>{places.name(sel, lang)}</h2>
              {lang === 'en' && <p lang="zh-Hans">{places.name(sel, 'zh')}</p>}
            </div>
          )}
          <div class="print-legend">
            {legend.map((group) => (
              <section key={group.layer}>
                <h2>{group.heading}</h2>
                <ul>
                  {group.rows.map((row) => (
                    <li
                      key={row.label}
                      class={
                        row.kind === 'caption' ? 'legend-caption' : row.kind === 'source' ? 'legend-source' : undefined
                      }
                    >
                      {row.kind === 'swatch' && (
                        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                          {row.swatch === 'fill' || row.swatch === 'tint' ? (
                            <rect
                              width="12"
                              height="12"
                              fill={row.colour}
                              fill-opacity={row.swatch === 'tint' ? 0.4 : 1}
                              stroke={row.colour}
                            />
                          ) : row.swatch === 'node' ? (
                            <circle cx="6" cy="6" r="5" fill={row.colour} />
                          ) : (
                            <line
                              x1="0"
                              y1="6"
                              x2="12"
                              y2="6"
                              stroke={row.colour}
                              stroke-width="3"
                              stroke-dasharray={row.swatch.startsWith('dashed') ? '3 2' : undefined}
                            />
                          )}
                        </svg>
                      )}
                      {row.label}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      </div>
      {sel && (
        <section class="print-details" data-testid="print-details">
          <h3>
            {t('popup.passages')}
            {lang === 'en' && <small> ({t('popup.translation')})</small>}
          </h3>
          {passages.length === 0 && <p>{t('popup.noPassages')}</p>}
          {passages.map((passage) => (
            <figure key={passage.id} class="print-passage" data-passage={passage.id}>
              <blockquote lang="zh-Hans">
                {passage.excerpt?.start && '……'}
                {passage.quote}
                {passage.excerpt?.end && '……'}
              </blockquote>
              {lang === 'en' && <figcaption lang="en">{passage.translationEn}</figcaption>}
            </figure>
          ))}
        </section>
      )}
      <footer class="print-footer">
        {creditLines(t, lang, places).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>{t('print.made', { date: longDate(new Date(), lang) })}</p>
      </footer>
    </section>
  );
}
