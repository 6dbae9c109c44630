/**
 * Without WebGL2 (or if the map fails to start) the places are still readable: every
 * district with its regions, and every region with its districts, as plain lists. A map that
 * failed for a file it needs says which file, and offers to try again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import type { MapView } from '../state/atlas-state';
import { useAtlas } from './atlas-context';
import type { MapFailure } from './map-failure';
import { PopupContent } from './PopupContent';

/** A new page load: a failed script chunk, stylesheet or worker is not fetched again otherwise. */
const reload = () => location.reload();

type StaticMapPaneModule = typeof import('../static-map/StaticMapPane');

/** The SVG map, loaded only here: readers with WebGL2 never fetch it. */
function LazyStaticMap(props: { overview: Topology; onMove(view: MapView): void }) {
  const [Pane, setPane] = useState<StaticMapPaneModule['StaticMapPane'] | null>(null);
  useEffect(() => {
    void import('../static-map/StaticMapPane').then((module) => setPane(() => module.StaticMapPane));
  }, []);
  return Pane ? <Pane {...props} /> : null;
}

export interface PlaceListFallbackProps {
  failure: MapFailure | null;
  /** With these, a browser without WebGL2 gets a simpler SVG map above the list. */
  overview?: Topology;
  onMove?(view: MapView): void;
}

export function PlaceListFallback({ failure, overview, onMove }: PlaceListFallbackProps) {
  const { t, lang, places, state, selectPlace } = useAtlas();
  const join = (names: string[]) => names.join(lang === 'zh' ? '、' : ', ');
  const noWebgl = failure === null || failure.kind === 'webgl';
  return (
    <section class="fallback" data-testid={noWebgl ? 'no-webgl' : 'map-error'} aria-labelledby="fallback-heading">
      {noWebgl ? (
        <>
          <h2 id="fallback-heading">{t('errors.noWebglTitle')}</h2>
          {failure && <p>{t('errors.mapFailed', { reason: failure.reason })}</p>}
          <p>{t('errors.noWebglBody')}</p>
        </>
      ) : (
        <div class="fallback-failure" role="alert">
          <h2 id="fallback-heading">{t('errors.mapTitle')}</h2>
          <p>
            {failure.file
              ? t('errors.dataBody', { file: failure.file, reason: failure.reason })
              : t('errors.mapFailed', { reason: failure.reason })}
          </p>
          <button type="button" class="button" onClick={reload}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {noWebgl && overview && onMove && <LazyStaticMap overview={overview} onMove={onMove} />}
      {/* The details of the place chosen, next to the map, above the list. */}
      {state.sel && (
        <div class="fallback-selection">
          <PopupContent variant="popup" id={state.sel} takeFocus={true} onClose={() => selectPlace(null)} />
        </div>
      )}
      {failure && <p>{t('errors.placeList')}</p>}
      <table class="fallback-table">
        <caption class="visually-hidden">{t('errors.placeList')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('layer.districts.name')}</th>
            <th scope="col">{t('popup.regions')}</th>
          </tr>
        </thead>
        <tbody>
          {places.data.districts.map((district) => (
            <tr key={district.code}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => selectPlace(district.code)}>
                  {lang === 'zh' ? district.nameZh : district.nameEn}
                </button>
              </th>
              <td>{join(district.regions.map((id) => places.name(id, lang)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
