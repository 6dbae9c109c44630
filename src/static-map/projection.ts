/**
 * The static map's projection: d3-geo's Mercator set to MapLibre's camera (camera.ts), so a
 * point lands on the same pixel as on the WebGL map.
 */
import {
  type GeoPath,
  type GeoProjection,
  type GeoStreamWrapper,
  geoClipRectangle,
  geoMercator,
  geoPath,
  geoTransform,
} from 'd3-geo';
import { type Camera, type Size, scaleOf } from './camera';

export { type Camera, cameraOf, type Size, type StaticView } from './camera';

/** The Mercator projection of a camera on a map of a size, in px from the map's top left. */
export function projectionOf(camera: Camera, size: Size): GeoProjection {
  return geoMercator()
    .scale(scaleOf(camera.zoom))
    .center(camera.center)
    .translate([size.width / 2, size.height / 2]);
}

/** Wider than any line the map draws, in px. */
const CLIP_MARGIN = 16;

/**
 * A path generator over the projection, planar: each vertex is projected as a point, with no
 * clipping to the sphere and no resampling. The shapes are the ones MapLibre draws (straight
 * segments between projected vertices), and a ring's winding does not matter to d3-geo (the
 * built GeoJSON follows RFC 7946, which d3's spherical polygons would read as their complement).
 * With `clipTo`, the shapes are cut to that area (plus a margin): what lies outside is not written.
 */
export function planarPath(projection: GeoProjection, clipTo?: Size): GeoPath {
  const transform = geoTransform({
    point(lon: number, lat: number) {
      const point = projection([lon, lat]);
      if (point) this.stream.point(point[0], point[1]);
    },
  });
  if (!clipTo) return geoPath(transform).digits(1);
  // Clipped a little outside the map's area, so the cut edges (and their strokes) are never seen.
  const margin = CLIP_MARGIN;
  const clip = geoClipRectangle(-margin, -margin, clipTo.width + margin, clipTo.height + margin);
  const clipped: GeoStreamWrapper = { stream: (output) => transform.stream(clip(output)) };
  return geoPath(clipped).digits(1);
}
