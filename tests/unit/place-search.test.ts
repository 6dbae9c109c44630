import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchRanges, normaliseQuery, searchPlaces } from '../../src/search/place-search';
import { loadPlaces } from '../support/artifacts';

const index = buildSearchIndex(loadPlaces());
const top = (query: string) => searchPlaces(index, query)[0]?.id;

describe('place search', () => {
  it.each([
    ['万州', '500101'],
    ['万州区', '500101'],
    ['wanzhou', '500101'],
    ['wan zhou', '500101'],
    ['Wànzhōu', '500101'],
    ['WZ', '500101'],
    ['Wanzhou District', '500101'],
    ['yuzhong', '500103'],
    ['渝中', '500103'],
    ['fengdu', '500230'],
    ['丰都', '500230'],
    ['zhong county', '500233'],
    ['shizhu', '500240'],
    ['石柱', '500240'],
    ['Wan-Kai-Yun', 'wan-kai-yun'],
    ['万开云', 'wan-kai-yun'],
    ['central urban', 'central-urban'],
    ['渝东北', 'northeast'],
    ['kcz', 'science-corridor'],
  ])('finds %s', (query, expected) => {
    expect(top(query)).toBe(expected);
  });

  it('finds nothing for nonsense or an empty query', () => {
    expect(searchPlaces(index, 'qqqqqq')).toEqual([]);
    expect(searchPlaces(index, '   ')).toEqual([]);
  });

  it('ranks an exact name above a longer one that starts with it', () => {
    const hits = searchPlaces(index, '江北');
    expect(hits[0]?.id).toBe('500105');
  });

  it('normalises tones, case, spaces and apostrophes', () => {
    expect(normaliseQuery("Nán'àn Qū")).toBe('nananqu');
    expect(normaliseQuery('  Lǜ ')).toBe('lv');
  });

  it('finds Yuzhong once, as the district, though the region yuzhong is the same place', () => {
    for (const query of ['yuzhong', '渝中', '渝中区']) {
      expect(searchPlaces(index, query).map((hit) => hit.id)).toEqual(['500103']);
    }
  });
});

describe('matchRanges', () => {
  const wanzhou = ['wan', 'zhou', 'qu'];
  it.each([
    ['万州区', '万州', wanzhou, [[0, 2]]],
    ['万州区', 'wanzhou', wanzhou, [[0, 2]]],
    ['万州区', 'wanzh', wanzhou, [[0, 2]]],
    ['万州区', 'zhouqu', wanzhou, [[1, 3]]],
    ['万州区', 'wz', wanzhou, [[0, 2]]],
    ['Wanzhou District', 'wan zhou', [], [[0, 7]]],
    ['Wanzhou District', 'Wànzhōu', [], [[0, 7]]],
    ["Nan'an District", 'nanan', [], [[0, 6]]],
    ['Zhong County', 'county', [], [[6, 12]]],
  ] as const)('marks %s for "%s"', (name, query, pinyin, expected) => {
    expect(matchRanges(name, query, pinyin)).toEqual(expected);
  });

  it('marks nothing when the name does not show the match', () => {
    expect(matchRanges('Wanzhou District', '万州')).toEqual([]);
    expect(matchRanges('万州区', 'kaizhou', wanzhou)).toEqual([]);
    expect(matchRanges('万州区', '  ', wanzhou)).toEqual([]);
  });
});
