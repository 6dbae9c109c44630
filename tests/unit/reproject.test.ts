import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../scripts/geodata/reproject';
import { wgs84ToGcj02 } from '../support/geo';

const collection = (points: Array<[number, number]>): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: points.map((coordinates) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates },
  })),
});

// Known GCJ-02 points: Jiefangbei (Chongqing), Wanzhou, Qianjiang and a corner of the municipality.
const GCJ_POINTS: Array<[number, number]> = [
  [106.5814, 29.5547],
  [108.4074, 30.8169],
  [108.7814, 29.528],
  [105.29, 28.17],
];

describe('toWgs84', () => {
  it('inverts GCJ-02: the independent forward transform of the result gives back the input', () => {
    const result = toWgs84(collection(GCJ_POINTS), 'GCJ-02');
    result.features.forEach((feature, index) => {
      const back = wgs84ToGcj02(feature.geometry.coordinates as [number, number]);
      const input = GCJ_POINTS[index] as [number, number];
      expect(Math.abs(back[0] - input[0])).toBeLessThan(2e-6);
      expect(Math.abs(back[1] - input[1])).toBeLessThan(2e-6);
    });
  });

  it('removes the documented offset in Chongqing: GCJ-02 lies about 480 m east-south-east of WGS84', () => {
    const [gcj] = GCJ_POINTS as [[number, number]];
    const [wgs] = toWgs84(collection([gcj]), 'GCJ-02').features;
    const [lng, lat] = (wgs as NonNullable<typeof wgs>).geometry.coordinates as [number, number];
    const east = (gcj[0] - lng) * 111_320 * Math.cos((lat * Math.PI) / 180);
    const north = (gcj[1] - lat) * 110_574;
    expect(east).toBeGreaterThan(300);
    expect(east).toBeLessThan(420);
    expect(north).toBeLessThan(-250);
    expect(north).toBeGreaterThan(-380);
    expect(Math.hypot(east, north)).toBeGreaterThan(420);
    expect(Math.hypot(east, north)).toBeLessThan(540);
  });

  it('returns WGS84 input unchanged, as a copy', () => {
    const input = collection(GCJ_POINTS);
    const output = toWgs84(input, 'WGS84');
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });

  it('does not touch its input', () => {
    const input = collection(GCJ_POINTS);
    const before = JSON.stringify(input);
    toWgs84(input, 'GCJ-02');
    expect(JSON.stringify(input)).toBe(before);
  });
});
