import { describe, expect, it } from 'vitest';
import { arcPath } from '../../scripts/content/arc';
import { joinContent } from '../../scripts/content/build-content';
import type { ContentInputs } from '../../scripts/content/inputs';
import { computeOutflowShares } from '../../scripts/content/outflow';
import { DataBuildError } from '../../scripts/geodata/errors';
import type { LngLat } from '../../src/types/atlas-data';
import { FILES, fixtureInputs, fixturePlaces } from './content-fixture';

/** Distance of p from the straight line a→b, in degrees (fine for a shape check). */
function offLine(p: LngLat, a: LngLat, b: LngLat): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  return Math.abs(dx * (a[1] - p[1]) - dy * (a[0] - p[0])) / Math.hypot(dx, dy);
}

describe('arcPath', () => {
  const from: LngLat = [108.74701, 31.1144];
  const to: LngLat = [106.64282, 29.60091];

  it('runs from the first point to the second in 16 points', () => {
    const path = arcPath(from, to);
    expect(path).toHaveLength(16);
    expect(path[0]).toEqual(from);
    expect(path[15]).toEqual(to);
  });

  it('bends gently: off the straight line, but by less than a quarter of its length', () => {
    const path = arcPath(from, to);
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    const bulge = Math.max(...path.map((point) => offLine(point, from, to)));
    expect(bulge).toBeGreaterThan(length * 0.05);
    expect(bulge).toBeLessThan(length * 0.25);
  });

  it('moves steadily towards the target', () => {
    const path = arcPath(from, to);
    const remaining = path.map((point) => Math.hypot(to[0] - point[0], to[1] - point[1]));
    for (let index = 1; index < remaining.length; index += 1) {
      expect(remaining[index]).toBeLessThan(remaining[index - 1] as number);
    }
  });
});

describe('computeOutflowShares', () => {
  const codes = fixturePlaces().districts.map((district) => district.code);

  function figureValue(inputs: ContentInputs, id: string): number {
    const value = inputs.figures.find((figure) => figure.id === id)?.value;
    if (typeof value !== 'number') throw new Error(`fixture figure ${id} has no value`);
    return value;
  }

  it('pairs a district’s resident and hukou figures as (hukou − resident) / hukou', () => {
    const inputs = fixtureInputs();
    const shares = computeOutflowShares(inputs.figures, codes, FILES.figures);
    const hukou = figureValue(inputs, 'hukou-2023-500101');
    const resident = figureValue(inputs, 'resident-2023-500101');
    expect(shares.map((share) => share.code)).toEqual(['500101']);
    expect(shares[0]?.year).toBe('2023');
    expect(shares[0]?.share).toBeCloseTo((hukou - resident) / hukou, 4);
    expect(shares[0]?.figures).toEqual(['resident-2023-500101', 'hukou-2023-500101', 'net-outflow-2023-500101']);
  });

  it('skips districts whose hukou value is null and never pairs a partial hukou count', () => {
    const inputs = fixtureInputs();
    const hukou = inputs.figures.find((figure) => figure.id === 'hukou-2023-500101');
    if (hukou) hukou.series = 'hukou-partial';
    expect(computeOutflowShares(inputs.figures, codes, FILES.figures)).toEqual([]);
  });

  it('uses the latest year that has a pair', () => {
    const inputs = fixtureInputs();
    const resident = inputs.figures.find((figure) => figure.id === 'resident-2023-500101');
    const hukou = inputs.figures.find((figure) => figure.id === 'hukou-2023-500101');
    if (!resident || !hukou) throw new Error('fixture changed');
    inputs.figures.push(
      { ...resident, id: 'resident-2021-500101', year: { zh: '2021', en: '2021' }, value: 100 },
      { ...hukou, id: 'hukou-2021-500101', year: { zh: '2021', en: '2021' }, value: 200 },
    );
    const [share] = computeOutflowShares(inputs.figures, codes, FILES.figures);
    expect(share?.year).toBe('2023');
    expect(share?.share).toBeCloseTo(
      ((hukou.value as number) - (resident.value as number)) / (hukou.value as number),
      4,
    );
  });

  it('fails on two resident figures for one district and year', () => {
    const inputs = fixtureInputs();
    const resident = inputs.figures.find((figure) => figure.id === 'resident-2023-500101');
    if (!resident) throw new Error('fixture changed');
    inputs.figures.push({ ...resident, id: 'resident-2023-500101-again' });
    expect(() => computeOutflowShares(inputs.figures, codes, FILES.figures)).toThrow(DataBuildError);
    expect(() => computeOutflowShares(inputs.figures, codes, FILES.figures)).toThrow(/resident-2023-500101-again/);
  });
});

