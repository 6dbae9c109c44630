/**
 * Reads what the checks need from the facts file (geodata/content/sources/chongqing-facts.md):
 * the source keys it defines and its §2 district table, so a figure can be checked
 * against the row it cites (a NOT FOUND cell must be recorded as null).
 */
import { DataBuildError } from '../geodata/errors';
import type { FactsCell, FactsFile, FactsRow } from './inputs';

/** Column headers of the §2 table, as the facts file prints them. */
const COLUMNS = { census: '2020 census', resident: '2023 常住', hukou: '2023 户籍' } as const;

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

export function parseFactsCell(text: string): FactsCell {
  if (/NOT FOUND/i.test(text)) return { text, status: 'not-found', value: null };
  if (/not published/i.test(text)) return { text, status: 'not-published', value: null };
  // Numbers are printed like "1,564,449 [P3]", "~55.38 (…)" or "**89.9397**"; the minus may be "−".
  const match = text.replace(/\*\*/g, '').match(/^~?\s*([−-]?[\d,]+(?:\.\d+)?)/);
  if (!match?.[1]) return { text, status: 'value', value: null };
  return { text, status: 'value', value: Number(match[1].replace(/,/g, '').replace('−', '-')) };
}

function section(text: string, heading: string): string {
  const start = text.search(new RegExp(`^## ${heading.replace('.', '\\.')}`, 'm'));
  if (start < 0) return '';
  const rest = text.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

export function parseFactsFile(text: string, file: string): FactsFile {
  const sourceKeys = new Set([...text.matchAll(/\*\*(\[[A-Za-z0-9]+\])\*\*/g)].map((match) => match[1] as string));
  if (sourceKeys.size === 0) throw new DataBuildError(file, null, 'defines no source keys (expected **[M1]** …)');

  const table = section(text, '2.')
    .split('\n')
    .filter((line) => line.trim().startsWith('|'));
  const header = table.map(cells).find((row) => row.some((cell) => cell.startsWith(COLUMNS.census)));
  if (!header) throw new DataBuildError(file, '§2', `no district table with a "${COLUMNS.census}" column`);
  const column = (name: string): number => {
    const index = header.findIndex((cell) => cell.startsWith(name));
    if (index < 0) throw new DataBuildError(file, '§2', `the district table has no "${name}" column`);
    return index;
  };
  const index = { census: column(COLUMNS.census), resident: column(COLUMNS.resident), hukou: column(COLUMNS.hukou) };

  const districtRows = new Map<string, FactsRow>();
  for (const row of table.map(cells)) {
    const code = row[0] ?? '';
    if (!/^\d{6}$/.test(code)) continue;
    const cell = (at: number) => parseFactsCell(row[at] ?? '');
    districtRows.set(code, {
      code,
      census: cell(index.census),
      resident: cell(index.resident),
      hukou: cell(index.hukou),
    });
  }
  if (districtRows.size === 0) throw new DataBuildError(file, '§2', 'the district table has no rows');
  return { sourceKeys, districtRows };
}
