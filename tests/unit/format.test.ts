import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/types/content';
import { formatFigureValue } from '../../src/ui/format';

const figure = (value: number | null, unit: string): Figure => ({
  id: 'f',
  value,
  unit,
  year: '2023',
  measure: { zh: '', en: '' },
  places: [],
  source: { kind: 'facts', key: '[M1]', section: '§2', note: null },
  derived: null,
});

describe('formatFigureValue', () => {
  it.each([
    [154.59, '万人', '154.59万人', '1.5459 million people'],
    [400, '万人', '400万人', '4 million people'],
    [1564449, 'people', '1,564,449人', '1,564,449 people'],
    [72, '%', '72%', '72%'],
    [1969.08, '亿元', '1,969.08亿元', 'CNY 196.908 billion'],
    [20.08, 'km²', '20.08平方公里', '20.08 km²'],
    [7, 'rank', '第7', 'No. 7'],
  ])('%s %s', (value, unit, zh, en) => {
    expect(formatFigureValue(figure(value, unit), 'zh', '无数据')).toBe(zh);
    expect(formatFigureValue(figure(value, unit), 'en', 'no data')).toBe(en);
  });

  it('shows a missing value as "no data", never as a number', () => {
    expect(formatFigureValue(figure(null, '万人'), 'en', 'no data')).toBe('no data');
    expect(formatFigureValue(figure(null, 'people'), 'zh', '无数据')).toBe('无数据');
  });
});
