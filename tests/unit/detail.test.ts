import { describe, expect, it } from 'vitest';
import { DETAIL_MIN_ZOOM, firstViewNeedsDetail, metresPerPixel, needsDetail } from '../../src/map/detail';

describe('which borders the map draws', () => {
  it('knows how many metres a pixel covers', () => {
    // A 512-px world at zoom 0: the equator's 40,075 km over 512 px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(1, 0)).toBeCloseTo(78_271.5 / 2, 0);
    expect(metresPerPixel(0, 60)).toBeCloseTo(78_271.5 / 2, 0);
  });

  it('switches to the detailed borders from DETAIL_MIN_ZOOM on', () => {
    expect(needsDetail(DETAIL_MIN_ZOOM - 0.01)).toBe(false);
    expect(needsDetail(DETAIL_MIN_ZOOM)).toBe(true);
    expect(needsDetail(12)).toBe(true);
    // The whole municipality (about 5° wide) fills a 900 px map at about zoom 7: the overview.
    expect(needsDetail(Math.log2((900 / 512) * (360 / 5)))).toBe(false);
  });

  it('waits for the detailed borders only when the first view is zoomed in', () => {
    expect(firstViewNeedsDetail({ view: null, sel: null })).toBe(false);
    expect(firstViewNeedsDetail({ view: null, sel: '500103' })).toBe(true);
    expect(firstViewNeedsDetail({ view: { zoom: 7, lat: 29.9, lon: 107.7 }, sel: '500103' })).toBe(false);
    expect(firstViewNeedsDetail({ view: { zoom: 9, lat: 29.6, lon: 106.5 }, sel: null })).toBe(true);
  });
});
