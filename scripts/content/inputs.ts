/**
 * Shapes of the content source files in geodata/content/ (docs/architecture.md, Content model). They are the
 * built content types minus what the build computes (flow paths, schematic
 * coordinates), plus what it needs to compute them (schematic anchors).
 */
import type { LngLat } from '../../src/types/atlas-data';
import type {
  ArticleMeta,
  BoundaryNote,
  Correction,
  Figure,
  Flow,
  Passage,
  RegionDefinition,
  SchematicFeature,
  SourceEntry,
} from '../../src/types/content';
import type { CensusRow } from './census';
import type { PassageIdsFile } from './passage-ids';

/** Names of the content files inside the content folder. */
export const CONTENT_FILES = {
  articles: 'articles.json',
  passages: 'passages.json',
  figures: 'figures.json',
  flows: 'flows.json',
  schematic: 'schematic.json',
  sources: 'sources.json',
  passageIds: 'passage-ids.json',
  corrections: 'corrections.json',
  regionDefinitions: 'region-definitions.json',
  boundaryNotes: 'boundary-notes.json',
  page: 'sources/000_8845bdb8f5378b47.txt',
  facts: 'sources/chongqing-facts.md',
  census: 'sources/census-2020-county-hukou.csv',
} as const;

/** The file each kind of item comes from, as errors should name it (a path or a bare name). */
export type ContentFileNames = Record<keyof typeof CONTENT_FILES, string>;

export type ArticleInput = ArticleMeta & { paragraphs: string[] };

export interface ArticlesFile {
  pageHeading: string;
  articles: ArticleInput[];
}

/** A passage as written: `excerpt: true` marks a quote cut inside a clause; the build works out where. */
export type PassageInput = Omit<Passage, 'excerpt'> & { excerpt?: boolean };
export type FigureInput = Figure;
export type FlowInput = Omit<Flow, 'path' | 'coverage'>;

/**
 * Where a schematic vertex goes: a point well inside the union of some districts (when
 * no coordinate is sourced), or a coordinate the facts file gives, with its source key.
 */
export type Anchor = { districts: string[] } | { point: LngLat; sourceKey: string };

export type SchematicInput = Omit<SchematicFeature, 'coordinates'> & { anchors: Anchor[] };

/** One cell of the facts file's §2 district table. */
export interface FactsCell {
  /** The cell as printed. */
  text: string;
  /** `not-found` for NOT FOUND, `not-published` for "not published": both must be recorded as null. */
  status: 'value' | 'not-found' | 'not-published';
  value: number | null;
}

export interface FactsRow {
  code: string;
  census: FactsCell;
  resident: FactsCell;
  hukou: FactsCell;
}

export interface FactsFile {
  /** Source keys defined in the facts file, e.g. "[M1]". */
  sourceKeys: Set<string>;
  /** The §2 table (2020 census, 2023 resident and hukou) by district code. */
  districtRows: Map<string, FactsRow>;
}

/** Everything the content build reads, parsed and shape-checked. */
export interface ContentInputs {
  articles: ArticlesFile;
  passages: PassageInput[];
  figures: FigureInput[];
  flows: FlowInput[];
  schematic: SchematicInput[];
  sources: SourceEntry[];
  passageIds: PassageIdsFile;
  corrections: Correction[];
  regionDefinitions: RegionDefinition[];
  boundaryNotes: BoundaryNote[];
  /** The newspaper page as extracted text. */
  page: string;
  facts: FactsFile;
  /** The 2020 census by county, one row per district. */
  census: CensusRow[];
}
