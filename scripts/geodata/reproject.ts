import gcoord from 'gcoord';
import type { FeatureCollection, Geometry } from 'geojson';

/** Coordinate systems a boundary input may arrive in. */
export type InputCrs = 'WGS84' | 'GCJ-02' | 'BD-09';

export const INPUT_CRS: readonly InputCrs[] = ['WGS84', 'GCJ-02', 'BD-09'];

const GCOORD_CRS = { 'GCJ-02': gcoord.GCJ02, 'BD-09': gcoord.BD09 } as const;

/**
 * Returns a WGS84 copy of a collection. GCJ-02 (the obfuscated datum Chinese map
 * providers must publish in) and BD-09 are inverted with gcoord, which iterates the
 * published forward algorithm to 1e-6°.
 */
export function toWgs84<G extends Geometry>(collection: FeatureCollection<G>, crs: InputCrs): FeatureCollection<G> {
  const copy = structuredClone(collection);
  if (crs === 'WGS84') return copy;
  // gcoord's own GeoJSON typings differ from @types/geojson's; the shapes are the same.
  const input = copy as unknown as Parameters<typeof gcoord.transform>[0];
  return gcoord.transform(input, GCOORD_CRS[crs], gcoord.WGS84) as unknown as FeatureCollection<G>;
}
