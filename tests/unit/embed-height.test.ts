import { describe, expect, it } from 'vitest';
import { preferredEmbedHeight } from '../../src/ui/embed-height';

describe('the height an embed asks its host for', () => {
  it('is what lies around the map plus a map three quarters as tall as the page is wide', () => {
    // A 600 px page with a 40 px header, in an iframe 300 px tall: the map is 260 px now, would like 450.
    expect(preferredEmbedHeight({ width: 600, height: 300 }, 260)).toBe(490);
  });

  it('keeps the map between 340 and 560 px tall', () => {
    expect(preferredEmbedHeight({ width: 320, height: 320 }, 260)).toBe(60 + 340);
    expect(preferredEmbedHeight({ width: 1400, height: 900 }, 870)).toBe(30 + 560);
  });

  it('does not depend on the height the iframe has now', () => {
    const header = 36;
    const heights = [300, 480, 900].map((height) => preferredEmbedHeight({ width: 700, height }, height - header));
    expect(new Set(heights)).toEqual(new Set([header + 525]));
  });
});
