import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { BBox, DistrictInfo, LngLat, PlacesData, ProvinceInfo, RegionInfo } from '../../src/types/atlas-data';
import { buildContent } from '../content/build-content';
import { geodesicAreaKm2 } from './area';
import { fullEnglishName, parseCodeList, shortEnglishName } from './code-list';
import { type BuildConfig, loadBuildConfig } from './config';
import { DataBuildError } from './errors';
import { pinyinSyllables } from './pinyin';
import { parseRegions, urbanSystemOf } from './regions';
import { toWgs84 } from './reproject';
import {
  cleanAndSimplifyDistricts,
  decodeObject,
  dissolveMembers,
  encodeTopology,
  innerPoints,
  overviewTopology,
  prepareContextLayer,
  topologyMergeToFeature,
} from './topology';
import { parseJsonInput, validateBoundaries, validateFeatureCollection } from './validate';

type Areal = Polygon | MultiPolygon;

export interface BuildReport {
  buildId: string;
  boundaryFile: string;
  districtCount: number;
  vertexCount: { input: number; output: number; overviewArcs: number; detailArcs: number };
  areaKm2: { yuzhong: number; municipality: number };
  files: Record<string, { bytes: number }>;
}

export interface BuildResult {
  /** Output file name → content. Nothing is written until every step has passed. */
  files: Record<string, string>;
  report: BuildReport;
}

