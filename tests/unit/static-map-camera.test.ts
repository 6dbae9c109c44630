/**
 * The first camera's plain Mercator maths (camera.ts) agrees with d3-geo's projection, which
 * draws the SVG at that camera: the same fit, the same point at a pixel.
 */
import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { cameraOf, offsetFrom } from '../../src/static-map/camera';
import { projectionOf } from '../../src/static-map/projection';
import type { LngLat } from '../../src/types/atlas-data';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 400 },
  { width: 600, height: 900 },
];
const BOUNDS: [LngLat, LngLat][] = [
  [
    [105.28, 28.16],
    [110.2, 32.2],
  ],
  [
    [108.2, 30.6],
    [108.6, 31.0],
  ],
];

describe('the camera without d3-geo', () => {
  for (const size of SIZES) {
    for (const bounds of BOUNDS) {
      it(`fits ${JSON.stringify(bounds)} in ${size.width} × ${size.height} as d3-geo's fitExtent`, () => {
        const padding = 24;
        const fitted = geoMercator().fitExtent(
          [
            [padding, padding],
            [size.width - padding, size.height - padding],
          ],
          { type: 'MultiPoint', coordinates: bounds },
        );
        const camera = cameraOf({ bounds, padding }, size);
        const projection = projectionOf(camera, size);
        for (const corner of bounds) {
          const [x, y] = projection(corner) ?? [Number.NaN, Number.NaN];
          const [ex, ey] = fitted(corner) ?? [Number.NaN, Number.NaN];
          expect(Math.abs(x - ex)).toBeLessThan(1e-6);
          expect(Math.abs(y - ey)).toBeLessThan(1e-6);
        }
      });
    }
  }

  it('finds the point at a pixel offset as the projection inverts it', () => {
    const size = { width: 900, height: 700 };
    const camera = { center: [108, 30] as LngLat, zoom: 7.3 };
    const projection = projectionOf(camera, size);
    for (const [dx, dy] of [
      [0, 0],
      [120, -80],
      [-300, 250],
    ] as const) {
      const [lon, lat] = offsetFrom(camera, dx, dy);
      const [elon, elat] = projection.invert?.([size.width / 2 + dx, size.height / 2 + dy]) ?? [Number.NaN, 0];
      expect(Math.abs(lon - elon)).toBeLessThan(1e-9);
      expect(Math.abs(lat - elat)).toBeLessThan(1e-9);
    }
  });
});
