/**
 * Shape checks for the content JSON files: each item has the fields its type promises,
 * so later checks and the app can rely on them. Errors name the file and the item.
 */
import type { LayerId } from '../../src/layers/registry';
import type { Bilingual, LngLat } from '../../src/types/atlas-data';
import {
  ARTICLE_IDS,
  type ArticleId,
  type BoundaryNote,
  type FigureSeries,
  type FigureSource,
  type Flow,
  type RegionDefinition,
  SOURCE_KINDS,
  type SourceEntry,
  YEAR_WITHOUT_WORDS,
} from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type {
  Anchor,
  ArticleInput,
  ArticlesFile,
  FigureInput,
  FlowInput,
  PassageInput,
  SchematicInput,
} from './inputs';

type Json = Record<string, unknown>;

/** Reads fields of one item, failing with the file and the item's name. */
class ItemReader {
  constructor(
    readonly file: string,
    readonly item: string | null,
    readonly record: Json,
  ) {}

  fail(problem: string): never {
    throw new DataBuildError(this.file, this.item, problem);
  }

  text(key: string): string {
    const value = this.record[key];
    if (typeof value !== 'string' || value.trim() === '') this.fail(`"${key}" must be a non-empty string`);
    return value;
  }

  textOrNull(key: string): string | null {
    return this.record[key] === null ? null : this.text(key);
  }

  numberOrNull(key: string): number | null {
    const value = this.record[key];
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(`"${key}" must be a number or null`);
    return value;
  }

  texts(key: string, { nonEmpty }: { nonEmpty: boolean }): string[] {
    const value = this.record[key];
    if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry.trim() !== '')) {
      this.fail(`"${key}" must be a list of non-empty strings`);
    }
    if (nonEmpty && value.length === 0) this.fail(`"${key}" must not be empty`);
    return value as string[];
  }

  bilingual(key: string, value: unknown = this.record[key]): Bilingual {
    const record = value as Json | null;
    if (typeof record !== 'object' || record === null) this.fail(`"${key}" must be {"zh": ..., "en": ...}`);
    const zh = record.zh;
    const en = record.en;
    if (typeof zh !== 'string' || zh.trim() === '' || typeof en !== 'string' || en.trim() === '') {
      this.fail(`"${key}" must have non-empty "zh" and "en"`);
    }
    return { zh, en };
  }

  list(key: string): unknown[] {
    const value = this.record[key];
    if (!Array.isArray(value)) this.fail(`"${key}" must be a list`);
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.text(key);
    if (!(allowed as readonly string[]).includes(value)) this.fail(`"${key}" must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  object(key: string): Json {
    const value = this.record[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(`"${key}" must be an object`);
    return value as Json;
  }
}

function listOf(data: unknown, file: string, what: string): Json[] {
  if (!Array.isArray(data)) throw new DataBuildError(file, null, `expected a list of ${what}s`);
  return data.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new DataBuildError(file, `${what} #${index}`, 'must be an object');
    }
    return entry as Json;
  });
}

/** How an item is named in messages: its kind, index and id when it has one. */
function itemName(what: string, index: number, record: Json): string {
  return typeof record.id === 'string' ? `${what} "${record.id}"` : `${what} #${index}`;
}

export function parseArticlesFile(data: unknown, file: string): ArticlesFile {
  const root = new ItemReader(file, null, (data ?? {}) as Json);
  if (typeof data !== 'object' || data === null) root.fail('expected {"pageHeading": ..., "articles": [...]}');
  const pageHeading = root.text('pageHeading');
  const articles = listOf(root.record.articles, file, 'article').map((record, index): ArticleInput => {
    const item = new ItemReader(file, itemName('article', index, record), record);
    const paragraphs = item.texts('paragraphs', { nonEmpty: true });
    return {
      id: item.oneOf<ArticleId>('id', ARTICLE_IDS),
      titleZh: item.textOrNull('titleZh'),
      titleEn: item.textOrNull('titleEn'),
      topic: item.bilingual('topic'),
      authorsZh: item.texts('authorsZh', { nonEmpty: true }),
      authorsEn: item.texts('authorsEn', { nonEmpty: true }),
      affiliationZh: item.text('affiliationZh'),
      affiliationEn: item.text('affiliationEn'),
      paragraphs,
    };
  });
  return { pageHeading, articles };
}

