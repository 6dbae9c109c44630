/** figures.csv and sources.csv: one row a figure (with its source resolved), one row a source. */

import type { ContentIndex } from '../../src/content/queries';
import type { ColumnSpec } from '../../src/open-data/passage-table';
import type { Figure, SourceEntry } from '../../src/types/content';

/** Between the sources of a figure that cites several (titles may hold ";"). */
const SOURCES_SEPARATOR = ' | ';

/** The key of the newspaper page in the source list, which figures stated by an article cite. */
const PAGE_SOURCE_KEY = '[A]';

export const FIGURE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'string', description: 'Stable figure id' },
  { name: 'value', type: 'number', description: 'The value; empty when the source has no data (never zero)' },
  { name: 'unit', type: 'string', description: 'e.g. %, 万人, km², people' },
  { name: 'year_zh', type: 'string', description: 'The year or date the value refers to, in Chinese' },
  { name: 'year_en', type: 'string', description: 'The year or date the value refers to, in English' },
  { name: 'measure_zh', type: 'string', description: 'What is measured, in Chinese' },
  { name: 'measure_en', type: 'string', description: 'What is measured, in English' },
  { name: 'place_ids', type: 'string', description: 'District codes and region ids, separated by ";"' },
  { name: 'series', type: 'string', description: 'What a population figure counts (census, resident, hukou, …)' },
  {
    name: 'source_kind',
    type: 'string',
    description: 'article, facts (the facts table) or table (a copied source table)',
  },
  {
    name: 'source_key',
    type: 'string',
    description: 'Keys of sources.csv, separated by spaces; NOT FOUND when the facts table found no source',
  },
  {
    name: 'source_title',
    type: 'string',
    description: 'The source’s title (several sources separated by " | ", in source_key’s order)',
  },
  { name: 'source_publisher', type: 'string', description: 'The source’s publisher' },
  { name: 'source_url', type: 'string', description: 'The source’s address; empty when only a site name is recorded' },
  { name: 'source_date', type: 'string', description: 'The source’s date as recorded; empty when not stated' },
  { name: 'passage', type: 'string', description: 'For a figure stated by an article: the passage id' },
  { name: 'derived_formula', type: 'string', description: 'For a derived figure: how it is computed' },
  {
    name: 'derived_inputs',
    type: 'string',
    description: 'For a derived figure: the ids of its inputs, separated by ";"',
  },
];

export const SOURCE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'key', type: 'string', description: 'The key figures and notes cite, e.g. [M1]' },
  { name: 'title', type: 'string', description: 'Title' },
  { name: 'publisher', type: 'string', description: 'Publisher' },
  { name: 'url', type: 'string', description: 'Address; empty when only a site name is recorded' },
  { name: 'date', type: 'string', description: 'Date as recorded; empty when not stated' },
  { name: 'kind', type: 'string', description: 'census, official-bulletin, news, aggregator, …' },
  { name: 'copy', type: 'boolean', description: 'Read as a copy on another site, not at the publisher’s address' },
];

export function figureSourceKey(figure: Figure): string {
  return figure.source.kind === 'article' ? PAGE_SOURCE_KEY : figure.source.key;
}

export function figureRows(content: ContentIndex): Array<Array<string | number | boolean | null>> {
  return content.data.figures.map((figure) => {
    const key = figureSourceKey(figure);
    // A figure may cite several sources ("[M1] [M5]") or none found ("NOT FOUND").
    const sources = content.sourcesOf(key).map((source) => source.entry);
    const field = (pick: (entry: SourceEntry) => string | null): string | null =>
      sources.length === 0 ? null : sources.map((entry) => pick(entry) ?? '').join(SOURCES_SEPARATOR);
    return [
      figure.id,
      figure.value,
      figure.unit,
      figure.year.zh,
      figure.year.en,
      figure.measure.zh,
      figure.measure.en,
      figure.places.join(';'),
      figure.series ?? null,
      figure.source.kind,
      key,
      field((entry) => entry.title),
      field((entry) => entry.publisher),
      field((entry) => entry.url),
      field((entry) => entry.date),
      figure.source.kind === 'article' ? figure.source.passage : null,
      figure.derived?.formula.en ?? null,
      figure.derived ? figure.derived.inputs.join(';') : null,
    ];
  });
}

export function sourceRows(sources: readonly SourceEntry[]): Array<Array<string | boolean | null>> {
  return sources.map((entry) => [
    entry.key,
    entry.title,
    entry.publisher,
    entry.url,
    entry.date,
    entry.kind,
    entry.copy,
  ]);
}
