/**
 * A place's area, said once: its published figure with year and source where the content has
 * one, else the area measured from the map boundary. Showing both would give one place two
 * areas (the map's generalised boundary measures a little differently).
 */
import { useAtlas } from './atlas-context';
import { FigureSource } from './FigureList';
import { formatFigureValue, formatNumber } from './format';

export function PlaceArea({ id, measuredKm2, digits }: { id: string; measuredKm2: number; digits: number }) {
  const { t, lang, content } = useAtlas();
  const published = content.publishedArea(id);
  if (published) {
    return (
      <>
        {formatFigureValue(published, lang, t('figure.noData'))}{' '}
        <small>
          · {published.year[lang]} · {t('popup.source')}: <FigureSource figure={published} />
        </small>
      </>
    );
  }
  return (
    <>
      {t('popup.areaValue', { value: formatNumber(measuredKm2, lang, digits) })} <small>({t('popup.areaNote')})</small>
    </>
  );
}