export function parsePassages(data: unknown, file: string): PassageInput[] {
  return listOf(data, file, 'passage').map((record, index) => {
    const item = new ItemReader(file, itemName('passage', index, record), record);
    return {
      id: item.text('id'),
      article: item.oneOf<ArticleId>('article', ARTICLE_IDS),
      quote: item.text('quote'),
      translationEn: item.text('translationEn'),
      places: item.texts('places', { nonEmpty: true }),
      // Layer ids are checked against the known list with the other references.
      layers: item.texts('layers', { nonEmpty: true }) as LayerId[],
      figures: item.texts('figures', { nonEmpty: false }),
      ...(record.excerpt === undefined ? {} : { excerpt: excerptMarker(item) }),
      ...(record.editorNote === undefined ? {} : { editorNote: item.bilingual('editorNote') }),
    };
  });
}

function excerptMarker(item: ItemReader): boolean {
  if (item.record.excerpt !== true) item.fail('"excerpt" must be true when present (leave it out otherwise)');
  return true;
}

const FIGURE_SERIES: readonly FigureSeries[] = [
  'census',
  'resident',
  'hukou',
  'hukou-partial',
  'net-outflow',
  'net-outflow-share',
  'area',
];

function parseFigureSource(item: ItemReader): FigureSource {
  if (item.record.source === undefined || item.record.source === null) item.fail('has no source');
  const source = new ItemReader(item.file, item.item, item.object('source'));
  const kind = source.oneOf('kind', ['article', 'facts'] as const);
  if (kind === 'article') {
    return { kind, article: source.oneOf<ArticleId>('article', ARTICLE_IDS), passage: source.text('passage') };
  }
  return {
    kind,
    key: source.text('key'),
    section: source.text('section'),
    note: source.record.note === null || source.record.note === undefined ? null : source.bilingual('note'),
  };
}

const LATIN = /[A-Za-z]/;
const HAN = /\p{Script=Han}/u;

/**
 * A figure's year, shown in both languages: a string of figures and date marks only ("2023",
 * "2020-11-01") reads alike in both; anything with words must give its Chinese and English,
 * each in its own script, so the Chinese page never shows an English year.
 */
function parseFigureYear(item: ItemReader): FigureInput['year'] {
  const value = item.record.year;
  if (typeof value === 'string') {
    if (!YEAR_WITHOUT_WORDS.test(value)) {
      item.fail(`"year" "${value}" has words: give it as {"zh": …, "en": …} so the Chinese page can show it`);
    }
    return { zh: value, en: value };
  }
  const year = item.bilingual('year');
  if (LATIN.test(year.zh)) item.fail(`"year" has Latin letters in its Chinese form "${year.zh}"`);
  if (HAN.test(year.en)) item.fail(`"year" has Chinese in its English form "${year.en}"`);
  return year;
}

export function parseFigures(data: unknown, file: string): FigureInput[] {
  return listOf(data, file, 'figure').map((record, index) => {
    const item = new ItemReader(file, itemName('figure', index, record), record);
    if (!('value' in record)) item.fail('"value" is missing (use null for a value the facts file marks NOT FOUND)');
    let derived: FigureInput['derived'] = null;
    if (record.derived !== null && record.derived !== undefined) {
      const recipe = new ItemReader(file, item.item, item.object('derived'));
      derived = { formula: recipe.bilingual('formula'), inputs: recipe.texts('inputs', { nonEmpty: true }) };
    }
    const figure: FigureInput = {
      id: item.text('id'),
      value: item.numberOrNull('value'),
      unit: item.text('unit'),
      year: parseFigureYear(item),
      measure: item.bilingual('measure'),
      places: item.texts('places', { nonEmpty: true }),
      source: parseFigureSource(item),
      derived,
    };
    if (record.series !== undefined) figure.series = item.oneOf('series', FIGURE_SERIES);
    return figure;
  });
}

const FLOW_KINDS: readonly Flow['kind'][] = ['to-central-city', 'to-regional-centre', 'to-metropolitan'];

