/**
 * What the saved image says, in the reader's language: the atlas's title, the selection's
 * name, the legends of the layers shown, the attribution with the map-review caveat, and the
 * date it was made; and the file's name. Pure.
 */
import type { ContentIndex } from '../content/queries';
import type { PlaceIndex } from '../data/place-index';
import type { Translate } from '../i18n/messages';
import type { PopulationMeasureId } from '../layers/population-measures';
import type { LayerId } from '../layers/registry';
import type { Lang } from '../types/atlas-data';
import type { ImageTexts } from './image-layout';
import { legendGroups } from './legend-rows';

export interface ImageTextsInput {
  t: Translate;
  lang: Lang;
  places: PlaceIndex;
  content: ContentIndex;
  layers: readonly LayerId[];
  population: PopulationMeasureId;
  sel: string | null;
  date: Date;
}

/** A date in words, as the reader's language writes it: 2026年12月5日, 5 December 2026. */
export function longDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The attribution, the article's credit and the map-review caveat, a line each. */
export function creditLines(t: Translate, lang: Lang, places: PlaceIndex): string[] {
  const sources = places.data.attribution.map((entry) => entry[lang]).join(lang === 'zh' ? '；' : '; ');
  return [
    `${t('attribution.label')}${lang === 'zh' ? '：' : ': '}${sources}`,
    t('attribution.page'),
    t('data.boundaryCaveat'),
  ];
}

export function imageTexts({ t, lang, places, content, layers, population, sel, date }: ImageTextsInput): ImageTexts {
  return {
    title: t('app.title'),
    selection: sel ? places.name(sel, lang) : null,
    legend: legendGroups(layers, { t, lang, places, content, population }),
    credits: creditLines(t, lang, places),
    date: t('image.made', { date: longDate(date, lang) }),
  };
}

export type ImageFormat = 'svg' | 'png';

/** The file's name: chongqing-atlas-wanzhou-2x.png; letters and digits of the English name only. */
export function imageFileName(places: PlaceIndex, sel: string | null, scale: number, format: ImageFormat): string {
  const slug = sel
    ? places
        .name(sel, 'en')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || sel
    : '';
  const stem = ['chongqing-atlas', slug, `${scale}x`].filter(Boolean).join('-');
  return `${stem}.${format}`;
}
