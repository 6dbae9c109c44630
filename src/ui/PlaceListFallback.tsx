/**
 * The map when the WebGL map cannot be shown: the browser has no WebGL2 (or lost it), or a
 * file the WebGL map needs (its code, worker or stylesheet) did not load. A simpler SVG map
 * takes its place, with a message that says why (naming the file, with a way to try again),
 * and every place is listed under it, with its regions.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import type { MapView } from '../state/atlas-state';
import { useAtlas } from './atlas-context';
import { markFirstViewComplete } from './first-view-complete';
import type { MapFailure } from './map-failure';
import { PopupContent } from './PopupContent';

/** A new page load: a failed script chunk, stylesheet or worker is not fetched again otherwise. */
const reload = () => location.reload();

type StaticMapPaneModule = typeof import('../static-map/StaticMapPane');

interface StaticMapProps {
  overview: Topology;
  onMove(view: MapView): void;
  onSelect(id: string | null): void;
  focusRequest: number;
  cover?: RefObject<HTMLElement | null>;
  focusMap?: RefObject<(() => void) | null>;
  children?: ComponentChildren;
}

/**
 * The SVG map, loaded only here: readers with WebGL2 never fetch it. Until it arrives, or if
 * it cannot, what would be shown over it is shown on its own.
 */
function LazyStaticMap(props: StaticMapProps) {
  const [Pane, setPane] = useState<StaticMapPaneModule['StaticMapPane'] | null>(null);
  useEffect(() => {
    import('../static-map/StaticMapPane').then(
      (module) => setPane(() => module.StaticMapPane),
      // The place list below still serves (and is the first view): the reader has been told the map did not load.
      () => markFirstViewComplete(),
    );
  }, []);
  return Pane ? <Pane {...props} /> : props.children;
}

export interface PlaceListFallbackProps extends Omit<StaticMapProps, 'children'> {
  failure: MapFailure | null;
  /** The page shows a chosen place's details elsewhere (the sheet on phones). */
  detailsElsewhere: boolean;
  /** Closes the details over the map (and gives focus back to where the reader was). */
  onCloseDetails(): void;
}

export function PlaceListFallback({ failure, detailsElsewhere, onCloseDetails, ...map }: PlaceListFallbackProps) {
  const { t, lang, places, state, selectPlace } = useAtlas();
  const join = (names: string[]) => names.join(lang === 'zh' ? '、' : ', ');
  const noWebgl = failure === null || failure.kind === 'webgl';
  // Chinese sentences follow one another without a space.
  const sentenceGap = lang === 'zh' ? '' : ' ';
  return (
    <section class="fallback" data-testid={noWebgl ? 'no-webgl' : 'map-error'} aria-labelledby="fallback-heading">
      <div class="fallback-top">
        {noWebgl ? (
          <div class="fallback-notice">
            <h2 id="fallback-heading">{t('errors.noWebglTitle')}</h2>
            <p>
              {t('errors.noWebglBody')}
              {sentenceGap}
              {t('errors.simplerMap')}
            </p>
            {failure && <p>{t('errors.mapFailed', { reason: failure.reason })}</p>}
          </div>
        ) : (
          <div class="fallback-notice fallback-failure" role="alert">
            <h2 id="fallback-heading">{t('errors.mapTitle')}</h2>
            <p>
              {failure.file
                ? t('errors.dataBody', { file: failure.file, reason: failure.reason })
                : t('errors.mapFailed', { reason: failure.reason })}{' '}
              <button type="button" class="button" onClick={reload}>
                {t('errors.retry')}
              </button>
            </p>
            <p>{t('errors.simplerMap')}</p>
          </div>
        )}
        <LazyStaticMap {...map}>
          {/* The chosen place's details, over the map as the WebGL map's popup. */}
          {state.sel && !detailsElsewhere && (
            <div class="fallback-selection">
              <PopupContent variant="popup" id={state.sel} takeFocus={true} onClose={onCloseDetails} />
            </div>
          )}
        </LazyStaticMap>
      </div>
      <table class="fallback-table">
        <caption>{t('errors.placeList')}</caption>
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
