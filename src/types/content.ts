/**
 * The content model: articles, passages quoted from them, sourced figures,
 * population flows and schematic features. Source files live in geodata/content/;
 * the data build checks them and writes content.json (for popups and layers) and
 * articles.json (full texts, loaded when the reader opens).
 */
import type { LayerId } from '../layers/registry';
import type { Bilingual, LngLat } from './atlas-data';

/** The four op-eds, in the page's order. */
export const ARTICLE_IDS = ['a1', 'a2', 'a3', 'a4'] as const;
export type ArticleId = (typeof ARTICLE_IDS)[number];

export interface ArticleMeta {
  id: ArticleId;
  /** The title as printed on the page; null when the page prints none (article 4). */
  titleZh: string | null;
  /** The project's English rendering of the title, or null when there is no title. */
  titleEn: string | null;
  /** What the article is about, in the project's words; shown (marked as such) when there is no title. */
  topic: Bilingual;
  authorsZh: string[];
  authorsEn: string[];
  /** The author note as printed, e.g. "中共渝中区委书记". */
  affiliationZh: string;
  affiliationEn: string;
}

export interface ArticleText {
  id: ArticleId;
  /** The article body as readable paragraphs (the page's line breaks are layout, removed). */
  paragraphs: string[];
}

export interface Passage {
  /** Stable id, e.g. "a4-wan-kai-yun-tiefengshan"; used in URLs (`passage=`). */
  id: string;
  article: ArticleId;
  /** Exact words from the article (whitespace aside). */
  quote: string;
  /** The project's own English rendering; always labelled as a translation. */
  translationEn: string;
  /** District codes and region ids the passage concerns; `chongqing` for the whole municipality. */
  places: string[];
  layers: LayerId[];
  /** Ids of figures the passage states. */
  figures: string[];
  /**
   * Set when the quote is cut inside a clause (marked so in passages.json): which ends are
   * cut, so they are shown with an ellipsis. Absent for quotes cut at clause boundaries.
   */
  excerpt?: { start: boolean; end: boolean };
  /** The project's remark on the passage, e.g. where its places are the project's reading, not the article's words. */
  editorNote?: Bilingual;
}

/** Where a figure comes from: the article itself, or a row of the facts file. */
export type FigureSource =
  | { kind: 'article'; article: ArticleId; passage: string }
  | { kind: 'facts'; key: string; section: string; note: Bilingual | null }
  /** A row of a source table copied into the content folder (the 2020 census by county). */
  | { kind: 'table'; key: string; table: string; note: Bilingual | null };

/**
 * What a population figure counts, so the build can pair a place's resident and hukou
 * figures (for outflow shares) and match figures to the facts table without parsing ids.
 * `hukou-partial`: the hukou count of only part of the unit (綦江 without 万盛), so it is
 * never paired with the unit's resident count. `area`: the place's published total area,
 * which the popup gives as its area in place of the one measured from the map boundary.
 */
export type FigureSeries =
  | 'census'
  | 'resident'
  | 'hukou'
  | 'hukou-partial'
  | 'net-outflow'
  | 'net-outflow-share'
  /** 2020 census shares of residents (%): living in urban areas, registered in another county of Chongqing, in another province. */
  | 'urban-share'
  | 'hukou-other-county-share'
  | 'hukou-other-province-share'
  | 'area';

export interface Figure {
  id: string;
  /** null when the facts file marks the value NOT FOUND: shown as "no data", never as a number. */
  value: number | null;
  /** e.g. "%", "万人", "km²", "people" */
  unit: string;
  /**
   * Year (or date) the value refers to, in both languages: "2023" and "2020-11-01" read alike
   * in both; words are translated ("2021 (plan)" is "2021年（规划）"). The content files may give a
   * year of figures and date marks only as one string (see YEAR_WITHOUT_WORDS).
   */
  year: Bilingual;
  measure: Bilingual;
  places: string[];
  source: FigureSource;
  /** Derived figures show how: e.g. "hukou − resident" with the ids of their inputs. */
  derived: { formula: Bilingual; inputs: string[] } | null;
  /** Set on population counts and their derived outflows; absent on other figures. */
  series?: FigureSeries;
}

/** A year written with figures and date marks only, the same in both languages: "2023", "2020-11-01", "2026–2030". */
export const YEAR_WITHOUT_WORDS = /^[\d\s\-–/.:]+$/;

