import { describe, expect, it } from 'vitest';
import { NO_INSET } from '../../src/map/visible-area';
import { cameraShowing, drawnCamera, visibleSize } from '../../src/static-map/framing';
import { projectionOf } from '../../src/static-map/projection';
import type { BBox } from '../../src/types/atlas-data';

const SIZE = { width: 390, height: 700 };
/** Wanzhou's box, about a degree across. */
const WANZHOU: BBox = [107.9, 30.4, 108.9, 31.2];
const SHEET = { ...NO_INSET, bottom: 400 };

/** Where a box's corners land on the whole map drawn with a camera for its visible part. */
function cornersOn(box: BBox, camera: ReturnType<typeof cameraShowing>, inset = NO_INSET) {
  const project = projectionOf(drawnCamera(camera, SIZE, inset), SIZE);
  const [left, top] = project([box[0], box[3]]) ?? [Number.NaN, Number.NaN];
  const [right, bottom] = project([box[2], box[1]]) ?? [Number.NaN, Number.NaN];
  return { left, top, right, bottom };
}

describe('the static map framing a place', () => {
  it('fits the place inside the map with a margin', () => {
    const corners = cornersOn(WANZHOU, cameraShowing(WANZHOU, SIZE, NO_INSET));
    expect(corners.left).toBeGreaterThanOrEqual(39);
    expect(corners.right).toBeLessThanOrEqual(SIZE.width - 39);
    expect(corners.top).toBeGreaterThanOrEqual(39);
    expect(corners.bottom).toBeLessThanOrEqual(SIZE.height - 39);
    // Fitted, not merely inside: one side meets its margin.
    expect(Math.min(corners.left, SIZE.width - corners.right)).toBeCloseTo(40, 0);
  });

  it('keeps the place above a sheet covering the bottom of the map', () => {
    const camera = cameraShowing(WANZHOU, SIZE, SHEET);
    const corners = cornersOn(WANZHOU, camera, SHEET);
    expect(corners.bottom).toBeLessThanOrEqual(SIZE.height - SHEET.bottom);
    expect(corners.top).toBeGreaterThanOrEqual(0);
    // Drawn without knowing of the sheet, the same camera would put the place partly under it.
    expect(cornersOn(WANZHOU, camera).bottom).toBeGreaterThan(SIZE.height - SHEET.bottom);
  });

  it('does not come closer than the WebGL map would for a small place', () => {
    const tiny: BBox = [106.57, 29.55, 106.58, 29.56];
    expect(cameraShowing(tiny, SIZE, NO_INSET).zoom).toBe(12);
  });

  it('draws the camera unchanged when nothing covers the map', () => {
    const camera = { center: [108, 30] as [number, number], zoom: 8 };
    expect(drawnCamera(camera, SIZE, NO_INSET)).toBe(camera);
  });

  it('never gives an empty visible part', () => {
    expect(visibleSize({ width: 100, height: 100 }, { ...NO_INSET, bottom: 500 })).toEqual({ width: 100, height: 1 });
  });
});
