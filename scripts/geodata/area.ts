import * as geographiclibNamespace from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

// The package is CommonJS; under Node's ESM loader its exports arrive as `default`.
const geographiclib =
  (geographiclibNamespace as unknown as { default?: typeof geographiclibNamespace }).default ?? geographiclibNamespace;
const geodesic = geographiclib.Geodesic.WGS84;

/** Geodesic area of one ring on the WGS84 ellipsoid, m², without sign. */
function ringAreaM2(ring: Position[]): number {
  const polygon = geodesic.Polygon(false);
  // GeoJSON rings repeat the first position at the end; the polygon closes itself.
  for (const [lng, lat] of ring.slice(0, -1)) polygon.AddPoint(lat as number, lng as number);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Geodesic area (WGS84 ellipsoid) of a polygon or multipolygon, km²: outer rings minus holes. */
export function geodesicAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    total += ringAreaM2(outer);
    for (const hole of holes) total -= ringAreaM2(hole);
  }
  return total / 1e6;
}
