/**
 * The zoom at which a box fits around a fixed centre: a link's camera is kept, and its zoom
 * lowered only as far as the screen needs to show the whole selection. Pure Web Mercator
 * arithmetic (512 px tiles, as MapLibre draws them), so it serves any camera code and tests
 * without a map.
 */
import type { BBox } from '../types/atlas-data';

export interface CameraCentre {
  zoom: number;
  lat: number;
  lon: number;
}

/** Room in pixels, e.g. for a sheet or panel over part of the map; the margin is added to each side. */
export interface ViewportInsets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/**
 * `view.zoom`, or the highest lower zoom at which `box` lies inside the viewport (less the
 * insets and margin) with the centre kept at `view`'s. Never raises the zoom; a box the
 * viewport cannot hold at any zoom leaves it as it is.
 */
export function zoomToShow(
  view: CameraCentre,
  box: BBox,
  size: { width: number; height: number },
  insets: ViewportInsets = { top: 0, bottom: 0, left: 0, right: 0 },
  margin = 12,
): number {
  // The visible area's centre is the view's centre; the room to each side is what is left of the half-size.
  const room = {
    left: size.width / 2 - insets.left - margin,
    right: size.width / 2 - insets.right - margin,
    top: size.height / 2 - insets.top - margin,
    bottom: size.height / 2 - insets.bottom - margin,
  };
  const cx = mercatorX(view.lon);
  const cy = mercatorY(view.lat);
  // Distances in world units (the whole world is 1) from the centre to each edge of the box.
  const needs: [number, number][] = [
    [cx - mercatorX(box[0]), room.left],
    [mercatorX(box[2]) - cx, room.right],
    [cy - mercatorY(box[3]), room.top],
    [mercatorY(box[1]) - cy, room.bottom],
  ];
  let zoom = view.zoom;
  for (const [distance, pixels] of needs) {
    if (distance <= 0) continue;
    if (pixels <= 0) return view.zoom;
    zoom = Math.min(zoom, Math.log2(pixels / (distance * 512)));
  }
  return zoom;
}
