import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaKm2 } from '../../scripts/geodata/area';
import { DataBuildError } from '../../scripts/geodata/errors';
import { parseRegions, REQUIRED_REGION_IDS } from '../../scripts/geodata/regions';
import { decodeObject, dissolveMembers, encodeTopology } from '../../scripts/geodata/topology';
import { zoneAreaKm2 } from '../support/geo';

const CODES = ['500101', '500102', '500103'];

function regionsFile(overrides: Record<string, unknown>[] = []) {
  const base = REQUIRED_REGION_IDS.map((id) => ({
    id,
    nameZh: id,
    nameEn: id,
    kind: id === 'science-corridor' ? 'schematic' : 'cluster',
    members: ['500101'],
    sourceKey: '[X]',
    versionNoteZh: '说明',
    versionNoteEn: 'note',
  }));
  // Three urban-system regions partition the three test districts.
  const urban = CODES.map((code, index) => ({
    ...base[0],
    id: `urban-${'abc'[index]}`,
    kind: 'urban-system',
    members: [code],
  }));
  return { regions: [...base, ...urban, ...overrides] };
}

function problemOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof DataBuildError) return error.message;
    throw error;
  }
  throw new Error('expected a DataBuildError');
}

describe('parseRegions', () => {
  it('accepts complete definitions and expands "all"', () => {
    const data = regionsFile([{ ...regionsFile().regions[0], id: 'everything', members: 'all' }]);
    const regions = parseRegions(data, 'regions.json', CODES);
    expect(regions.find((region) => region.id === 'everything')?.members).toEqual(CODES);
  });

  it('rejects an unknown member, naming the region', () => {
    const data = regionsFile([{ ...regionsFile().regions[0], id: 'bad', members: ['500999'] }]);
    expect(problemOf(() => parseRegions(data, 'regions.json', CODES))).toContain('region #13 (bad): member "500999"');
  });

  it("gives a district-region one member and no names of its own (it takes its district's)", () => {
    const { nameZh: _zh, nameEn: _en, ...unnamed } = regionsFile().regions[0] as Record<string, unknown>;
    const region = { ...unnamed, id: 'alias', kind: 'district-region', members: ['500103'] };
    const parsed = parseRegions(regionsFile([region]), 'regions.json', CODES);
    expect(parsed.find((candidate) => candidate.id === 'alias')).toMatchObject({ nameZh: null, nameEn: null });
    const named = regionsFile([{ ...region, nameZh: '渝中区', nameEn: 'Yuzhong' }]);
    expect(problemOf(() => parseRegions(named, 'regions.json', CODES))).toContain("takes its district's names");
    const two = regionsFile([{ ...region, members: ['500101', '500103'] }]);
    expect(problemOf(() => parseRegions(two, 'regions.json', CODES))).toContain('exactly one member');
  });

  it('rejects duplicate ids and a missing required id', () => {
    const duplicate = regionsFile([{ ...regionsFile().regions[0] }]);
    expect(problemOf(() => parseRegions(duplicate, 'regions.json', CODES))).toContain('duplicate id "chongqing"');
    const missing = { regions: regionsFile().regions.filter((region) => region.id !== 'wan-kai-yun') };
    expect(problemOf(() => parseRegions(missing, 'regions.json', CODES))).toContain(
      'missing required region ids: wan-kai-yun',
    );
  });

  it('requires the urban-system regions to cover every district exactly once', () => {
    const overlapping = regionsFile([
      { ...regionsFile().regions[0], id: 'urban-d', kind: 'urban-system', members: ['500101'] },
    ]);
    expect(problemOf(() => parseRegions(overlapping, 'regions.json', CODES))).toContain('also in urban-system region');
    const partial = { regions: regionsFile().regions.filter((region) => region.id !== 'urban-c') };
    expect(problemOf(() => parseRegions(partial, 'regions.json', CODES))).toContain(
      'in no urban-system region: 500103',
    );
  });
});

describe('dissolveMembers', () => {
  const square = (code: string, west: number): FeatureCollection<Polygon>['features'][number] => ({
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, 29],
          [west, 29.01],
          [west + 0.01, 29.01],
          [west + 0.01, 29],
          [west, 29],
        ],
      ],
    },
  });
  const districts: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: [square('a', 106), square('b', 106.01), square('c', 106.03)],
  };

  it('merges neighbours along their shared border into one polygon with their summed area', () => {
    const topology = encodeTopology({ districts });
    topology.objects.regions = {
      type: 'GeometryCollection',
      geometries: [{ ...dissolveMembers(topology, 'districts', (p) => p.code !== 'c'), properties: { id: 'ab' } }],
    };
    const [region] = decodeObject<MultiPolygon>(topology, 'regions');
    const geometry = region?.geometry;
    // One polygon with one ring: no trace of the shared edge inside it.
    expect(geometry?.type).toBe('MultiPolygon');
    expect(geometry?.coordinates).toHaveLength(1);
    expect(geometry?.coordinates[0]).toHaveLength(1);
    // A closed ring around both squares.
    expect(geometry?.coordinates[0]?.[0]?.length).toBeGreaterThanOrEqual(6);
    const parts = decodeObject<Polygon>(topology, 'districts').filter((feature) => feature.properties?.code !== 'c');
    const sum = parts.reduce((total, feature) => total + geodesicAreaKm2(feature.geometry), 0);
    expect(geodesicAreaKm2(geometry as MultiPolygon)).toBeCloseTo(sum, 6);
  });

  it('keeps separate members as separate parts', () => {
    const topology = encodeTopology({ districts });
    const merged = dissolveMembers(topology, 'districts', (p) => p.code !== 'b');
    topology.objects.regions = { type: 'GeometryCollection', geometries: [{ ...merged, properties: {} }] };
    const [region] = decodeObject<MultiPolygon>(topology, 'regions');
    expect(region?.geometry.type).toBe('MultiPolygon');
    expect(region?.geometry.coordinates).toHaveLength(2);
  });

  it('fails when no feature is a member', () => {
    const topology = encodeTopology({ districts });
    expect(() => dissolveMembers(topology, 'districts', () => false)).toThrow('no members');
  });
});

describe('geodesicAreaKm2', () => {
  it('agrees with the exact ellipsoidal zone area for a small cell', () => {
    const cell: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [106, 29],
          [106.05, 29],
          [106.05, 29.05],
          [106, 29.05],
          [106, 29],
        ],
      ],
    };
    const expected = zoneAreaKm2(29, 29.05, 0.05);
    expect(Math.abs(geodesicAreaKm2(cell) - expected) / expected).toBeLessThan(1e-4);
  });

  it('subtracts holes', () => {
    const outer = [
      [106, 29],
      [106.1, 29],
      [106.1, 29.1],
      [106, 29.1],
      [106, 29],
    ];
    const hole = [
      [106.02, 29.02],
      [106.02, 29.04],
      [106.04, 29.04],
      [106.04, 29.02],
      [106.02, 29.02],
    ];
    const withHole = geodesicAreaKm2({ type: 'Polygon', coordinates: [outer, hole] });
    const without = geodesicAreaKm2({ type: 'Polygon', coordinates: [outer] });
    const holeArea = geodesicAreaKm2({ type: 'Polygon', coordinates: [hole] });
    expect(withHole).toBeCloseTo(without - holeArea, 9);
  });
});
