/**
 * The 2020 census by county (sources/census-2020-county-hukou.csv): read, checked against
 * the published totals (the 38 units sum to the census total; the resident-weighted urban
 * share is the published 69.46 %), and turned into figures for every district: the urban
 * share and the shares of residents registered in another county of Chongqing or in
 * another province. Those shares measure where people registered elsewhere live
 * (in-migration), not where people left from.
 */
import type { PlacesData } from '../../src/types/atlas-data';
import type { Figure } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';

export interface CensusRow {
  code: string;
  name: string;
  resident: number;
  urbanShare: number;
  otherCountyShare: number;
  otherProvinceShare: number;
}

/** Published 2020 census totals the table must reproduce. */
export const CENSUS_2020 = { resident: 32_054_159, urbanSharePercent: 69.46 } as const;
export const CENSUS_TABLE_KEY = '[N1]';
const TABLE = 'census-2020-county-hukou.csv';

const COLUMNS = [
  'code',
  'name',
  'resident_population',
  'urban_share',
  'hukou_other_county_same_province_share',
  'hukou_other_province_share',
] as const;

export function parseCensusTable(text: string, file: string): CensusRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  const index = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)]));
  for (const column of COLUMNS) {
    if (index[column] === -1) throw new DataBuildError(file, null, `has no "${column}" column`);
  }
  return lines.map((line, at) => {
    const cells = line.split(',');
    const cell = (column: (typeof COLUMNS)[number]) => cells[index[column] as number] ?? '';
    const number = (column: (typeof COLUMNS)[number]) => {
      const value = Number(cell(column));
      if (cell(column) === '' || !Number.isFinite(value)) {
        throw new DataBuildError(file, `row ${at + 2}`, `"${column}" is not a number`);
      }
      return value;
    };
    return {
      code: cell('code'),
      name: cell('name'),
      resident: number('resident_population'),
      urbanShare: number('urban_share'),
      otherCountyShare: number('hukou_other_county_same_province_share'),
      otherProvinceShare: number('hukou_other_province_share'),
    };
  });
}

/** One row per district of the map, and the published totals reproduced. */
export function checkCensusTable(rows: CensusRow[], places: PlacesData, file: string): void {
  const codes = places.districts.map((district) => district.code).sort();
  const rowCodes = rows.map((row) => row.code).sort();
  if (rowCodes.join() !== codes.join()) {
    throw new DataBuildError(file, null, `rows must be the map's ${codes.length} districts, one each`);
  }
  const total = rows.reduce((sum, row) => sum + row.resident, 0);
  if (total !== CENSUS_2020.resident) {
    throw new DataBuildError(file, null, `residents sum to ${total}, not the census total ${CENSUS_2020.resident}`);
  }
  const urban = (rows.reduce((sum, row) => sum + row.resident * row.urbanShare, 0) / total) * 100;
  if (Math.abs(urban - CENSUS_2020.urbanSharePercent) > 0.005) {
    throw new DataBuildError(
      file,
      null,
      `the resident-weighted urban share is ${urban.toFixed(2)} %, not ${CENSUS_2020.urbanSharePercent} %`,
    );
  }
  for (const row of rows) {
    for (const share of [row.urbanShare, row.otherCountyShare, row.otherProvinceShare]) {
      if (share < 0 || share > 1) throw new DataBuildError(file, `district ${row.code}`, 'a share lies outside 0–1');
    }
  }
}

const NOTE = {
  zh: '第七次全国人口普查分县资料（国家统计局，2022）的转录。人户分离比例表示户籍在外地、居住在本区县的常住人口占比，反映流入，不是流出。',
  en: 'Transcribed from the 2020 census tabulation by county (National Bureau of Statistics, 2022). The shares of residents registered elsewhere measure who lives here (in-migration), not who left.',
};

const MEASURES = {
  'urban-share': {
    field: 'urbanShare',
    zh: '城镇人口占常住人口比例（第七次全国人口普查）',
    en: 'Share of residents living in urban areas (2020 census)',
  },
  'hukou-other-county-share': {
    field: 'otherCountyShare',
    zh: '户籍在重庆其他区县的常住人口占比（第七次全国人口普查；市内流入）',
    en: 'Share of residents whose hukou is registered in another district or county of Chongqing (2020 census; in-migration within Chongqing)',
  },
  'hukou-other-province-share': {
    field: 'otherProvinceShare',
    zh: '户籍在外省的常住人口占比（第七次全国人口普查；省外流入）',
    en: 'Share of residents whose hukou is registered in another province (2020 census; in-migration from other provinces)',
  },
} as const;

/** Three figures per district, in %, to the table's precision (a share of 0.6892 is 68.92 %). */
export function censusFigures(rows: CensusRow[]): Figure[] {
  return rows.flatMap((row) =>
    (Object.keys(MEASURES) as Array<keyof typeof MEASURES>).map(
      (series): Figure => ({
        id: `${series}-2020-${row.code}`,
        value: Number((row[MEASURES[series].field] * 100).toFixed(2)),
        unit: '%',
        year: { zh: '2020-11-01', en: '2020-11-01' },
        measure: { zh: MEASURES[series].zh, en: MEASURES[series].en },
        places: [row.code],
        source: { kind: 'table', key: CENSUS_TABLE_KEY, table: TABLE, note: NOTE },
        derived: null,
        series,
      }),
    ),
  );
}
