/**
 * Checks on figures: each has a source that exists, values the facts file could not find
 * are null (shown as "no data", never as a number), values match the facts table they
 * cite, and derived figures are the arithmetic they claim to be.
 */
import type { FigureSeries } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type { FactsCell, FactsFile, FactsRow, FigureInput, PassageInput } from './inputs';

/** The key a figure cites when the facts file has no value for it. */
export const NOT_FOUND_KEY = 'NOT FOUND';

const SOURCE_KEY = /^\[[A-Za-z0-9]+\]$/;
const SECTION = /^§\d+(?:\.\d+)*$/;

function figureError(file: string, figure: FigureInput, problem: string): DataBuildError {
  return new DataBuildError(file, `figure "${figure.id}"`, problem);
}

export function checkFigureSources(
  figures: FigureInput[],
  passages: PassageInput[],
  knownKeys: ReadonlySet<string>,
  file: string,
): void {
  const passagesById = new Map(passages.map((passage) => [passage.id, passage]));
  for (const figure of figures) {
    const { source } = figure;
    if (source.kind === 'article') {
      if (figure.value === null) {
        throw figureError(file, figure, 'an article figure must have the number the article prints');
      }
      const passage = passagesById.get(source.passage);
      if (!passage) throw figureError(file, figure, `source passage "${source.passage}" does not exist`);
      if (passage.article !== source.article) {
        throw figureError(
          file,
          figure,
          `source passage "${source.passage}" is from ${passage.article}, not ${source.article}`,
        );
      }
      if (!passage.figures.includes(figure.id)) {
        throw figureError(
          file,
          figure,
          `source passage "${source.passage}" does not list this figure in its "figures"`,
        );
      }
      continue;
    }
    if (source.kind === 'table') {
      throw figureError(file, figure, 'figures from a source table are made by the build, not written in figures.json');
    }
    if (!SECTION.test(source.section)) {
      throw figureError(file, figure, `source section "${source.section}" must look like "§2" or "§1.8"`);
    }
    if (source.key === NOT_FOUND_KEY) {
      if (figure.value !== null) {
        throw figureError(file, figure, `cites ${NOT_FOUND_KEY} but gives the number ${figure.value}; use null`);
      }
      continue;
    }
    for (const key of source.key.split(' ')) {
      if (!SOURCE_KEY.test(key)) {
        throw figureError(file, figure, `source key "${key}" must look like "[M1]" (several keys: "[M1] [M2]")`);
      }
      if (!knownKeys.has(key)) {
        throw figureError(file, figure, `source key "${key}" is not in the source list`);
      }
    }
  }
}

type FactsColumn = keyof Omit<FactsRow, 'code'>;

/** Which §2 column each population series is, and the year that column holds. */
const FACTS_COLUMNS: Partial<Record<FigureSeries, { column: FactsColumn; year: string }>> = {
  census: { column: 'census', year: '2020-11-01' },
  resident: { column: 'resident', year: '2023' },
  hukou: { column: 'hukou', year: '2023' },
  'hukou-partial': { column: 'hukou', year: '2023' },
};

function factsColumn(figure: FigureInput): FactsColumn | null {
  const match = figure.series ? FACTS_COLUMNS[figure.series] : undefined;
  return match && match.year === figure.year.en ? match.column : null;
}

function isMissing(cell: FactsCell): boolean {
  return cell.status !== 'value';
}

/**
 * Figures against the facts file's §2 table: a figure citing a row and column holds the
 * number printed there, or null where the cell says NOT FOUND (or "not published");
 * and every such empty cell is recorded, so the map shows "no data" rather than nothing.
 * A 2020 census count the facts table lacks may instead cite the census table by county
 * (`censusKey`), and must then hold that table's count (`censusCounts`).
 */
