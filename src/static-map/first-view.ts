/**
 * The map's first camera, one for everything that draws the first view: the SVG written into
 * the HTML at build time, the SVG the app draws before MapLibre, and MapLibre itself. Each
 * hands over to the next with nothing moving only because all three start here.
 *
 * A camera here is MapLibre's with padding: its centre is the centre of the part of the map
 * left visible (the map less the inset a phone's sheet covers).
 */
import type { PlaceIndex } from '../data/place-index';
import { type Inset, NO_INSET } from '../map/visible-area';
import { zoomToShow } from '../map/zoom-to-show';
import type { MapView } from '../state/atlas-state';
import type { LngLat } from '../types/atlas-data';
import { type Camera, cameraOf, mercatorY, offsetFrom, type Size } from './camera';

/** Chongqing's 38 units with a little margin: the default view. */
export const MUNICIPALITY_BOUNDS: [LngLat, LngLat] = [
  [105.28, 28.16],
  [110.2, 32.2],
];

const [[WEST, SOUTH], [EAST, NORTH]] = MUNICIPALITY_BOUNDS;

/**
 * The size the HTML's SVG is drawn at (its viewBox) for a width: the municipality's bounds
 * exactly, so that the browser, fitting it into the map's box less FIRST_PAINT_PADDING on each
 * side (`preserveAspectRatio` meet), scales it as MapLibre fits those bounds with that padding.
 * The width sets how large its names are placed, relative to the map they are shown in.
 */
export function firstPaintSize(width: number): Size {
  return { width, height: (width * (mercatorY(NORTH) - mercatorY(SOUTH))) / (((EAST - WEST) * Math.PI) / 180) };
}
/** Room around the municipality in the default view, in px (atlas.css pads the HTML's SVG by as much). */
export const FIRST_PAINT_PADDING = 24;
/** Room around a selection the first view fits, in px (as MapLibre's fitBounds padding). */
const SELECTION_PADDING = 24;
/** MapLibre's zoom limits (atlas-map.ts). */
export const MIN_ZOOM = 4;
export const MAX_ZOOM = 16;

/** What of the state decides the first camera. */
export interface FirstViewState {
  view: MapView | null;
  sel: string | null;
}

/** The part of a map of a size that an inset leaves visible. */
export function visibleSize(size: Size, inset: Inset = NO_INSET): Size {
  return {
    width: Math.max(1, size.width - inset.left - inset.right),
    height: Math.max(1, size.height - inset.top - inset.bottom),
  };
}

/** The default view in an area of a size: the municipality fitted, as the HTML's SVG is by CSS. */
export function defaultCamera(area: Size): Camera {
  return cameraOf({ bounds: MUNICIPALITY_BOUNDS, padding: FIRST_PAINT_PADDING }, area);
}

/**
 * The first camera for a state on a map of a size: a link's view (its zoom lowered just
 * enough to show its selection), else its selection fitted, else the HTML's SVG's view.
 */
export function firstCamera(state: FirstViewState, places: PlaceIndex, size: Size, inset: Inset = NO_INSET): Camera {
  const area = visibleSize(size, inset);
  const box = state.sel ? places.bbox([state.sel]) : null;
  if (state.view) {
    const { view } = state;
    const zoom = box ? Math.max(MIN_ZOOM, zoomToShow(view, box, area)) : view.zoom;
    return { center: [view.lon, view.lat], zoom };
  }
  if (box) {
    const fitted = cameraOf(
      {
        bounds: [
          [box[0], box[1]],
          [box[2], box[3]],
        ],
        padding: SELECTION_PADDING,
      },
      area,
    );
    return { center: fitted.center, zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fitted.zoom)) };
  }
  return defaultCamera(area);
}

/** The same camera said of the whole map: the point at the map's centre rather than the visible part's. */
export function canvasCamera(camera: Camera, size: Size, inset: Inset = NO_INSET): Camera {
  const visibleX = inset.left + (size.width - inset.left - inset.right) / 2;
  const visibleY = inset.top + (size.height - inset.top - inset.bottom) / 2;
  const centre = offsetFrom(camera, size.width / 2 - visibleX, size.height / 2 - visibleY);
  return { center: centre, zoom: camera.zoom };
}
