/**
 * MapLibre's camera in plain Web Mercator maths, with no projection library: the entry script
 * chooses the map's first camera with it, and d3-geo (projection.ts) loads only with the code
 * that draws SVG. MapLibre's world (512 px tiles) is 512 × 2^zoom px wide, i.e.
 * 512 × 2^zoom / 2π px per radian, with the camera's centre in the middle.
 */
import type { LngLat } from '../types/atlas-data';

export interface Size {
  width: number;
  height: number;
}

/** A camera as MapLibre's: centre and zoom (no bearing or pitch: the atlas uses neither). */
export interface Camera {
  center: LngLat;
  zoom: number;
}

/** A view: a camera, or bounds to fit (west-south and east-north corners) with a margin in px. */
export type StaticView = Camera | { bounds: [LngLat, LngLat]; padding?: number };

const TILE_SIZE = 512;
const RADIANS = Math.PI / 180;

/** Px per radian at a zoom. */
export const scaleOf = (zoom: number) => (TILE_SIZE * 2 ** zoom) / (2 * Math.PI);
export const zoomOf = (scale: number) => Math.log2((scale * 2 * Math.PI) / TILE_SIZE);

/** Mercator's y of a latitude, in radians (north up). */
export const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RADIANS) / 2));
const latitudeOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RADIANS;

/** The camera that shows a view on a map of a size: bounds fitted inside the padding, centred. */
export function cameraOf(view: StaticView, size: Size): Camera {
  if ('center' in view) return view;
  const padding = view.padding ?? 0;
  const [[west, south], [east, north]] = view.bounds;
  const spanX = (east - west) * RADIANS;
  const spanY = mercatorY(north) - mercatorY(south);
  const scale = Math.min((size.width - 2 * padding) / spanX, (size.height - 2 * padding) / spanY);
  const center: LngLat = [(west + east) / 2, latitudeOf((mercatorY(north) + mercatorY(south)) / 2)];
  return { center, zoom: zoomOf(scale) };
}

/** The point shown at a pixel offset (right, down) from the camera's centre. */
export function offsetFrom(camera: Camera, dx: number, dy: number): LngLat {
  const scale = scaleOf(camera.zoom);
  return [camera.center[0] + dx / scale / RADIANS, latitudeOf(mercatorY(camera.center[1]) - dy / scale)];
}
