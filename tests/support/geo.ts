/** Small geometry helpers for tests (independent of the code under test). */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Rings of a polygon or multipolygon. */
export function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Distance in metres from a point to a segment, in a local equirectangular frame (fine below ~10 km). */
export function pointSegmentMetres(point: Position, a: Position, b: Position): number {
  const lat = ((point[1] as number) * Math.PI) / 180;
  const kx = 111_320 * Math.cos(lat);
  const ky = 110_574;
  const ax = ((a[0] as number) - (point[0] as number)) * kx;
  const ay = ((a[1] as number) - (point[1] as number)) * ky;
  const bx = ((b[0] as number) - (point[0] as number)) * kx;
  const by = ((b[1] as number) - (point[1] as number)) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Largest distance from any vertex of `from` to the outline of `to`, in metres. */
export function directedHausdorffMetres(from: Polygon | MultiPolygon, to: Polygon | MultiPolygon): number {
  const target = ringsOf(to);
  let worst = 0;
  for (const ring of ringsOf(from)) {
    for (const point of ring) {
      let best = Number.POSITIVE_INFINITY;
      for (const targetRing of target) {
        for (let index = 0; index < targetRing.length - 1; index += 1) {
          best = Math.min(
            best,
            pointSegmentMetres(point, targetRing[index] as Position, targetRing[index + 1] as Position),
          );
        }
      }
      worst = Math.max(worst, best);
    }
  }
  return worst;
}

/**
 * The widely published forward GCJ-02 algorithm (Krasovsky 1940 ellipsoid), written here
 * independently of gcoord so the build's inverse can be checked against it.
 */
export function wgs84ToGcj02([lng, lat]: [number, number]): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lng - 105.0;
  const y = lat - 35.0;
  let dLat =
    -100.0 +
    2.0 * x +
    3.0 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * Math.sqrt(Math.abs(x)) +
    ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0 +
    ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0 +
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng =
    300.0 +
    x +
    2.0 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * Math.sqrt(Math.abs(x)) +
    ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0 +
    ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0 +
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/**
 * Exact area of an ellipsoidal zone between the equator and a latitude, times the share of
 * longitude: an independent check of the geodesic area (WGS84), km².
 */
export function zoneAreaKm2(latFromDeg: number, latToDeg: number, lngSpanDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const e = Math.sqrt(1 - (b * b) / (a * a));
  const q = (latDeg: number) => {
    const s = Math.sin((latDeg * Math.PI) / 180);
    return s / (1 - e * e * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return (Math.PI * b * b * (q(latToDeg) - q(latFromDeg)) * (lngSpanDeg / 360)) / 1e6;
}
