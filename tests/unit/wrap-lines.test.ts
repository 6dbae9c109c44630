/** Line breaking for the link-preview image's text, which SVG does not wrap. */
import { describe, expect, it } from 'vitest';
import { estimatedWidth, wrapLines } from '../../scripts/og-image/wrap-lines';

describe('wrapLines', () => {
  it('breaks other text between words, each line within the width, the words kept in order', () => {
    const text = 'Where Chongqing should grow, after the Seventh Plenary Session of the Sixth CPC Committee';
    const lines = wrapLines(text, 300, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(estimatedWidth(line, 20)).toBeLessThanOrEqual(300);
  });

  it('breaks Chinese between any two characters', () => {
    const lines = wrapLines('读懂市委六届七次全会精神中的城市空间布局', 220, 22);
    expect(lines).toEqual(['读懂市委六届七次全会', '精神中的城市空间布局']);
  });

  it('keeps a text that fits on one line, and a word longer than the width on its own line', () => {
    expect(wrapLines('Chongqing Spatial Strategy Atlas', 1000, 36)).toEqual(['Chongqing Spatial Strategy Atlas']);
    expect(wrapLines('a Chongqingchongqing b', 50, 20)).toEqual(['a', 'Chongqingchongqing', 'b']);
  });
});
