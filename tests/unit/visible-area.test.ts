import { describe, expect, it } from 'vitest';
import { coveredInset, NO_INSET } from '../../src/map/visible-area';

describe('coveredInset', () => {
  const map = { left: 0, right: 390, top: 48, bottom: 844 };
  it('a bottom sheet over the map covers its lower part', () => {
    expect(coveredInset(map, { left: 0, right: 390, top: 500, bottom: 844 })).toEqual({ ...NO_INSET, bottom: 344 });
  });
  it('a panel beside the map, or none, covers nothing', () => {
    expect(
      coveredInset({ left: 0, right: 900, top: 0, bottom: 800 }, { left: 900, right: 1280, top: 0, bottom: 800 }),
    ).toEqual(NO_INSET);
    expect(coveredInset(map, null)).toEqual(NO_INSET);
  });
  it('a sheet pulled up to read stops at 60 % of the map', () => {
    expect(coveredInset(map, { left: 0, right: 390, top: 60, bottom: 844 }).bottom).toBe(Math.round(796 * 0.6));
  });
});