export interface Flow {
  id: string;
  from: string;
  to: string;
  kind: 'to-central-city' | 'to-regional-centre' | 'to-metropolitan';
  /** `observed`: a pattern the article reports, backed by outflow data; `proposed`: a direction the article calls for. */
  basis: 'observed' | 'proposed';
  /** For observed flows, from the build: how many of the source region's units have outflow data. */
  coverage: { withData: number; units: number } | null;
  note: Bilingual;
  figures: string[];
  passages: string[];
  /** Arrow geometry from the build: a gentle arc from the source's label point to the target's. */
  path: LngLat[];
}

export interface SchematicFeature {
  id: string;
  layer: LayerId;
  kind: 'node' | 'line';
  name: Bilingual;
  /** Why it is drawn where it is (schematic features always say so in their popup). */
  note: Bilingual;
  sourceKey: string;
  passages: string[];
  /** A node's point, or a line's vertices. */
  coordinates: LngLat[];
}

/** Net outflow share of hukou population for districts with a sourced resident/hukou pair. */
export interface OutflowShare {
  code: string;
  year: string;
  /** (hukou − resident) / hukou; negative means net inflow. */
  share: number;
  figures: string[];
}

/**
 * What kind of document a source is, so a reader can weigh it: an aggregator compiles
 * other documents; `copy` marks a document read on a site other than its publisher's.
 */
export type SourceKind =
  | 'census'
  | 'official-bulletin'
  | 'official-document'
  | 'government-page'
  | 'institution-page'
  | 'news'
  | 'aggregator'
  | 'encyclopedia'
  | 'dataset'
  | 'web-page';

export const SOURCE_KINDS: readonly SourceKind[] = [
  'census',
  'official-bulletin',
  'official-document',
  'government-page',
  'institution-page',
  'news',
  'aggregator',
  'encyclopedia',
  'dataset',
  'web-page',
];

/** One entry of the source list: a key such as "[M1]" that figures and notes cite, resolved for readers. */
export interface SourceEntry {
  key: string;
  title: string;
  publisher: string;
  /** The address the facts file records, or null when it records only a site name. */
  url: string | null;
  /** The document's date as recorded (e.g. "2021-05-13", "2024"), or null when not stated. */
  date: string | null;
  kind: SourceKind;
  /** Read as a copy on another site, not at the publisher's own address. */
  copy: boolean;
}

export type CorrectionKind =
  | 'release'
  | 'sources'
  | 'translation'
  | 're-cut'
  | 're-anchored'
  | 'dropped-figure'
  | 'added'
  | 'definition';

export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'release',
  'sources',
  'translation',
  're-cut',
  're-anchored',
  'dropped-figure',
  'added',
  'definition',
];

/** Which document defines a region's list of units, when, and whether the list is printed there or derived. */
export interface RegionDefinition {
  region: string;
  document: Bilingual;
  /** The document's date (several separated by "; "). */
  date: string;
  list: 'published' | 'partly-published' | 'derived';
  sourceKey: string;
  note: Bilingual;
}

/** What the 2025 reorganisation changed for a district, with its source. */
export interface BoundaryNote {
  district: string;
  sourceKey: string;
  text: Bilingual;
}

/** One dated entry of the corrections log. */
export interface Correction {
  version: string;
  date: string;
  changes: Array<{ kind: CorrectionKind; ids: string[]; text: Bilingual }>;
}

export interface ContentData {
  buildId: string;
  /** The newest entry of the corrections log: the content version readers can cite. */
  contentVersion: { version: string; date: string };
  /** What changed in the content, when and why, oldest first. */
  corrections: Correction[];
  /** Every source key the content cites, in the order the About panel numbers them. */
  sources: SourceEntry[];
  pageHeading: string;
  articles: ArticleMeta[];
  passages: Passage[];
  /** Old passage id → the id that now holds its words, so released links keep opening them. */
  renamedPassages: Record<string, string>;
  figures: Figure[];
  flows: Flow[];
  schematic: SchematicFeature[];
  regionDefinitions: RegionDefinition[];
  boundaryNotes: BoundaryNote[];
  outflowShares: OutflowShare[];
}

export interface ArticlesData {
  buildId: string;
  articles: ArticleText[];
}
