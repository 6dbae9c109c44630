/**
 * One row a passage, as the open data's passages.csv and passages.json and the browser's
 * "Download this place" write it. Pure, over the same content.json and places.json the app loads.
 */
import type { PlaceIndex } from '../data/place-index';
import type { ContentData, Passage } from '../types/content';
import { type CsvValue, LIST_SEPARATOR, toCsv } from './csv';

export interface PassageRow {
  id: string;
  article: string;
  authors_zh: string[];
  authors_en: string[];
  /** null when the page prints no title. */
  title_zh: string | null;
  title_en: string | null;
  quote: string;
  translation_en: string;
  place_ids: string[];
  place_names_zh: string[];
  place_names_en: string[];
  layers: string[];
  figure_ids: string[];
}

export interface ColumnSpec {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'date';
  description: string;
}

const LIST = `in the CSV, items separated by "${LIST_SEPARATOR}"`;

export const PASSAGE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'string', description: 'Stable passage id (the atlas opens it at ?passage=<id>)' },
  { name: 'article', type: 'string', description: 'Article id, a1–a4 in the page’s order' },
  { name: 'authors_zh', type: 'array', description: `The article’s authors as printed; ${LIST}` },
  { name: 'authors_en', type: 'array', description: `The authors in pinyin; ${LIST}` },
  { name: 'title_zh', type: 'string', description: 'The article’s printed title; empty when the page prints none' },
  { name: 'title_en', type: 'string', description: 'The project’s English rendering of the title' },
  {
    name: 'quote',
    type: 'string',
    description: 'The words quoted from the article (© 重庆日报, quoted for commentary)',
  },
  { name: 'translation_en', type: 'string', description: 'The project’s English rendering of the quote' },
  { name: 'place_ids', type: 'array', description: `GB/T 2260 district codes and region ids; ${LIST}` },
  { name: 'place_names_zh', type: 'array', description: `The places’ Chinese names, in place_ids’ order; ${LIST}` },
  { name: 'place_names_en', type: 'array', description: `The places’ English names, in place_ids’ order; ${LIST}` },
  { name: 'layers', type: 'array', description: `The atlas layers the passage is shown on; ${LIST}` },
  { name: 'figure_ids', type: 'array', description: `Ids of figures (figures.csv) the passage states; ${LIST}` },
];

export function passageRow(passage: Passage, content: ContentData, places: PlaceIndex): PassageRow {
  const article = content.articles.find((entry) => entry.id === passage.article);
  if (!article) throw new Error(`passage "${passage.id}": article "${passage.article}" does not exist`);
  return {
    id: passage.id,
    article: passage.article,
    authors_zh: article.authorsZh,
    authors_en: article.authorsEn,
    title_zh: article.titleZh,
    title_en: article.titleEn,
    quote: passage.quote,
    translation_en: passage.translationEn,
    place_ids: passage.places,
    place_names_zh: passage.places.map((id) => places.name(id, 'zh')),
    place_names_en: passage.places.map((id) => places.name(id, 'en')),
    layers: passage.layers,
    figure_ids: passage.figures,
  };
}

function cell(value: string | string[] | null): CsvValue {
  return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
}

/** passages.csv (or one place's passages), BOM first. */
export function passagesCsv(rows: readonly PassageRow[]): string {
  const names = PASSAGE_COLUMNS.map((column) => column.name) as Array<keyof PassageRow>;
  return toCsv(
    names,
    rows.map((row) => names.map((name) => cell(row[name]))),
  );
}