/** A hash of everything the build reads, so an unchanged input can skip the build. */
export function hashInputs(config: BuildConfig, extraFiles: string[]): string {
  const hash = createHash('sha256');
  const files = [
    config.configFile,
    config.boundaries.file,
    config.codeList,
    config.provinces.file,
    config.rivers.file,
    config.regions,
    ...contentInputFiles(config.contentDir),
    ...extraFiles,
  ];
  for (const file of files) {
    hash.update(relative(dirname(config.configFile), file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Every file under the content folder (passages, figures, the page, the facts table). */
function contentInputFiles(contentDir: string): string[] {
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataBuildError(file, null, `cannot read (${(error as Error).message})`);
  }
}

function countVertices(collection: FeatureCollection): number {
  return JSON.stringify(collection.features.map((feature) => feature.geometry)).split('],[').length;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const roundPoint = (point: number[]): LngLat => [round(point[0] as number, 5), round(point[1] as number, 5)];
const roundBox = (box: number[]): BBox => box.slice(0, 4).map((value) => round(value, 5)) as BBox;

function labelPoints(labels: FeatureCollection<Point>, key: string): Map<string, LngLat> {
  return new Map(
    labels.features.map((label) => [String(label.properties?.[key]), roundPoint(label.geometry.coordinates)]),
  );
}

/**
 * Runs the whole geodata build in memory: validate → reproject → clean and simplify on
 * shared arcs → encode one topology → dissolve regions from members → measure.
 */
export async function buildAtlasData(configFile: string, extraHashFiles: string[] = []): Promise<BuildResult> {
  const config = loadBuildConfig(configFile);
  const buildId = hashInputs(config, extraHashFiles);
  const codeList = parseCodeList(readInput(config.codeList), config.codeList);
  const codes = codeList.map((row) => row.code);

  const boundaryFile = config.boundaries.file;
  const boundaries = validateBoundaries(
    parseJsonInput(readInput(boundaryFile), boundaryFile),
    boundaryFile,
    codeList,
    config.boundaries,
  );
  const regions = parseRegions(parseJsonInput(readInput(config.regions), config.regions), config.regions, codes);
  const urbanSystem = urbanSystemOf(regions, codes, config.regions);

  // Only the code travels with the geometry; names and memberships live in places.json.
  const normalised: FeatureCollection<Areal> = {
    type: 'FeatureCollection',
    features: boundaries.features.map((feature) => ({
      type: 'Feature',
      properties: { code: String(feature.properties?.[config.boundaries.codeProperty]) },
      geometry: feature.geometry,
    })),
  };
  const wgs84 = toWgs84(normalised, config.boundaries.crs);
  const cleaned = await cleanAndSimplifyDistricts(wgs84, {
    gapFillKm2: config.cleanGapFillKm2,
    simplifyIntervalMeters: config.simplifyIntervalMeters,
  });
  const cleanedCodes = new Set(cleaned.districts.features.map((feature) => String(feature.properties?.code)));
  const lost = codes.filter((code) => !cleanedCodes.has(code));
  if (lost.length > 0) throw new DataBuildError(boundaryFile, null, `cleaning lost districts ${lost.join(', ')}`);

  const provinceSource = validateFeatureCollection<Areal>(
    parseJsonInput(readInput(config.provinces.file), config.provinces.file),
    config.provinces.file,
    {
      geometryTypes: ['Polygon', 'MultiPolygon'],
      nameKeys: [config.provinces.nameZhProperty],
      within: [70, 15, 140, 55],
    },
  );
  const provinceIdKey = config.provinces.idProperty ?? config.provinces.nameZhProperty;
  const provinceInput: FeatureCollection<Areal> = {
    type: 'FeatureCollection',
    features: provinceSource.features
      .filter((feature) => !config.provinces.excludeIds?.includes(String(feature.properties?.[provinceIdKey])))
      .map((feature) => ({
        type: 'Feature',
        properties: {
          id: String(feature.properties?.[provinceIdKey]),
          nameZh: String(feature.properties?.[config.provinces.nameZhProperty] ?? ''),
          nameEn: String(feature.properties?.[config.provinces.nameEnProperty] ?? ''),
        },
        geometry: feature.geometry,
      })),
  };
  const provinces = await prepareContextLayer(provinceInput, config.provinces.clipBox, 200, true);

  const riverSource = validateFeatureCollection<LineString | MultiLineString>(
    parseJsonInput(readInput(config.rivers.file), config.rivers.file),
    config.rivers.file,
    {
      geometryTypes: ['LineString', 'MultiLineString'],
      nameKeys: [config.rivers.nameEnProperty],
      within: [70, 15, 140, 55],
    },
  );
  const riverInput: FeatureCollection<LineString | MultiLineString> = {
    type: 'FeatureCollection',
    features: riverSource.features.map((feature) => ({
      type: 'Feature',
      properties: {
        nameZh: String(feature.properties?.[config.rivers.nameZhProperty] ?? ''),
        nameEn: String(feature.properties?.[config.rivers.nameEnProperty] ?? ''),
        // Natural Earth's own rank: 1 is the Yangtze; larger numbers are minor rivers.
        rank: Number(feature.properties?.scalerank ?? 10),
      },
      geometry: feature.geometry,
    })),
  };
  const rivers = await prepareContextLayer(riverInput, config.rivers.clipBox, 200, false);

  const topology: Topology = encodeTopology({
    districts: cleaned.districts,
    provinces: provinces.features,
    rivers: rivers.features,
  });
  const dissolvable = regions.filter((region) => region.kind !== 'schematic');
  topology.objects.regions = {
    type: 'GeometryCollection',
    geometries: dissolvable.map((region) => {
      const members = new Set(region.members);
      return {
        ...dissolveMembers(topology, 'districts', (properties) => members.has(String(properties.code))),
        properties: { id: region.id },
      };
    }),
  };

  const districtFeatures = decodeObject<Areal>(topology, 'districts');
  const regionFeatures = new Map(
    decodeObject<Areal>(topology, 'regions').map((feature) => [String(feature.properties?.id), feature]),
  );
  const districtLabels = labelPoints(cleaned.labels, 'code');
  const regionLabels = labelPoints(await innerPoints([...regionFeatures.values()]), 'id');

  const districtGeometry = new Map(districtFeatures.map((feature) => [String(feature.properties?.code), feature]));
  const districts: DistrictInfo[] = codeList.map((row) => {
    const feature = districtGeometry.get(row.code) as Feature<Areal>;
    return {
      code: row.code,
      nameZh: row.nameZh,
      nameEn: fullEnglishName(row, config.englishNameOverrides),
      romanisation: shortEnglishName(row),
      type: row.type,
      // Not the municipality (every district is in it), nor a district-region (the district itself).
      regions: regions
        .filter(
          (region) =>
            region.kind !== 'municipality' && region.kind !== 'district-region' && region.members.includes(row.code),
        )
        .map((region) => region.id),
      urbanSystem: urbanSystem.get(row.code) as string,
      areaKm2: round(geodesicAreaKm2(feature.geometry), 2),
      bbox: roundBox(bbox(feature)),
      label: districtLabels.get(row.code) as LngLat,
      pinyin: pinyinSyllables(row.nameZh, config.pinyinOverrides),
    };
  });
  for (const district of districts) checkPinyin(district, config.codeList);

  const regionInfos: RegionInfo[] = regions.map((region) => {
    const feature = regionFeatures.get(region.id);
    const members = districts.filter((district) => region.members.includes(district.code));
    const membersBox = bbox({
      type: 'FeatureCollection',
      features: members.map((member) => districtGeometry.get(member.code) as Feature<Areal>),
    });
    // A district-region's names are its district's (parseRegions checks it has exactly one).
    const nameZh = region.nameZh ?? (members[0] as DistrictInfo).nameZh;
    const nameEn = region.nameEn ?? (members[0] as DistrictInfo).nameEn;
    return {
      id: region.id,
      nameZh,
      nameEn,
      kind: region.kind,
      members: region.members,
      areaKm2: feature ? round(geodesicAreaKm2(feature.geometry), 2) : null,
      bbox: roundBox(membersBox),
      label:
        regionLabels.get(region.id) ??
        roundPoint([(membersBox[0] + membersBox[2]) / 2, (membersBox[1] + membersBox[3]) / 2]),
      sourceKey: region.sourceKey,
      versionNote: region.versionNote,
      pinyin: pinyinSyllables(nameZh, config.pinyinOverrides),
    };
  });

  const provinceLabels = labelPoints(provinces.labels as FeatureCollection<Point>, 'id');
  const provinceInfos: ProvinceInfo[] = provinceInput.features.map((feature) => ({
    id: String(feature.properties?.id),
    nameZh: String(feature.properties?.nameZh),
    nameEn: String(feature.properties?.nameEn),
    label: provinceLabels.get(String(feature.properties?.id)) as LngLat,
  }));

  const places: PlacesData = {
    buildId,
    attribution: [config.boundaries.attribution, config.contextAttribution],
    districts,
    regions: regionInfos,
    provinces: provinceInfos.filter((province) => province.label),
  };

  const content = await buildContent(
    config.contentDir,
    places,
    {
      innerPoint: async (codes) => {
        const members = new Set(codes);
        const merged = dissolveMembers(topology, 'districts', (properties) => members.has(String(properties.code)));
        const union = topologyMergeToFeature(topology, merged);
        const [point] = (await innerPoints([union])).features;
        if (!point) throw new DataBuildError(config.regions, null, `no inner point for ${codes.join(', ')}`);
        return roundPoint(point.geometry.coordinates);
      },
    },
    buildId,
  );

  const overview = await overviewTopology(topology, config.overviewSimplifyIntervalMeters);
  const files = {
    'atlas.topo.json': JSON.stringify(topology),
    'atlas-overview.topo.json': JSON.stringify(overview),
    'places.json': JSON.stringify(places),
    'content.json': JSON.stringify(content.content),
    'articles.json': JSON.stringify(content.articles),
  };
  const yuzhong = districts.find((district) => district.code === '500103');
  const report: BuildReport = {
    buildId,
    boundaryFile: relative(process.cwd(), boundaryFile),
    districtCount: districts.length,
    vertexCount: {
      input: countVertices(boundaries),
      output: countVertices(cleaned.districts),
      overviewArcs: countArcVertices(overview),
      detailArcs: countArcVertices(topology),
    },
    areaKm2: {
      yuzhong: yuzhong?.areaKm2 ?? Number.NaN,
      municipality: regionInfos.find((region) => region.id === 'chongqing')?.areaKm2 ?? Number.NaN,
    },
    files: Object.fromEntries(
      Object.entries(files).map(([name, content]) => [name, { bytes: Buffer.byteLength(content) }]),
    ),
  };
  return { files: { ...files, 'build-report.json': JSON.stringify(report, null, 2) }, report };
}

function countArcVertices(topology: Topology): number {
  return topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
}

/** Catches a wrong reading (a polyphone) by comparing the pinyin with the code list's romanisation. */
function checkPinyin(district: DistrictInfo, codeListFile: string): void {
  const romanised = district.romanisation.toLowerCase().replace(/[^a-z]/g, '');
  const syllables = district.pinyin.join('');
  if (!syllables.startsWith(romanised)) {
    throw new DataBuildError(
      codeListFile,
      `${district.code} ${district.nameZh}`,
      `pinyin "${district.pinyin.join(' ')}" does not match "${district.romanisation}"; add a pinyinOverrides entry`,
    );
  }
}
