import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BBox, Bilingual } from '../../src/types/atlas-data';
import { DataBuildError } from './errors';
import { INPUT_CRS, type InputCrs } from './reproject';

export interface BoundaryInput {
  file: string;
  crs: InputCrs;
  codeProperty: string;
  nameProperty: string;
  attribution: Bilingual;
}

export interface ContextInput {
  file: string;
  nameZhProperty: string;
  nameEnProperty: string;
  idProperty?: string;
  excludeIds?: string[];
  clipBox: BBox;
}

export interface BuildConfig {
  /** Absolute path of the config file; other paths are resolved against its folder. */
  configFile: string;
  boundaries: BoundaryInput;
  codeList: string;
  englishNameOverrides: Record<string, string>;
  pinyinOverrides: Record<string, string>;
  provinces: ContextInput;
  rivers: ContextInput;
  contextAttribution: Bilingual;
  cleanGapFillKm2: number;
  simplifyIntervalMeters: number;
  /** Coarser tolerance of the overview topology, drawn at small scales (see overviewTopology). */
  overviewSimplifyIntervalMeters: number;
  regions: string;
  /** Articles, passages, figures, flows and schematic features (geodata/content). */
  contentDir: string;
  outDir: string;
}

function fail(file: string, problem: string): never {
  throw new DataBuildError(file, null, problem);
}

function requireString(file: string, value: unknown, key: string): string {
  if (typeof value !== 'string' || value === '') fail(file, `"${key}" must be a non-empty string`);
  return value;
}

function requireBilingual(file: string, value: unknown, key: string): Bilingual {
  const record = (value ?? {}) as Record<string, unknown>;
  return { zh: requireString(file, record.zh, `${key}.zh`), en: requireString(file, record.en, `${key}.en`) };
}

function requireBox(file: string, value: unknown, key: string): BBox {
  if (!Array.isArray(value) || value.length !== 4 || !value.every(Number.isFinite)) {
    fail(file, `"${key}" must be [west, south, east, north]`);
  }
  return value as BBox;
}

function readContextInput(file: string, folder: string, value: unknown, key: string): ContextInput {
  const record = (value ?? {}) as Record<string, unknown>;
  return {
    file: resolve(folder, requireString(file, record.file, `${key}.file`)),
    nameZhProperty: requireString(file, record.nameZhProperty, `${key}.nameZhProperty`),
    nameEnProperty: requireString(file, record.nameEnProperty, `${key}.nameEnProperty`),
    idProperty: typeof record.idProperty === 'string' ? record.idProperty : undefined,
    excludeIds: Array.isArray(record.excludeIds) ? record.excludeIds.map(String) : [],
    clipBox: requireBox(file, record.clipBox, `${key}.clipBox`),
  };
}

/** Reads and checks the build config; every path in the result is absolute. */
export function loadBuildConfig(configFile: string): BuildConfig {
  const file = resolve(configFile);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, `cannot read the build config (${(error as Error).message})`);
  }
  const folder = dirname(file);
  const boundaries = (raw.boundaries ?? {}) as Record<string, unknown>;
  const crs = boundaries.crs as InputCrs;
  if (!INPUT_CRS.includes(crs)) fail(file, `"boundaries.crs" must be one of ${INPUT_CRS.join(', ')}`);
  const positive = (key: string) => {
    const value = raw[key];
    if (typeof value !== 'number' || !(value > 0)) fail(file, `"${key}" must be a positive number`);
    return value;
  };
  return {
    configFile: file,
    boundaries: {
      file: resolve(folder, requireString(file, boundaries.file, 'boundaries.file')),
      crs,
      codeProperty: requireString(file, boundaries.codeProperty, 'boundaries.codeProperty'),
      nameProperty: requireString(file, boundaries.nameProperty, 'boundaries.nameProperty'),
      attribution: requireBilingual(file, boundaries.attribution, 'boundaries.attribution'),
    },
    codeList: resolve(folder, requireString(file, raw.codeList, 'codeList')),
    englishNameOverrides: (raw.englishNameOverrides ?? {}) as Record<string, string>,
    pinyinOverrides: (raw.pinyinOverrides ?? {}) as Record<string, string>,
    provinces: readContextInput(file, folder, raw.provinces, 'provinces'),
    rivers: readContextInput(file, folder, raw.rivers, 'rivers'),
    contextAttribution: requireBilingual(file, raw.contextAttribution, 'contextAttribution'),
    cleanGapFillKm2: positive('cleanGapFillKm2'),
    simplifyIntervalMeters: positive('simplifyIntervalMeters'),
    overviewSimplifyIntervalMeters: positive('overviewSimplifyIntervalMeters'),
    regions: resolve(folder, requireString(file, raw.regions, 'regions')),
    contentDir: resolve(folder, requireString(file, raw.contentDir, 'contentDir')),
    outDir: resolve(folder, requireString(file, raw.outDir, 'outDir')),
  };
}
