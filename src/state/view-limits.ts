/**
 * The camera positions the atlas accepts, from a URL or from an embedding page: Web Mercator
 * ends at about 85.05° of latitude, and MapLibre's zoom at 22.
 */
export const ZOOM_RANGE = [0, 22] as const;
export const MAX_LATITUDE = 85.051129;

/** Whether a zoom, latitude and longitude make a camera position the atlas accepts. */
export function isViewInRange(zoom: number, lat: number, lon: number): boolean {
  return zoom >= ZOOM_RANGE[0] && zoom <= ZOOM_RANGE[1] && Math.abs(lat) <= MAX_LATITUDE && Math.abs(lon) <= 180;
}
