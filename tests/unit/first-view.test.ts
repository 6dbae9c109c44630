import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../src/data/place-index';
import {
  canvasCamera,
  defaultCamera,
  FIRST_PAINT_PADDING,
  firstCamera,
  firstPaintSize,
  MUNICIPALITY_BOUNDS,
} from '../../src/static-map/first-view';
import { cameraOf, projectionOf } from '../../src/static-map/projection';
import { loadPlaces } from '../support/artifacts';

const places = new PlaceIndex(loadPlaces());
const SIZES = [
  { width: 900, height: 741 },
  { width: 390, height: 796 },
  { width: 600, height: 450 },
];

/** Where the browser shows a point of the HTML's SVG in a map of a size: padded, then fitted (meet, centred). */
function shownInHtml(
  point: [number, number],
  drawnWidth: number,
  map: { width: number; height: number },
): [number, number] {
  const drawn = firstPaintSize(drawnWidth);
  const inner = { width: map.width - 2 * FIRST_PAINT_PADDING, height: map.height - 2 * FIRST_PAINT_PADDING };
  const scale = Math.min(inner.width / drawn.width, inner.height / drawn.height);
  const projection = projectionOf(cameraOf({ bounds: MUNICIPALITY_BOUNDS, padding: 0 }, drawn), drawn);
  const [x, y] = projection(point) ?? [Number.NaN, Number.NaN];
  return [
    FIRST_PAINT_PADDING + (inner.width - drawn.width * scale) / 2 + x * scale,
    FIRST_PAINT_PADDING + (inner.height - drawn.height * scale) / 2 + y * scale,
  ];
}

describe('the first camera', () => {
  const points: [number, number][] = [
    [105.28, 28.16],
    [110.2, 32.2],
    [108.4, 30.8],
    [106.55, 29.56],
  ];

  for (const size of SIZES) {
    it(`puts every point where the HTML's SVG shows it (${size.width} × ${size.height})`, () => {
      const projection = projectionOf(defaultCamera(size), size);
      for (const drawnWidth of [800, 480]) {
        for (const point of points) {
          const [x, y] = projection(point) ?? [Number.NaN, Number.NaN];
          const [htmlX, htmlY] = shownInHtml(point, drawnWidth, size);
          expect(Math.abs(x - htmlX)).toBeLessThan(0.01);
          expect(Math.abs(y - htmlY)).toBeLessThan(0.01);
        }
      }
    });
  }

  it('fits the municipality with its padding on the tighter side', () => {
    const size = { width: 900, height: 741 };
    const projection = projectionOf(defaultCamera(size), size);
    const [, top] = projection([107, 32.2]) ?? [0, 0];
    const [, bottom] = projection([107, 28.16]) ?? [0, 0];
    expect(top).toBeCloseTo(FIRST_PAINT_PADDING, 6);
    expect(bottom).toBeCloseTo(size.height - FIRST_PAINT_PADDING, 6);
  });

  it("keeps a link's view, lowering its zoom only to show its selection", () => {
    const size = { width: 1280, height: 800 };
    const view = { zoom: 9, lat: 30.8, lon: 108.4 };
    expect(firstCamera({ view, sel: null }, places, size)).toEqual({ center: [108.4, 30.8], zoom: 9 });
    const small = { width: 200, height: 200 };
    const withSelection = firstCamera({ view, sel: '500101' }, places, small);
    expect(withSelection.center).toEqual([108.4, 30.8]);
    expect(withSelection.zoom).toBeLessThan(9);
  });

  it('fits a selection without a view into the visible part of the map', () => {
    const size = { width: 390, height: 796 };
    const inset = { top: 0, left: 0, right: 0, bottom: 358 };
    const camera = firstCamera({ view: null, sel: '500101' }, places, size, inset);
    const projection = projectionOf(canvasCamera(camera, size, inset), size);
    const box = places.bbox(['500101']) as [number, number, number, number];
    const [west, north] = projection([box[0], box[3]]) ?? [0, 0];
    const [east, south] = projection([box[2], box[1]]) ?? [0, 0];
    expect(west).toBeGreaterThanOrEqual(24 - 1e-6);
    expect(east).toBeLessThanOrEqual(size.width - 24 + 1e-6);
    expect(north).toBeGreaterThanOrEqual(24 - 1e-6);
    expect(south).toBeLessThanOrEqual(size.height - inset.bottom - 24 + 1e-6);
  });

  it("draws the camera's centre at the centre of the visible part", () => {
    const size = { width: 390, height: 796 };
    const inset = { top: 0, left: 0, right: 0, bottom: 358 };
    const camera = { center: [108, 30] as [number, number], zoom: 7 };
    const [x, y] = projectionOf(canvasCamera(camera, size, inset), size)(camera.center) ?? [0, 0];
    expect(x).toBeCloseTo(195, 6);
    expect(y).toBeCloseTo((796 - 358) / 2, 6);
    const uncovered = canvasCamera(camera, size);
    expect(uncovered.center[0]).toBeCloseTo(108, 9);
    expect(uncovered.center[1]).toBeCloseTo(30, 9);
  });
});
