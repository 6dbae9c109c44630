import { describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../src/types/content';
import { formatFigureValue, formatNumber } from '../../src/ui/format';

const figure = (value: number | null, unit: string): Figure => ({
  id: 'f',
  value,
  unit,
  year: { zh: '2023', en: '2023' },
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

/** Counts Intl.NumberFormat constructions while `run` loads a fresh copy of the format module. */
async function countingFormatters<T>(run: (format: typeof import('../../src/ui/format'), made: () => number) => T) {
  const Original = Intl.NumberFormat;
  let made = 0;
  Intl.NumberFormat = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      made += 1;
    }
  } as typeof Intl.NumberFormat;
  try {
    vi.resetModules();
    return run(await import('../../src/ui/format'), () => made);
  } finally {
    Intl.NumberFormat = Original;
  }
}

describe('formatNumber', () => {
  it('keeps each precision and language apart', () => {
    expect(formatNumber(1234.5678, 'en', 0)).toBe('1,235');
    expect(formatNumber(1234.5678, 'en', 2)).toBe('1,234.57');
    expect(formatNumber(1234.5678, 'zh', 1)).toBe('1,234.6');
    expect(formatNumber(1234.5678, 'en', 0)).toBe('1,235');
    expect(formatNumber(0.5, 'zh')).toBe('0.5');
  });

  it('builds one Intl.NumberFormat per language and precision, not one per number', async () => {
    await countingFormatters((format, made) => {
      for (let value = 0; value < 50; value += 1) {
        format.formatNumber(value, 'zh', 1);
        format.formatNumber(value, 'en', 1);
        format.formatNumber(value, 'en', 0);
      }
      expect(made()).toBe(3);
      expect(format.formatNumber(49, 'en', 0)).toBe('49');
    });
  });

  it('prepares the formatters a popup uses, so that formatting then builds none', async () => {
    await countingFormatters((format, made) => {
      format.prepareNumberFormats('zh');
      const prepared = made();
      expect(prepared).toBeGreaterThan(0);
      for (const unit of ['%', '万人', 'people', '亿元', 'km²', 'rank']) {
        format.formatFigureValue(figure(12.5, unit), 'zh', '无数据');
      }
      expect(made()).toBe(prepared);
    });
  });
});
