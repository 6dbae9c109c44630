/** The CSV writer round-trips through a real parser: commas, quotes, line breaks, empty and null cells. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/open-data/csv';

describe('toCsv', () => {
  it('writes fields that csv-parse reads back unchanged', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf'],
      ['中文，逗号', '', null, 12.5],
    ];
    const text = toCsv(['one', 'two', 'three', 'four'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['one', 'two', 'three', 'four'],
      ['a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf'],
      ['中文，逗号', '', '', '12.5'],
    ]);
  });

  it('quotes only where RFC 4180 requires it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(null)).toBe('');
  });
});
