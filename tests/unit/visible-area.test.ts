import { describe, expect, it } from 'vitest';
import { coveredInset, NO_INSET, zoomToShow } from '../../src/map/visible-area';

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

describe('zoomToShow', () => {
  const box: [number, number, number, number] = [106, 29, 107, 30];
  it('keeps the zoom when the place already fits', () => {
    expect(zoomToShow({ zoom: 6, lat: 29.5, lon: 106.5 }, box, { width: 1000, height: 800 })).toBe(6);
  });
  it('lowers the zoom just enough when it does not', () => {
    const zoom = zoomToShow({ zoom: 10, lat: 29.5, lon: 106.5 }, box, { width: 390, height: 1000 });
    expect(zoom).toBeLessThan(10);
    // One degree of longitude across 390 − 32 px: 2^z · 512 / 360 px per degree.
    expect(zoom).toBeCloseTo(Math.log2((358 * 360) / 512), 1);
  });
  it('measures from the centre, which it never moves', () => {
    const off = zoomToShow({ zoom: 10, lat: 29.5, lon: 105.5 }, box, { width: 390, height: 400 });
    const centred = zoomToShow({ zoom: 10, lat: 29.5, lon: 106.5 }, box, { width: 390, height: 400 });
    expect(off).toBeLessThan(centred);
  });
});
