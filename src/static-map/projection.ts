/**
 * The static map's projection: d3-geo's Mercator set to MapLibre's camera, so a point lands on
 * the same pixel as on the WebGL map. MapLibre's world (512 px tiles) is 512 × 2^zoom px
 * wide, i.e. 512 × 2^zoom / 2π px per radian, with the camera's centre in the middle.
 */
import { type GeoPath, type GeoProjection, geoMercator, geoPath, geoTransform } from 'd3-geo';
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

const scaleOf = (zoom: number) => (TILE_SIZE * 2 ** zoom) / (2 * Math.PI);
const zoomOf = (scale: number) => Math.log2((scale * 2 * Math.PI) / TILE_SIZE);

/** The Mercator projection of a camera on a map of a size, in px from the map's top left. */
export function projectionOf(camera: Camera, size: Size): GeoProjection {
  return geoMercator()
    .scale(scaleOf(camera.zoom))
    .center(camera.center)
    .translate([size.width / 2, size.height / 2]);
}

/** The camera that shows a view on a map of a size. */
export function cameraOf(view: StaticView, size: Size): Camera {
  if ('center' in view) return view;
  const padding = view.padding ?? 0;
  const [[west, south], [east, north]] = view.bounds;
  const fitted = geoMercator().fitExtent(
    [
      [padding, padding],
      [size.width - padding, size.height - padding],
    ],
    // Corners as points: a fitted polygon would be read on the sphere, its winding deciding its inside.
    {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    },
  );
  const center = fitted.invert?.([size.width / 2, size.height / 2]) ?? [(west + east) / 2, (south + north) / 2];
  return { center: [center[0], center[1]], zoom: zoomOf(fitted.scale()) };
}

/**
 * A path generator over the projection, planar: each vertex is projected as a point, with no
 * clipping to the sphere and no resampling. The shapes are the ones MapLibre draws (straight
 * segments between projected vertices), and a ring's winding does not matter to d3-geo (the
 * built GeoJSON follows RFC 7946, which d3's spherical polygons would read as their complement).
 */
export function planarPath(projection: GeoProjection): GeoPath {
  const transform = geoTransform({
    point(lon: number, lat: number) {
      const point = projection([lon, lat]);
      if (point) this.stream.point(point[0], point[1]);
    },
  });
  return geoPath(transform).digits(1);
}
