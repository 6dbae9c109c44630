/**
 * Data checks on the built geometry: the 38 units match the code list, regions
 * are made of existing members, the partition has no overlaps or gaps, areas are right,
 * Yuzhong stays legible, and every output is valid GeoJSON within its size budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import bbox from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import * as geojsonValidation from 'geojson-validation';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2 } from '../../scripts/geodata/area';
import { parseCodeList } from '../../scripts/geodata/code-list';
import { toWgs84 } from '../../scripts/geodata/reproject';
import { decodeObject } from '../../scripts/geodata/topology';
import { DETAIL_MIN_ZOOM, metresPerPixel } from '../../src/map/detail';
import { artifactText, loadOverviewTopology, loadPlaces, loadTopology } from '../support/artifacts';
import { directedHausdorffMetres } from '../support/geo';

type Areal = Polygon | MultiPolygon;

const topology = loadTopology();
const places = loadPlaces();
const districts = decodeObject<Areal>(topology, 'districts');
const regions = decodeObject<Areal>(topology, 'regions');
const codeList = parseCodeList(
  readFileSync('geodata/sources/gb2260-codes/chongqing_county_level_codes.csv', 'utf8'),
  'chongqing_county_level_codes.csv',
);
const TOLERANCE_KM2 = 0.01;

describe('the 38 county-level units', () => {
  it('are exactly the code list, with its names', () => {
    expect(codeList).toHaveLength(38);
    expect(districts.map((feature) => feature.properties?.code).sort()).toEqual(codeList.map((row) => row.code).sort());
    for (const row of codeList) {
      const info = places.districts.find((district) => district.code === row.code);
      expect(info?.nameZh, row.code).toBe(row.nameZh);
      expect(info?.type, row.code).toBe(row.type);
    }
  });

  it('overlap nowhere by more than 0.01 km²', () => {
    const boxes = districts.map((feature) => bbox(feature));
    let pairsChecked = 0;
    for (let i = 0; i < districts.length; i += 1) {
      for (let j = i + 1; j < districts.length; j += 1) {
        const [a, b] = [boxes[i] as number[], boxes[j] as number[]];
        if ((a[0] as number) > (b[2] as number) || (b[0] as number) > (a[2] as number)) continue;
        if ((a[1] as number) > (b[3] as number) || (b[1] as number) > (a[3] as number)) continue;
        pairsChecked += 1;
        const overlap = intersect(featureCollection([districts[i] as Feature<Areal>, districts[j] as Feature<Areal>]));
        const area = overlap ? geodesicAreaKm2(overlap.geometry) : 0;
        expect(area, `${districts[i]?.properties?.code} ∩ ${districts[j]?.properties?.code}`).toBeLessThanOrEqual(
          TOLERANCE_KM2,
        );
      }
    }
    // Neighbours whose boxes touch: far more than the 37 a tree of 38 units needs.
    expect(pairsChecked).toBeGreaterThan(60);
  });

  it('leave no gap inside the municipality larger than 0.01 km²', () => {
    const merged = union(featureCollection(districts as Feature<Polygon | MultiPolygon>[]));
    expect(merged).not.toBeNull();
    const geometry = merged?.geometry as Areal;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const holes = polygons.flatMap((polygon) => polygon.slice(1));
    for (const hole of holes) {
      expect(geodesicAreaKm2({ type: 'Polygon', coordinates: [hole] })).toBeLessThanOrEqual(TOLERANCE_KM2);
    }
    // The main body carries almost all the area (the rest: small exclaves of Tongnan, Hechuan, Changshou).
    const largest = Math.max(
      ...polygons.map((polygon) => geodesicAreaKm2({ type: 'Polygon', coordinates: [polygon[0] ?? []] })),
    );
    expect(largest).toBeGreaterThan(82_000);
  });
});

describe('areas', () => {
  const area = (code: string) => places.districts.find((district) => district.code === code)?.areaKm2 ?? Number.NaN;

  it('put Yuzhong within 20–24.5 km² (20.08 land, 23.24 with water)', () => {
    expect(area('500103')).toBeGreaterThanOrEqual(20);
    expect(area('500103')).toBeLessThanOrEqual(24.5);
  });

  it('put the municipality within 1% of 82,400 km²', () => {
    const total = places.regions.find((region) => region.id === 'chongqing')?.areaKm2 ?? 0;
    expect(Math.abs(total - 82_400) / 82_400).toBeLessThan(0.01);
  });

  it('match the geometry served to the map', () => {
    for (const feature of districts) {
      expect(area(String(feature.properties?.code))).toBeCloseTo(geodesicAreaKm2(feature.geometry), 1);
    }
  });

  it("make every region's area the sum of its members' within 0.1%", () => {
    for (const region of places.regions.filter((candidate) => candidate.kind !== 'schematic')) {
      const sum = region.members.reduce((total, code) => total + area(code), 0);
      expect(region.areaKm2, region.id).not.toBeNull();
      expect(Math.abs((region.areaKm2 as number) - sum) / sum, region.id).toBeLessThan(0.001);
      const drawn = regions.find((feature) => feature.properties?.id === region.id);
      expect(drawn, region.id).toBeDefined();
    }
  });
});

describe('regions', () => {
  it('have the public ids and only existing members', () => {
    const codes = new Set(codeList.map((row) => row.code));
    const ids = places.regions.map((region) => region.id);
    for (const id of [
      'chongqing',
      'central-urban',
      'western',
      'eastern-new-city',
      'metropolitan',
      'northeast',
      'southeast',
      'wan-kai-yun',
      'yuzhong',
      'science-corridor',
    ]) {
      expect(ids).toContain(id);
    }
    for (const region of places.regions) {
      expect(region.members.length, region.id).toBeGreaterThan(0);
      for (const code of region.members) expect(codes.has(code), `${region.id} ∋ ${code}`).toBe(true);
      expect(region.sourceKey).toMatch(/\[[A-Z]\d*\]/);
      expect(region.versionNote.zh.length).toBeGreaterThan(0);
      expect(region.versionNote.en.length).toBeGreaterThan(0);
    }
  });

  it('use the memberships of Aug 2025 (facts §1): eight western districts, Dianjiang in the eastern new city', () => {
    const members = (id: string) => places.regions.find((region) => region.id === id)?.members ?? [];
    expect(members('central-urban')).toHaveLength(9);
    expect(members('western').sort()).toEqual(
      ['500116', '500117', '500118', '500111', '500120', '500151', '500152', '500153'].sort(),
    );
    expect(members('eastern-new-city')).toContain('500231');
    expect(members('northeast')).not.toContain('500231');
    expect(members('northeast')).toHaveLength(10);
    expect(members('southeast')).toHaveLength(6);
    expect(members('metropolitan')).toHaveLength(22);
    expect(members('wan-kai-yun').sort()).toEqual(['500101', '500154', '500235']);
  });
});

describe("Yuzhong's peninsula", () => {
  const built = districts.find((feature) => feature.properties?.code === '500103') as Feature<Areal>;
  const raw = JSON.parse(readFileSync('geodata/sources/datav-amap/chongqing_districts_gcj02_raw.geojson', 'utf8'));
  const source = toWgs84(raw, 'GCJ-02').features.find(
    (feature: Feature) => feature.properties?.adcode === '500103',
  ) as Feature<Areal>;

  it('stays one shape without holes', () => {
    const polygons = built.geometry.type === 'Polygon' ? [built.geometry.coordinates] : built.geometry.coordinates;
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
  });

  it('strays from the source outline by less than 1.5 px at zoom 12 (about 50 m)', () => {
    // One pixel at zoom 12 and latitude 29.5° is about 34 m.
    expect(directedHausdorffMetres(source.geometry, built.geometry)).toBeLessThan(50);
    expect(directedHausdorffMetres(built.geometry, source.geometry)).toBeLessThan(50);
  });
});

describe('outputs', () => {
  it('are valid GeoJSON once decoded', () => {
    for (const name of ['districts', 'regions', 'provinces', 'rivers']) {
      const collection = { type: 'FeatureCollection', features: decodeObject(topology, name) };
      expect(geojsonValidation.valid(collection, true), name).toEqual([]);
    }
  });

  it('fit the first-view budget: all geometry ≤ 250 KB gzip', () => {
    const bytes = ['atlas-overview.topo.json', 'places.json'].reduce(
      (total, name) => total + gzipSync(artifactText(name), { level: 9 }).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
  });
});

describe('the overview topology (the first view draws it; see src/map/detail.ts)', () => {
  const overview = loadOverviewTopology();
  const config = JSON.parse(readFileSync('geodata/build.config.json', 'utf8')) as {
    overviewSimplifyIntervalMeters: number;
  };
  const arcVertices = (of: typeof topology) => of.arcs.reduce((sum, arc) => sum + arc.length, 0);

  it('has every object and feature of the detailed one, with the same properties', () => {
    expect(Object.keys(overview.objects).sort()).toEqual(Object.keys(topology.objects).sort());
    for (const name of Object.keys(topology.objects)) {
      expect(
        decodeObject(overview, name).map((feature) => feature.properties),
        name,
      ).toEqual(decodeObject(topology, name).map((feature) => feature.properties));
    }
  });

  it('has less than half the vertices', () => {
    expect(arcVertices(overview)).toBeLessThan(arcVertices(topology) / 2);
  });

  it('is never more than 1.5 px off where the map draws it, and keeps every district', () => {
    // Where the map switches to the detailed borders (src/map/detail.ts), at Chongqing's latitude.
    const pixel = metresPerPixel(DETAIL_MIN_ZOOM, 29.5);
    expect(config.overviewSimplifyIntervalMeters).toBeLessThan(pixel);
    const detailed = new Map(districts.map((feature) => [String(feature.properties?.code), feature]));
    const overviewDistricts = decodeObject<Areal>(overview, 'districts');
    expect(overviewDistricts).toHaveLength(38);
    for (const feature of overviewDistricts) {
      const code = String(feature.properties?.code);
      const reference = detailed.get(code) as Feature<Areal>;
      expect(directedHausdorffMetres(feature.geometry, reference.geometry), code).toBeLessThanOrEqual(1.5 * pixel);
      // The other way, part by part: detached parts under 0.2 km² (about a pixel there) may be
      // dropped (Hechuan's 0.13 km², Dadukou's 0.06, Changshou's 0.005); nothing larger.
      const parts =
        reference.geometry.type === 'Polygon' ? [reference.geometry.coordinates] : reference.geometry.coordinates;
      for (const part of parts) {
        const polygon: Polygon = { type: 'Polygon', coordinates: part };
        if (geodesicAreaKm2(polygon) < 0.2) continue;
        expect(directedHausdorffMetres(polygon, feature.geometry), code).toBeLessThanOrEqual(1.5 * pixel);
      }
      const area = geodesicAreaKm2(feature.geometry);
      expect(Math.abs(area - geodesicAreaKm2(reference.geometry)) / area, code).toBeLessThan(0.05);
    }
  });
});
