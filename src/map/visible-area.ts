/**
 * The part of the map a reader can see, and a camera that shows a place in it (pure).
 * `#map=z/lat/lon` is the centre and zoom of that visible part: the map's padding is the part
 * covered by the bottom sheet, so one link shows the same place centred on every screen.
 */
import type { MapView } from '../state/atlas-state';
import type { BBox } from '../types/atlas-data';

export interface Inset {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

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

/** Web Mercator x and y of a longitude/latitude, as fractions of the world's width. */
function mercator(lon: number, lat: number): { x: number; y: number } {
  const sin = Math.sin((lat * Math.PI) / 180);
  return { x: (lon + 180) / 360, y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI) };
}

const TILE_SIZE = 512;

/**
 * The zoom at which `box` fits, with `margin` pixels to spare, in a visible area of `width` ×
 * `height` centred on the view's centre: the view's own zoom if it already fits, otherwise
 * lower just enough. The centre is never moved.
 */
export function zoomToShow(view: MapView, box: BBox, size: { width: number; height: number }, margin = 16): number {
  const centre = mercator(view.lon, view.lat);
  const corners = [mercator(box[0], box[1]), mercator(box[2], box[3])];
  const halfX = Math.max(...corners.map((corner) => Math.abs(corner.x - centre.x)));
  const halfY = Math.max(...corners.map((corner) => Math.abs(corner.y - centre.y)));
  const room = { x: size.width / 2 - margin, y: size.height / 2 - margin };
  if (room.x <= 0 || room.y <= 0) return view.zoom;
  const fitX = halfX > 0 ? Math.log2(room.x / (halfX * TILE_SIZE)) : Number.POSITIVE_INFINITY;
  const fitY = halfY > 0 ? Math.log2(room.y / (halfY * TILE_SIZE)) : Number.POSITIVE_INFINITY;
  return Math.min(view.zoom, fitX, fitY);
}