export function checkFactsTable(
  figures: FigureInput[],
  facts: FactsFile,
  file: string,
  census: { key: string; counts: ReadonlyMap<string, number> } = { key: '', counts: new Map() },
): void {
  const recorded = new Set<string>();
  for (const figure of figures) {
    if (figure.source.kind !== 'facts' || figure.source.section !== '§2' || figure.derived) continue;
    const column = factsColumn(figure);
    const code = figure.places.length === 1 ? figure.places[0] : undefined;
    const row = code ? facts.districtRows.get(code) : undefined;
    if (!column || !row) continue;
    const cell = row[column];
    recorded.add(`${row.code} ${column}`);
    const fromCensus = column === 'census' && census.key !== '' && figure.source.key === census.key;
    if (isMissing(cell) && fromCensus) {
      if (figure.value !== census.counts.get(row.code)) {
        throw figureError(file, figure, `value ${figure.value} is not the census table's count for ${row.code}`);
      }
    } else if (isMissing(cell)) {
      if (figure.value !== null) {
        throw figureError(
          file,
          figure,
          `the facts file says "${cell.text}" for ${row.code} ${column}, so the value must be null, not ${figure.value}`,
        );
      }
    } else if (cell.value === null || figure.value === null || Math.abs(cell.value - figure.value) > 1e-9) {
      throw figureError(
        file,
        figure,
        `value ${figure.value} does not match the facts file's ${row.code} ${column}: "${cell.text}"`,
      );
    }
  }
  for (const row of facts.districtRows.values()) {
    for (const column of ['census', 'resident', 'hukou'] as const) {
      if (isMissing(row[column]) && !recorded.has(`${row.code} ${column}`)) {
        throw new DataBuildError(
          file,
          `${row.code} ${column}`,
          `the facts file says "${row[column].text}"; record it as a figure with value null`,
        );
      }
    }
  }
}

/** Outflows are stored to 2 decimals (万人), shares to 1 decimal (%). */
const OUTFLOW_TOLERANCE = { 'net-outflow': 0.005, 'net-outflow-share': 0.05 } as const;

/**
 * Derived figures: inputs exist, are numbers and are not the figure itself; outflows
 * are hukou − resident and shares (hukou − resident) ÷ hukou × 100, of one place and year.
 */
export function checkDerivedFigures(figures: FigureInput[], file: string): void {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  for (const figure of figures) {
    if (!figure.derived) continue;
    if (figure.value === null) {
      throw figureError(file, figure, 'a derived figure must be a number (it is computed from sourced numbers)');
    }
    if (figure.source.kind !== 'facts') {
      throw figureError(file, figure, 'a derived figure must cite the facts rows it is computed from');
    }
    const inputs: (FigureInput & { value: number })[] = [];
    for (const id of figure.derived.inputs) {
      const input = byId.get(id);
      if (!input) throw figureError(file, figure, `input "${id}" does not exist`);
      if (id === figure.id) throw figureError(file, figure, 'is its own input');
      if (input.value === null) {
        throw figureError(file, figure, `input "${id}" has no value (NOT FOUND); nothing can be derived from it`);
      }
      inputs.push({ ...input, value: input.value });
    }
    if (figure.series !== 'net-outflow' && figure.series !== 'net-outflow-share') continue;
    const resident = inputs.find((input) => input.series === 'resident');
    const hukou = inputs.find((input) => input.series === 'hukou');
    if (inputs.length !== 2 || !resident || !hukou) {
      throw figureError(
        file,
        figure,
        'an outflow needs exactly two inputs, one resident and one hukou figure (a partial hukou count is not comparable)',
      );
    }
    for (const input of [resident, hukou]) {
      if (input.year.en !== figure.year.en || input.places.join() !== figure.places.join()) {
        throw figureError(file, figure, `input "${input.id}" is not for the same place and year`);
      }
    }
    const outflow = hukou.value - resident.value;
    const expected = figure.series === 'net-outflow' ? outflow : (outflow / hukou.value) * 100;
    if (Math.abs(figure.value - expected) > OUTFLOW_TOLERANCE[figure.series] + 1e-9) {
      throw figureError(file, figure, `value ${figure.value} does not match its inputs (${expected.toFixed(3)})`);
    }
  }
}
