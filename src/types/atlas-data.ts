/**
 * Shapes of the artifacts the data build writes and the app reads.
 * One module so the build and the app cannot drift apart.
 */

export type Lang = 'zh' | 'en';

export type DistrictType = 'district' | 'county' | 'autonomous_county';

export type RegionKind =
  | 'municipality'
  | 'planning-area'
  | 'urban-system'
  | 'cluster'
  | 'district-region'
  | 'schematic';

/** [west, south, east, north] in degrees (WGS84). */
export type BBox = [number, number, number, number];

/** [longitude, latitude] in degrees (WGS84). */
export type LngLat = [number, number];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface DistrictInfo {
  /** GB/T 2260 code, e.g. "500103"; also the district's id everywhere in the app. */
  code: string;
  nameZh: string;
  /** The English name, e.g. "Yuzhong District", "Zhong County": the one shown everywhere in English. */
  nameEn: string;
  /**
   * The code list's romanisation, e.g. "Yuzhong", "Zhongxian": a search key and the pinyin
   * check's reference, never shown (a second displayed name would disagree with nameEn).
   */
  romanisation: string;
  type: DistrictType;
  /** Ids of the regions the district belongs to (excluding `chongqing` and its own district-region). */
  regions: string[];
  /** The urban-system region (one of five) the district is coloured by. */
  urbanSystem: string;
  /** Geodesic area (WGS84 ellipsoid) of the built polygon, km². */
  areaKm2: number;
  bbox: BBox;
  /** A point inside the polygon, for labels and popups. */
  label: LngLat;
  /** Toneless pinyin syllables of the Chinese name, e.g. ["wan", "zhou", "qu"]. */
  pinyin: string[];
}

export interface RegionInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: RegionKind;
  members: string[];
  /** Geodesic area of the dissolved region, km²; null for schematic regions. */
  areaKm2: number | null;
  bbox: BBox;
  label: LngLat;
  sourceKey: string;
  versionNote: Bilingual;
  pinyin: string[];
}

export interface ProvinceInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  label: LngLat;
}

export interface PlacesData {
  /** Hash of the build inputs; changes whenever any input changes. */
  buildId: string;
  attribution: Bilingual[];
  districts: DistrictInfo[];
  regions: RegionInfo[];
  provinces: ProvinceInfo[];
}

/** Names of the objects in the built TopoJSON topology. */
export const TOPOLOGY_OBJECTS = ['districts', 'regions', 'provinces', 'rivers'] as const;
export type TopologyObjectName = (typeof TOPOLOGY_OBJECTS)[number];
