import type { DistrictType } from '../../src/types/atlas-data';
import { DataBuildError } from './errors';

export interface CodeListRow {
  code: string;
  nameZh: string;
  /** Short romanised name from the list, e.g. "Wanzhou". */
  nameEn: string;
  type: DistrictType;
}

const REQUIRED_COLUMNS = ['code', 'name_zh', 'name_en', 'type'] as const;
const TYPES: readonly DistrictType[] = ['district', 'county', 'autonomous_county'];

/**
 * Parses the GB/T 2260 code list (a plain CSV with no quoted fields; a quote is
 * rejected rather than half-understood).
 */
export function parseCodeList(text: string, file: string): CodeListRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  const columnIndex = new Map(header.map((name, index) => [name.trim(), index]));
  for (const column of REQUIRED_COLUMNS) {
    if (!columnIndex.has(column)) throw new DataBuildError(file, null, `missing column "${column}"`);
  }
  const cell = (fields: string[], column: (typeof REQUIRED_COLUMNS)[number]) =>
    (fields[columnIndex.get(column) as number] ?? '').trim();
  const seen = new Set<string>();
  return lines.slice(1).map((line, index) => {
    const rowName = `row ${index + 2}`;
    if (line.includes('"')) throw new DataBuildError(file, rowName, 'quoted fields are not supported');
    const fields = line.split(',');
    const code = cell(fields, 'code');
    const type = cell(fields, 'type');
    if (!/^50\d{4}$/.test(code))
      throw new DataBuildError(file, rowName, `"${code}" is not a Chongqing county-level code`);
    if (seen.has(code)) throw new DataBuildError(file, rowName, `duplicate code ${code}`);
    seen.add(code);
    if (!TYPES.includes(type as DistrictType)) throw new DataBuildError(file, rowName, `unknown type "${type}"`);
    const nameZh = cell(fields, 'name_zh');
    const nameEn = cell(fields, 'name_en');
    if (!nameZh || !nameEn) throw new DataBuildError(file, rowName, 'empty name');
    return { code, nameZh, nameEn, type: type as DistrictType };
  });
}

/** Full English name: "Wanzhou District", "Wushan County"; autonomous counties are already full. */
export function fullEnglishName(row: CodeListRow, overrides: Record<string, string>): string {
  const override = overrides[row.code];
  if (override) return override;
  if (row.type === 'district') return `${row.nameEn} District`;
  if (row.type === 'county') return `${row.nameEn} County`;
  return row.nameEn;
}

/** Short English name: autonomous counties lose their ethnic qualifiers ("Shizhu"). */
export function shortEnglishName(row: CodeListRow): string {
  return row.type === 'autonomous_county' ? (row.nameEn.split(' ')[0] ?? row.nameEn) : row.nameEn;
}
