/**
 * Where the static map's camera goes to show places, and how it is drawn when part of the map
 * is covered (the bottom sheet on phones). A camera here is, as in `#map=`, the centre of the
 * part left visible; the SVG is drawn around the centre of the whole map. Pure.
 */
import type { Inset } from '../map/visible-area';
import type { BBox } from '../types/atlas-data';
import { type Camera, cameraOf, projectionOf, type Size } from './projection';

/** As the WebGL map frames a chosen place: a margin around it, and not closer than a zoom. */
const FOCUS_MARGIN_PX = 40;
const SMALL_PLACE_SPAN_DEG = 0.3;
const MAX_ZOOM_SMALL_PLACE = 12;
const MAX_ZOOM = 10;

/** The part of the map not covered; never empty, so that a camera can always be fitted. */
export function visibleSize(size: Size, inset: Inset): Size {
  return {
    width: Math.max(1, size.width - inset.left - inset.right),
    height: Math.max(1, size.height - inset.top - inset.bottom),
  };
}

/** The camera that fits a box into a map's visible part, with a margin. */
export function cameraFitting(box: BBox, size: Size, inset: Inset, margin: number): Camera {
  const visible = visibleSize(size, inset);
  // A margin wider than half the room would turn the fitted box inside out.
  const padding = Math.min(margin, visible.width / 4, visible.height / 4);
  return cameraOf(
    {
      bounds: [
        [box[0], box[1]],
        [box[2], box[3]],
      ],
      padding,
    },
    visible,
  );
}

/** The camera that shows a chosen place (or places) in the visible part of the map. */
export function cameraShowing(box: BBox, size: Size, inset: Inset): Camera {
  const fitted = cameraFitting(box, size, inset, FOCUS_MARGIN_PX);
  const maxZoom = box[2] - box[0] < SMALL_PLACE_SPAN_DEG ? MAX_ZOOM_SMALL_PLACE : MAX_ZOOM;
  return { center: fitted.center, zoom: Math.min(fitted.zoom, maxZoom) };
}

/** The camera of the whole map whose visible part is centred on `camera`. */
export function drawnCamera(camera: Camera, size: Size, inset: Inset): Camera {
  if (inset.top === 0 && inset.bottom === 0 && inset.left === 0 && inset.right === 0) return camera;
  const visible = visibleSize(size, inset);
  const projection = projectionOf(camera, size).translate([
    inset.left + visible.width / 2,
    inset.top + visible.height / 2,
  ]);
  const centre = projection.invert?.([size.width / 2, size.height / 2]);
  return centre ? { center: [centre[0], centre[1]], zoom: camera.zoom } : camera;
}
