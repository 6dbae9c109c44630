import { describe, expect, it } from 'vitest';
import { type CodeListRow, parseCodeList } from '../../scripts/geodata/code-list';
import { DataBuildError } from '../../scripts/geodata/errors';
import { parseJsonInput, validateBoundaries, validateFeatureCollection } from '../../scripts/geodata/validate';

const FILE = 'fixtures/boundaries.geojson';
const fields = { codeProperty: 'adcode', nameProperty: 'name' };
const codeList: CodeListRow[] = [
  { code: '500101', nameZh: '万州区', nameEn: 'Wanzhou', type: 'district' },
  { code: '500103', nameZh: '渝中区', nameEn: 'Yuzhong', type: 'district' },
];

const square = (west: number, south: number, size = 0.1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

const feature = (adcode: string, name: string, geometry: unknown = square(106.5, 29.5)) => ({
  type: 'Feature',
  properties: { adcode, name },
  geometry,
});

const boundaries = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The error a call throws, to check what it says. */
function errorOf(call: () => unknown): DataBuildError {
  try {
    call();
  } catch (error) {
    if (error instanceof DataBuildError) return error;
    throw error;
  }
  throw new Error('expected a DataBuildError');
}

describe('validateBoundaries', () => {
  it('accepts one feature per listed code with matching names', () => {
    const result = validateBoundaries(
      boundaries(feature('500101', '万州区', square(108.3, 30.7)), feature('500103', '渝中区')),
      FILE,
      codeList,
      fields,
    );
    expect(result.features).toHaveLength(2);
  });

  it('names the file and the feature when a code is not in the list', () => {
    const error = errorOf(() =>
      validateBoundaries(
        boundaries(feature('500101', '万州区'), feature('500199', '不存在区')),
        FILE,
        codeList,
        fields,
      ),
    );
    expect(error.file).toBe(FILE);
    expect(error.feature).toBe('feature #1 (500199 不存在区)');
    expect(error.message).toContain('not in the code list');
  });

  it('rejects a second feature with the same code', () => {
    const error = errorOf(() =>
      validateBoundaries(boundaries(feature('500101', '万州区'), feature('500101', '万州区')), FILE, codeList, fields),
    );
    expect(error.feature).toContain('#1');
    expect(error.message).toContain('second feature with code 500101');
  });

  it('rejects a name that does not match the code list', () => {
    const error = errorOf(() =>
      validateBoundaries(boundaries(feature('500101', '万县'), feature('500103', '渝中区')), FILE, codeList, fields),
    );
    expect(error.message).toContain('"万县" does not match the code list\'s "万州区"');
  });

  it('reports districts with no feature', () => {
    const error = errorOf(() => validateBoundaries(boundaries(feature('500101', '万州区')), FILE, codeList, fields));
    expect(error.message).toContain('no feature for 500103 渝中区');
  });

  it('catches swapped axes (or a wrong CRS) by the coordinates leaving Chongqing', () => {
    const swapped = square(29.5, 106.5);
    const error = errorOf(() =>
      validateBoundaries(
        boundaries(feature('500101', '万州区', swapped), feature('500103', '渝中区')),
        FILE,
        codeList,
        fields,
      ),
    );
    expect(error.feature).toBe('feature #0 (500101 万州区)');
    expect(error.message).toContain('wrong CRS or swapped axes');
  });

  it('uses geojson-validation: an unclosed ring is invalid GeoJSON', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [106.5, 29.5],
          [106.6, 29.5],
          [106.6, 29.6],
          [106.5, 29.6],
        ],
      ],
    };
    const error = errorOf(() =>
      validateBoundaries(
        boundaries(feature('500101', '万州区', open), feature('500103', '渝中区')),
        FILE,
        codeList,
        fields,
      ),
    );
    expect(error.feature).toBe('feature #0 (500101 万州区)');
    expect(error.message).toContain('invalid GeoJSON');
  });

  it('rejects geometry of the wrong type', () => {
    const point = { type: 'Point', coordinates: [106.5, 29.5] };
    const error = errorOf(() =>
      validateBoundaries(
        boundaries(feature('500101', '万州区', point), feature('500103', '渝中区')),
        FILE,
        codeList,
        fields,
      ),
    );
    expect(error.message).toContain('geometry must be Polygon or MultiPolygon, found Point');
  });

  it('rejects a file that is not a FeatureCollection', () => {
    expect(errorOf(() => validateBoundaries({ type: 'Feature' }, FILE, codeList, fields)).message).toContain(
      'expected a GeoJSON FeatureCollection',
    );
  });
});

describe('parseJsonInput', () => {
  it('names the file when the JSON is broken', () => {
    const error = errorOf(() => parseJsonInput('{"type": "FeatureCollection", ', FILE));
    expect(error.file).toBe(FILE);
    expect(error.message).toContain('not valid JSON');
  });
});

describe('validateFeatureCollection', () => {
  it('rejects non-finite coordinates', () => {
    const bad = {
      type: 'LineString',
      coordinates: [
        [106.5, 29.5],
        [Number.NaN, 29.6],
      ],
    };
    const error = errorOf(() =>
      validateFeatureCollection(boundaries({ type: 'Feature', properties: { name: 'x' }, geometry: bad }), FILE, {
        geometryTypes: ['LineString'],
        nameKeys: ['name'],
        within: [100, 20, 120, 40],
      }),
    );
    expect(error.feature).toBe('feature #0 (x)');
  });
});

describe('parseCodeList', () => {
  it('reads codes, names and types', () => {
    const rows = parseCodeList(
      'code,name_zh,name_en,type\n500101,万州区,Wanzhou,district\n500233,忠县,Zhongxian,county\n',
      'codes.csv',
    );
    expect(rows).toEqual([
      { code: '500101', nameZh: '万州区', nameEn: 'Wanzhou', type: 'district' },
      { code: '500233', nameZh: '忠县', nameEn: 'Zhongxian', type: 'county' },
    ]);
  });

  it('names the row of a bad code, a duplicate and an unknown type', () => {
    expect(errorOf(() => parseCodeList('code,name_zh,name_en,type\n510101,x,y,district\n', 'c.csv')).feature).toBe(
      'row 2',
    );
    expect(
      errorOf(() => parseCodeList('code,name_zh,name_en,type\n500101,a,b,district\n500101,a,b,district\n', 'c.csv'))
        .message,
    ).toContain('duplicate code');
    expect(errorOf(() => parseCodeList('code,name_zh,name_en,type\n500101,a,b,city\n', 'c.csv')).message).toContain(
      'unknown type',
    );
    expect(errorOf(() => parseCodeList('code,name_zh\n500101,a\n', 'c.csv')).message).toContain('missing column');
  });
});
