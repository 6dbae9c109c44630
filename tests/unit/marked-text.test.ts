import { describe, expect, it } from 'vitest';
import { hanRuns } from '../../src/ui/MarkedText';

describe('hanRuns', () => {
  it('splits English text around its Chinese words, punctuation inside a run kept with it', () => {
    expect(hanRuns('no map-review number (审图号), which maps need')).toEqual([
      { text: 'no map-review number (', han: false },
      { text: '审图号', han: true },
      { text: '), which maps need', han: false },
    ]);
    expect(hanRuns('Chongqing Daily (重庆日报), “New Views” (新论)').filter((run) => run.han)).toEqual([
      { text: '重庆日报', han: true },
      { text: '新论', han: true },
    ]);
    expect(hanRuns('渝中区·解放碑')).toEqual([{ text: '渝中区·解放碑', han: true }]);
    expect(hanRuns('no Chinese at all')).toEqual([{ text: 'no Chinese at all', han: false }]);
  });
});
