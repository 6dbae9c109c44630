/**
 * Without WebGL2 (or if the map fails to start) the places are still readable: every
 * district with its regions, and every region with its districts, as plain lists.
 */
import { useAtlas } from './atlas-context';
import { PopupContent } from './PopupContent';

export function PlaceListFallback({ reason }: { reason: string | null }) {
  const { t, lang, places, state, selectPlace } = useAtlas();
  const join = (names: string[]) => names.join(lang === 'zh' ? '、' : ', ');
  return (
    <section class="fallback" data-testid="no-webgl" aria-labelledby="fallback-heading">
      <h2 id="fallback-heading">{t('errors.noWebglTitle')}</h2>
      <p>{reason ? t('errors.mapFailed', { reason }) : t('errors.noWebglBody')}</p>
      <table class="fallback-table">
        <caption class="visually-hidden">{t('errors.noWebglBody')}</caption>
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
      {state.sel && (
        <div class="fallback-selection">
          <PopupContent id={state.sel} takeFocus={true} onClose={() => selectPlace(null)} />
        </div>
      )}
    </section>
  );
}
