/**
 * The shapes of the data files as the app reads them (src/types/atlas-data.ts and content.ts),
 * checked where each file is loaded. Arc coordinates are left to the topology decoder: checking
 * every vertex would cost more than the rest together, and a bad one cannot blank the page.
 */

import { LAYER_IDS } from '../layers/registry';
import { TOPOLOGY_OBJECTS } from '../types/atlas-data';
import { ARTICLE_IDS, CORRECTION_KINDS, SOURCE_KINDS } from '../types/content';
import {
  array,
  arrayOf,
  boolean,
  byKind,
  type Check,
  checkShape,
  nullable,
  number,
  numbers,
  object,
  oneOf,
  optional,
  recordOf,
  string,
} from './shape';

const strings = arrayOf(string);
const lngLat = numbers(2);
const bbox = numbers(4);
const bilingual = object({ zh: string, en: string });
const layerId = oneOf(...LAYER_IDS);
const articleId = oneOf(...ARTICLE_IDS);

const geometryCollection = object({ type: oneOf('GeometryCollection'), geometries: arrayOf(object({ type: string })) });

const topology: Check = object({
  type: oneOf('Topology'),
  arcs: arrayOf(array),
  transform: optional(object({ scale: numbers(2), translate: numbers(2) })),
  objects: object(Object.fromEntries(TOPOLOGY_OBJECTS.map((name) => [name, geometryCollection]))),
});

const places: Check = object({
  buildId: string,
  attribution: arrayOf(bilingual),
  districts: arrayOf(
    object({
      code: string,
      nameZh: string,
      nameEn: string,
      romanisation: string,
      type: oneOf('district', 'county', 'autonomous_county'),
      regions: strings,
      urbanSystem: string,
      areaKm2: number,
      bbox,
      label: lngLat,
      pinyin: strings,
    }),
    { minLength: 1 },
  ),
  regions: arrayOf(
    object({
      id: string,
      nameZh: string,
      nameEn: string,
      kind: string,
      members: strings,
      areaKm2: nullable(number),
      bbox,
      label: lngLat,
      sourceKey: string,
      versionNote: bilingual,
      pinyin: strings,
    }),
  ),
  provinces: arrayOf(object({ id: string, nameZh: string, nameEn: string, label: lngLat })),
});

const figureSource = byKind({
  article: object({ article: articleId, passage: string }),
  facts: object({ key: string, section: string, note: nullable(bilingual) }),
  table: object({ key: string, table: string, note: nullable(bilingual) }),
});

const content: Check = object({
  buildId: string,
  contentVersion: object({ version: string, date: string }),
  corrections: arrayOf(
    object({
      version: string,
      date: string,
      changes: arrayOf(object({ kind: oneOf(...CORRECTION_KINDS), ids: strings, text: bilingual })),
    }),
  ),
  sources: arrayOf(
    object({
      key: string,
      title: string,
      publisher: string,
      url: nullable(string),
      date: nullable(string),
      kind: oneOf(...SOURCE_KINDS),
    }),
  ),
  renamedPassages: recordOf(string),
  regionDefinitions: arrayOf(
    object({
      region: string,
      document: bilingual,
      date: string,
      list: oneOf('published', 'partly-published', 'derived'),
      sourceKey: string,
      note: bilingual,
    }),
  ),
  boundaryNotes: arrayOf(object({ district: string, sourceKey: string, text: bilingual })),
  pageHeading: string,
  articles: arrayOf(
    object({
      id: articleId,
      titleZh: nullable(string),
      titleEn: nullable(string),
      topic: bilingual,
      authorsZh: strings,
      authorsEn: strings,
      affiliationZh: string,
      affiliationEn: string,
    }),
  ),
  passages: arrayOf(
    object({
      id: string,
      article: articleId,
      quote: string,
      translationEn: string,
      places: strings,
      layers: arrayOf(layerId),
      figures: strings,
      excerpt: optional(object({ start: boolean, end: boolean })),
      editorNote: optional(bilingual),
    }),
  ),
  figures: arrayOf(
    object({
      id: string,
      value: nullable(number),
      unit: string,
      year: bilingual,
      measure: bilingual,
      places: strings,
      source: figureSource,
      derived: nullable(object({ formula: bilingual, inputs: strings })),
      series: optional(string),
    }),
  ),
  flows: arrayOf(
    object({
      id: string,
      from: string,
      to: string,
      kind: string,
      basis: oneOf('observed', 'proposed'),
      coverage: nullable(object({ withData: number, units: number })),
      note: bilingual,
      figures: strings,
      passages: strings,
      path: arrayOf(lngLat, { minLength: 2 }),
    }),
  ),
  schematic: arrayOf(
    object({
      id: string,
      layer: layerId,
      kind: oneOf('node', 'line'),
      name: bilingual,
      note: bilingual,
      sourceKey: string,
      passages: strings,
      coordinates: arrayOf(lngLat, { minLength: 1 }),
    }),
  ),
  outflowShares: arrayOf(object({ code: string, year: string, share: number, figures: strings })),
});

const articles: Check = object({
  buildId: string,
  articles: arrayOf(object({ id: articleId, paragraphs: strings })),
});

/** Each throws a ShapeError naming the first bad value's path. */
export const checkTopology = (data: unknown) => checkShape(topology, data);
export const checkPlaces = (data: unknown) => checkShape(places, data);
export const checkContent = (data: unknown) => checkShape(content, data);
export const checkArticles = (data: unknown) => checkShape(articles, data);
