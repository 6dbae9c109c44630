/**
 * The 38 units and the regions as GeoJSON features with their names, memberships, areas and
 * passage counts: what places.geojson holds and what "Download this place" saves. Pure; decodes
 * the same detailed topology the map draws.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature as decodeTopologyObject } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ContentIndex } from '../content/queries';
import type { PlaceIndex } from '../data/place-index';
import type { ColumnSpec } from './passage-table';

export interface PlaceProperties {
  kind: 'district' | 'region';
  /** The GB/T 2260 code of a district, the id of a region. */
  id: string;
  nameZh: string;
  nameEn: string;
  /** Toneless pinyin syllables of the Chinese name, separated by spaces. */
  namePinyin: string;
  /** district, county, autonomous_county; or the region's kind. */
  type: string;
  /** A district's regions; a region's member districts. */
  regions: string[];
  members: string[];
  /** Geodesic area on the WGS84 ellipsoid, km². */
  areaKm2: number | null;
  /** Passages that name the place itself. */
  passageCount: number;
}

export type PlaceFeature = Feature<Polygon | MultiPolygon, PlaceProperties>;

export const PLACE_PROPERTIES: readonly ColumnSpec[] = [
  { name: 'kind', type: 'string', description: '"district" (one of the 38 county-level units) or "region"' },
  { name: 'id', type: 'string', description: 'GB/T 2260 code of a district, id of a region (also the feature’s id)' },
  { name: 'nameZh', type: 'string', description: 'Chinese name' },
  { name: 'nameEn', type: 'string', description: 'English name' },
  { name: 'namePinyin', type: 'string', description: 'Toneless pinyin of the Chinese name' },
  { name: 'type', type: 'string', description: 'district, county, autonomous_county; for a region its kind' },
  { name: 'regions', type: 'array', description: 'A district’s regions (ids), as of Aug 2025' },
  { name: 'members', type: 'array', description: 'A region’s member district codes, as of Aug 2025' },
  { name: 'areaKm2', type: 'number', description: 'Geodesic area of the built polygon on the WGS84 ellipsoid, km²' },
  { name: 'passageCount', type: 'integer', description: 'How many passages name the place itself' },
];

/** 1e-6° is about 0.1 m: finer than the topology's 1 m grid, so rounding loses nothing it holds. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (points: number[][]) => points.map((point) => point.map(round));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

function decode(topology: Topology, name: string): Array<Feature<Polygon | MultiPolygon>> {
  const object = topology.objects[name];
  if (!object) throw new Error(`the topology has no "${name}" object`);
  const collection = decodeTopologyObject(topology, object as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return collection.features.map((feature) => ({ ...feature, geometry: roundGeometry(feature.geometry) }));
}

/** Every district, then every region that has an outline, as the map draws them. */
export function placeFeatures(topology: Topology, places: PlaceIndex, content: ContentIndex): PlaceFeature[] {
  const passageCount = (id: string) => content.passagesAbout(id).length;
  const districts = decode(topology, 'districts').map((decoded): PlaceFeature => {
    const code = String(decoded.properties?.code);
    const info = places.districts.get(code);
    if (!info) throw new Error(`district ${code} is not in places.json`);
    return {
      type: 'Feature',
      id: code,
      properties: {
        kind: 'district',
        id: code,
        nameZh: info.nameZh,
        nameEn: info.nameEn,
        namePinyin: info.pinyin.join(' '),
        type: info.type,
        regions: info.regions,
        members: [],
        areaKm2: info.areaKm2,
        passageCount: passageCount(code),
      },
      geometry: decoded.geometry,
    };
  });
  const regions = decode(topology, 'regions').map((decoded): PlaceFeature => {
    const id = String(decoded.properties?.id);
    const info = places.regions.get(id);
    if (!info) throw new Error(`region ${id} is not in places.json`);
    return {
      type: 'Feature',
      id,
      properties: {
        kind: 'region',
        id,
        nameZh: info.nameZh,
        nameEn: info.nameEn,
        namePinyin: info.pinyin.join(' '),
        type: info.kind,
        regions: [],
        members: info.members,
        areaKm2: info.areaKm2,
        passageCount: passageCount(id),
      },
      geometry: decoded.geometry,
    };
  });
  return [...districts, ...regions];
}

/** The feature of one place under any of its ids (a district-region is its district). */
export function placeFeature(
  id: string,
  topology: Topology,
  places: PlaceIndex,
  content: ContentIndex,
): PlaceFeature | null {
  const canonical = places.canonicalId(id);
  return placeFeatures(topology, places, content).find((feature) => feature.id === canonical) ?? null;
}
