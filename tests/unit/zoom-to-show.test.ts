import { describe, expect, it } from 'vitest';
import { zoomToShow } from '../../src/map/zoom-to-show';
import type { BBox } from '../../src/types/atlas-data';

/** Pixels from the centre to a longitude at a zoom (512 px tiles). */
const pixelsEast = (fromLon: number, toLon: number, zoom: number) => ((toLon - fromLon) / 360) * 512 * 2 ** zoom;

describe('zoomToShow', () => {
  const box: BBox = [108, 30.5, 109, 31.5];
  const centre = { zoom: 9, lat: 31, lon: 108.5 };

  it('keeps a zoom at which the box already fits', () => {
    expect(zoomToShow({ ...centre, zoom: 5 }, box, { width: 1280, height: 800 })).toBe(5);
  });

  it('lowers the zoom until the box fits around the same centre, no further', () => {
    const zoom = zoomToShow(centre, box, { width: 320, height: 340 }, undefined, 12);
    expect(zoom).toBeLessThan(9);
    // Half a degree each way east–west fits in 160 − 12 px; north–south is the tighter side here or not:
    expect(pixelsEast(108.5, 109, zoom)).toBeLessThanOrEqual(160 - 12 + 1e-6);
    // The highest such zoom: a little more and some edge would be cut.
    const cut = zoomToShow(centre, box, { width: 320, height: 340 }, undefined, 12) + 0.01;
    const eastCut = pixelsEast(108.5, 109, cut) > 148;
    const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const northCut = ((y(31.5) - y(31)) / (2 * Math.PI)) * 512 * 2 ** cut > 170 - 12;
    expect(eastCut || northCut).toBe(true);
  });

  it('counts an off-centre box by its furthest edge, and insets as lost room', () => {
    const offCentre = zoomToShow({ zoom: 12, lat: 31, lon: 108 }, box, { width: 800, height: 800 }, undefined, 0);
    expect(pixelsEast(108, 109, offCentre)).toBeCloseTo(400, 6);
    const inset = zoomToShow(
      { zoom: 12, lat: 31, lon: 108 },
      box,
      { width: 800, height: 800 },
      { top: 0, bottom: 0, left: 0, right: 200 },
      0,
    );
    expect(pixelsEast(108, 109, inset)).toBeCloseTo(200, 6);
  });
});

describe('zoomToShow in the visible part of a map (a link’s camera)', () => {
  const box: [number, number, number, number] = [106, 29, 107, 30];
  it('keeps the zoom when the place already fits', () => {
    expect(zoomToShow({ zoom: 6, lat: 29.5, lon: 106.5 }, box, { width: 1000, height: 800 }, undefined, 16)).toBe(6);
  });
  it('lowers the zoom just enough when it does not', () => {
    const zoom = zoomToShow({ zoom: 10, lat: 29.5, lon: 106.5 }, box, { width: 390, height: 1000 }, undefined, 16);
    expect(zoom).toBeLessThan(10);
    // One degree of longitude across 390 − 32 px: 2^z · 512 / 360 px per degree.
    expect(zoom).toBeCloseTo(Math.log2((358 * 360) / 512), 1);
  });
  it('measures from the centre, which it never moves', () => {
    const off = zoomToShow({ zoom: 10, lat: 29.5, lon: 105.5 }, box, { width: 390, height: 400 }, undefined, 16);
    const centred = zoomToShow({ zoom: 10, lat: 29.5, lon: 106.5 }, box, { width: 390, height: 400 }, undefined, 16);
    expect(off).toBeLessThan(centred);
  });
});
