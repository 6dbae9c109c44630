/**
 * Which links keep the HTML's SVG as their first view: only those asking for what the build
 * draws into it, as the URL parses them.
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, type Vocabulary } from '../../src/state/url-state';
import { drawsAsFirstPaint } from '../../src/static-map/first-paint-state';

const vocabulary: Vocabulary = {
  isPlace: (id) => id === '500101',
  passage: (id) => (id === 'a1-three-spaces' ? id : null),
};
const stateOf = (search: string, hash = '') => parseUrlState(search, hash, vocabulary);

describe('the HTML’s SVG as the first view', () => {
  it('serves a link with no state, or one naming only the defaults', () => {
    expect(drawsAsFirstPaint(stateOf(''))).toBe(true);
    expect(drawsAsFirstPaint(stateOf('?lang=zh'))).toBe(true);
    expect(drawsAsFirstPaint(stateOf('?unknown=1'))).toBe(true);
  });

  for (const [what, search, hash] of [
    ['a selection', '?sel=500101', ''],
    ['a passage', '?passage=a1-three-spaces', ''],
    ['other layers', '?layers=districts,population', ''],
    ['no layers', '?layers=', ''],
    ['English', '?lang=en', ''],
    ['a camera', '', '#map=9/29.5/106.5'],
  ] as const) {
    it(`does not serve a link with ${what}`, () => {
      expect(drawsAsFirstPaint(stateOf(search, hash))).toBe(false);
    });
  }
});
