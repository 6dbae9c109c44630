import { describe, expect, it } from 'vitest';
import { segmentParagraphs } from '../../src/content/segments';

describe('segmentParagraphs', () => {
  const paragraphs = ['甲乙丙丁。戊己庚。', '辛壬 癸子。'];

  it('marks a quote inside a paragraph and keeps all text', () => {
    const segments = segmentParagraphs(paragraphs, [{ id: 'p1', quote: '乙丙' }]);
    expect(segments[0]).toEqual([
      { text: '甲', passageId: null },
      { text: '乙丙', passageId: 'p1' },
      { text: '丁。戊己庚。', passageId: null },
    ]);
    expect(segments[1]).toEqual([{ text: '辛壬 癸子。', passageId: null }]);
  });

  it('ignores whitespace when matching, as the quote checks do', () => {
    const segments = segmentParagraphs(paragraphs, [{ id: 'p2', quote: '壬癸' }]);
    expect(segments[1]).toEqual([
      { text: '辛', passageId: null },
      { text: '壬 癸', passageId: 'p2' },
      { text: '子。', passageId: null },
    ]);
  });

  it('splits a quote that runs across paragraphs', () => {
    const segments = segmentParagraphs(paragraphs, [{ id: 'p3', quote: '己庚。辛壬' }]);
    expect(segments[0]?.at(-1)).toEqual({ text: '己庚。', passageId: 'p3' });
    expect(segments[1]?.[0]).toEqual({ text: '辛壬', passageId: 'p3' });
  });

  it('lets the earlier of two overlapping quotes win and skips quotes not found', () => {
    const segments = segmentParagraphs(paragraphs, [
      { id: 'late', quote: '丙丁' },
      { id: 'early', quote: '乙丙' },
      { id: 'missing', quote: '不在' },
    ]);
    const marked = segments.flat().filter((segment) => segment.passageId);
    expect(marked).toEqual([{ text: '乙丙', passageId: 'early' }]);
  });
});
