/**
 * Which borders the map draws. The data build writes two topologies of the same features:
 * the detailed one (40 m tolerance) and an overview (300 m, `overviewSimplifyIntervalMeters`
 * in geodata/build.config.json). At small scales the overview is less than a pixel off and has
 * less than half the vertices, which MapLibre's worker would otherwise index and tile for
 * the first view. Pure: no MapLibre.
 */
import type { AtlasState } from '../state/atlas-state';

/** Metres per pixel at a zoom level (512-pixel tiles, as MapLibre's), at a latitude. */
export function metresPerPixel(zoom: number, latitude: number): number {
  const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * From this zoom on the map draws the detailed borders. The overview's 300 m are 0.8 px here
 * and a full pixel at zoom 7.8 (at Chongqing's latitude): loading starts a little before.
 * The default view of the whole municipality is at about zoom 7 on a desktop, 6 on a phone.
 */
export const DETAIL_MIN_ZOOM = 7.5;

export function needsDetail(zoom: number): boolean {
  return zoom >= DETAIL_MIN_ZOOM;
}

/**
 * Whether the first view should wait for the detailed borders: a link to a zoomed-in view or
 * to a selection (framed on its place, usually closer than the default view). Drawing the
 * overview there first would show borders that jump when the detail arrives.
 */
export function firstViewNeedsDetail(state: Pick<AtlasState, 'view' | 'sel'>): boolean {
  return state.view ? needsDetail(state.view.zoom) : state.sel !== null;
}