describe('joinContent', () => {
  const innerPoints: Record<string, LngLat> = { '500101': [108.41, 30.75], '500154': [108.39, 31.25] };
  const geometry = {
    requested: [] as string[][],
    async innerPoint(codes: string[]): Promise<LngLat> {
      this.requested.push(codes);
      const point = innerPoints[codes.join()];
      if (!point) throw new Error(`no inner point for ${codes.join()}`);
      return point;
    },
  };

  it('joins the checked inputs into content and article texts', async () => {
    const inputs = fixtureInputs();
    const places = fixturePlaces();
    const { content, articles } = await joinContent(inputs, places, geometry, 'build-1', FILES);

    expect(content.buildId).toBe('build-1');
    expect(articles.buildId).toBe('build-1');
    expect(content.articles.map((article) => article.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(content.articles.every((article) => !('paragraphs' in article))).toBe(true);
    expect(articles.articles.map((article) => article.paragraphs)).toEqual(
      inputs.articles.articles.map((article) => article.paragraphs),
    );
    expect(content.passages).toEqual(inputs.passages);
    // The written figures, then three 2020 census figures per district made from the census table.
    expect(content.figures.slice(0, inputs.figures.length)).toEqual(inputs.figures);
    expect(content.figures.length).toBe(inputs.figures.length + 3 * inputs.census.length);
    expect(content.outflowShares.map((share) => share.code)).toEqual(['500101']);
  });

  it('draws each flow from the label of its source to the label of its target', async () => {
    const places = fixturePlaces();
    const { content } = await joinContent(fixtureInputs(), places, geometry, 'b', FILES);
    const [flow] = content.flows;
    const fromLabel = places.regions.find((region) => region.id === flow?.from)?.label;
    const toLabel = places.districts.find((district) => district.code === flow?.to)?.label;
    expect(flow?.path).toHaveLength(16);
    expect(flow?.path[0]).toEqual(fromLabel);
    expect(flow?.path.at(-1)).toEqual(toLabel);
  });

  it('places schematic anchors: sourced points as given, district anchors inside the districts', async () => {
    geometry.requested = [];
    const inputs = fixtureInputs();
    const { content } = await joinContent(inputs, fixturePlaces(), geometry, 'b', FILES);
    const node = content.schematic.find((feature) => feature.id === 'yuzhong-node');
    const line = content.schematic.find((feature) => feature.id === 'wanzhou-kaizhou-line');
    const sourced = inputs.schematic[0]?.anchors[0];
    expect(sourced && 'point' in sourced ? [sourced.point] : null).toEqual(node?.coordinates);
    expect(line?.coordinates).toEqual([innerPoints['500101'], innerPoints['500154']]);
    expect(geometry.requested).toEqual([['500101'], ['500154']]);
    expect(content.schematic.every((feature) => !('anchors' in feature))).toBe(true);
  });

  it('refuses to join content that fails a check', async () => {
    const inputs = fixtureInputs();
    if (inputs.passages[0]) inputs.passages[0].quote = '不在文中的话';
    await expect(joinContent(inputs, fixturePlaces(), geometry, 'b', FILES)).rejects.toThrow(/a1-yuzhong/);
  });
});
