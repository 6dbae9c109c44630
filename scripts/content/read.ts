/** Reads the content folder into parsed, shape-checked inputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataBuildError } from '../geodata/errors';
import { parseCensusTable } from './census';
import { parseCorrections } from './corrections';
import { parseFactsFile } from './facts';
import { CONTENT_FILES, type ContentFileNames, type ContentInputs } from './inputs';
import { parsePassageIds } from './passage-ids';
import {
  parseArticlesFile,
  parseBoundaryNotes,
  parseFigures,
  parseFlows,
  parsePassages,
  parseRegionDefinitions,
  parseSchematic,
  parseSources,
} from './shape';

export function contentFileNames(contentDir: string): ContentFileNames {
  return Object.fromEntries(
    Object.entries(CONTENT_FILES).map(([key, name]) => [key, join(contentDir, name)]),
  ) as ContentFileNames;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataBuildError(file, null, `cannot read (${(error as Error).message})`);
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataBuildError(file, null, `is not valid JSON (${(error as Error).message})`);
  }
}

export function readContentInputs(files: ContentFileNames): ContentInputs {
  return {
    articles: parseArticlesFile(readJson(files.articles), files.articles),
    passages: parsePassages(readJson(files.passages), files.passages),
    figures: parseFigures(readJson(files.figures), files.figures),
    flows: parseFlows(readJson(files.flows), files.flows),
    schematic: parseSchematic(readJson(files.schematic), files.schematic),
    sources: parseSources(readJson(files.sources), files.sources),
    passageIds: parsePassageIds(readJson(files.passageIds), files.passageIds),
    corrections: parseCorrections(readJson(files.corrections), files.corrections),
    regionDefinitions: parseRegionDefinitions(readJson(files.regionDefinitions), files.regionDefinitions),
    boundaryNotes: parseBoundaryNotes(readJson(files.boundaryNotes), files.boundaryNotes),
    page: readText(files.page),
    facts: parseFactsFile(readText(files.facts), files.facts),
    census: parseCensusTable(readText(files.census), files.census),
  };
}