export function parseFlows(data: unknown, file: string): FlowInput[] {
  return listOf(data, file, 'flow').map((record, index) => {
    const item = new ItemReader(file, itemName('flow', index, record), record);
    return {
      id: item.text('id'),
      from: item.text('from'),
      to: item.text('to'),
      kind: item.oneOf('kind', FLOW_KINDS),
      basis: item.oneOf('basis', ['observed', 'proposed'] as const),
      note: item.bilingual('note'),
      figures: item.texts('figures', { nonEmpty: false }),
      passages: item.texts('passages', { nonEmpty: true }),
    };
  });
}

function parseAnchor(item: ItemReader, value: unknown, index: number): Anchor {
  const record = value as Json;
  if (typeof record !== 'object' || record === null) item.fail(`anchor #${index} must be an object`);
  if ('districts' in record) {
    const districts = record.districts;
    if (!Array.isArray(districts) || districts.length === 0 || !districts.every((code) => typeof code === 'string')) {
      item.fail(`anchor #${index}: "districts" must be a non-empty list of district codes`);
    }
    return { districts: districts as string[] };
  }
  const point = record.point;
  if (!Array.isArray(point) || point.length !== 2 || !point.every((part) => Number.isFinite(part))) {
    item.fail(`anchor #${index} must be {"districts": [...]} or {"point": [lng, lat], "sourceKey": ...}`);
  }
  if (typeof record.sourceKey !== 'string' || record.sourceKey.trim() === '') {
    item.fail(`anchor #${index}: a point needs the "sourceKey" of the facts row that gives it`);
  }
  return { point: point as LngLat, sourceKey: record.sourceKey };
}

export function parseSchematic(data: unknown, file: string): SchematicInput[] {
  return listOf(data, file, 'schematic feature').map((record, index) => {
    const item = new ItemReader(file, itemName('schematic feature', index, record), record);
    const anchors = item.list('anchors');
    return {
      id: item.text('id'),
      layer: item.text('layer') as LayerId,
      kind: item.oneOf('kind', ['node', 'line'] as const),
      name: item.bilingual('name'),
      note: item.bilingual('note'),
      sourceKey: item.text('sourceKey'),
      passages: item.texts('passages', { nonEmpty: false }),
      anchors: anchors.map((anchor, anchorIndex) => parseAnchor(item, anchor, anchorIndex)),
    };
  });
}

export function parseSources(data: unknown, file: string): SourceEntry[] {
  return listOf(data, file, 'source').map((record, index) => {
    const name = typeof record.key === 'string' ? `source ${record.key}` : `source #${index}`;
    const item = new ItemReader(file, name, record);
    if (typeof record.copy !== 'boolean') item.fail('"copy" must be true or false');
    const url = item.textOrNull('url');
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) item.fail(`"url" must be an http(s) address, not "${url}"`);
    return {
      key: item.text('key'),
      title: item.text('title'),
      publisher: item.text('publisher'),
      url,
      date: item.textOrNull('date'),
      kind: item.oneOf('kind', SOURCE_KINDS),
      copy: record.copy as boolean,
    };
  });
}

export function parseRegionDefinitions(data: unknown, file: string): RegionDefinition[] {
  return listOf(data, file, 'region definition').map((record, index) => {
    const name = typeof record.region === 'string' ? `region "${record.region}"` : `region definition #${index}`;
    const item = new ItemReader(file, name, record);
    return {
      region: item.text('region'),
      document: item.bilingual('document'),
      date: item.text('date'),
      list: item.oneOf('list', ['published', 'partly-published', 'derived'] as const),
      sourceKey: item.text('sourceKey'),
      note: item.bilingual('note'),
    };
  });
}

export function parseBoundaryNotes(data: unknown, file: string): BoundaryNote[] {
  return listOf(data, file, 'boundary note').map((record, index) => {
    const name = typeof record.district === 'string' ? `district "${record.district}"` : `boundary note #${index}`;
    const item = new ItemReader(file, name, record);
    return { district: item.text('district'), sourceKey: item.text('sourceKey'), text: item.bilingual('text') };
  });
}
