/**
 * The part of the map a reader can see, and a camera that shows a place in it (pure).
 * `#map=z/lat/lon` is the centre and zoom of that visible part: the map's padding is the part
 * covered by the bottom sheet, so one link shows the same place centred on every screen. The
 * zoom that shows a selection in that part is `zoomToShow` (zoom-to-show.ts) given its size.
 */
import type { ViewportInsets } from './zoom-to-show';

/** Map padding in pixels: the same shape `zoomToShow` takes. */
export type Inset = ViewportInsets;

export const NO_INSET: Inset = { top: 0, bottom: 0, left: 0, right: 0 };

/** A sheet taller than this share of the map is being read, not looked past: the map stops making room. */
const MAX_COVERED_SHARE = 0.6;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * How much of the map an element covers from below (a bottom sheet), as map padding. An
 * element beside the map (the desktop panel) or not over it covers nothing.
 */
export function coveredInset(map: Box, cover: Box | null): Inset {
  if (!cover) return NO_INSET;
  const overlapsX = Math.min(map.right, cover.right) - Math.max(map.left, cover.left);
  const height = map.bottom - map.top;
  const spansWidth = overlapsX >= (map.right - map.left) * 0.9;
  if (!spansWidth || cover.top >= map.bottom || cover.bottom <= map.top || height <= 0) return NO_INSET;
  const bottom = Math.min(map.bottom - cover.top, height * MAX_COVERED_SHARE);
  return { ...NO_INSET, bottom: Math.max(0, Math.round(bottom)) };
}

export function sameInset(a: Inset, b: Inset): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}
