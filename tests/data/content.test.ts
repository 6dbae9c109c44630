/**
 * The real content (geodata/content/) against the page, the facts file and the built
 * places (src/generated, from `npm run data`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build-content';
import { checkContent } from '../../scripts/content/check-content';
import { REGIONS_NEEDING_PASSAGES } from '../../scripts/content/check-references';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';
import { withoutWhitespace } from '../../scripts/content/text';
import { dissolveMembers, innerPoints } from '../../scripts/geodata/topology';
import { LAYER_IDS } from '../../src/layers/registry';
import type { LngLat, PlacesData } from '../../src/types/atlas-data';
import {
  ARTICLE_IDS,
  type ArticlesData,
  type ContentData,
  type Figure,
  type FigureSeries,
  YEAR_WITHOUT_WORDS,
} from '../../src/types/content';

const CONTENT_DIR = resolve('geodata/content');
const files = contentFileNames(CONTENT_DIR);
const places = JSON.parse(readFileSync(resolve('src/generated/places.json'), 'utf8')) as PlacesData;
const topology = JSON.parse(readFileSync(resolve('src/generated/atlas.topo.json'), 'utf8')) as Topology;
const inputs: ContentInputs = readContentInputs(files);
const factsText = readFileSync(files.facts, 'utf8');

type Areal = Polygon | MultiPolygon;

function unionOf(codes: string[]): Feature<Areal> {
  const merged = dissolveMembers(topology, 'districts', (properties) => codes.includes(String(properties.code)));
  // With properties, mapshaper answers with a FeatureCollection (without, a bare GeometryCollection).
  return { ...(topologyFeature(topology, merged) as Feature<Areal>), properties: { codes: codes.join(' ') } };
}

/** The real geometry the data build would pass: a point well inside the union of the districts. */
const geometry = {
  async innerPoint(codes: string[]): Promise<LngLat> {
    const points = await innerPoints([unionOf(codes)]);
    return points.features[0]?.geometry.coordinates as LngLat;
  },
};

/** The facts file's §2 row for a district, as printed. */
function factsRow(code: string): string[] {
  const line = factsText.split('\n').find((row) => row.startsWith(`| ${code} |`) && row.split('|').length > 10);
  if (!line) throw new Error(`facts §2 has no row for ${code}`);
  return line.split('|').map((cell) => cell.trim());
}

function populationFigure(code: string, series: FigureSeries, year: string): Figure | undefined {
  return inputs.figures.find(
    (figure) =>
      figure.series === series && figure.year.en === year && figure.places.length === 1 && figure.places[0] === code,
  );
}

const articleBodies = new Map(
  inputs.articles.articles.map((article) => [article.id, withoutWhitespace(article.paragraphs.join(''))]),
);
const knownPlaces = new Set([...places.districts.map((d) => d.code), ...places.regions.map((r) => r.id)]);

describe('articles and quotes', () => {
  it('passes every content check of the build', () => {
    expect(() => checkContent(inputs, places, files)).not.toThrow();
  });

  it('has four articles whose text, whitespace removed, is a substring of the page', () => {
    const page = withoutWhitespace(inputs.page);
    expect([...articleBodies.keys()]).toEqual([...ARTICLE_IDS]);
    for (const [id, body] of articleBodies) {
      expect(body.length, id).toBeGreaterThan(1000);
      expect(page.includes(body), `${id} is not on the page`).toBe(true);
    }
  });

  it('prints no title for article 4 and marks its topic as the project’s own', () => {
    const a4 = inputs.articles.articles.find((article) => article.id === 'a4');
    expect(a4?.titleZh).toBeNull();
    expect(a4?.titleEn).toBeNull();
    expect(a4?.topic.en).toMatch(/topic/i);
    expect(a4?.topic.zh).toContain('主题');
    expect(inputs.articles.pageHeading).toBe('深入学习贯彻市委六届七次全会精神');
    expect(inputs.articles.articles.map((article) => article.titleZh)).not.toContain(inputs.articles.pageHeading);
  });

  it('quotes every passage from its article', () => {
    for (const passage of inputs.passages) {
      const body = articleBodies.get(passage.article) ?? '';
      expect(body.includes(withoutWhitespace(passage.quote)), `${passage.id}: "${passage.quote}"`).toBe(true);
    }
  });
});

describe('passages', () => {
  it('has at least 40 passages, each with a place, layers and figures that exist', () => {
    const figureIds = new Set(inputs.figures.map((figure) => figure.id));
    expect(inputs.passages.length).toBeGreaterThanOrEqual(40);
    for (const passage of inputs.passages) {
      expect(passage.places.length, passage.id).toBeGreaterThan(0);
      for (const place of passage.places) expect(knownPlaces.has(place), `${passage.id}: ${place}`).toBe(true);
      for (const layer of passage.layers) expect(LAYER_IDS, `${passage.id}: ${layer}`).toContain(layer);
      for (const id of passage.figures) expect(figureIds.has(id), `${passage.id}: ${id}`).toBe(true);
      expect(passage.translationEn.length, passage.id).toBeGreaterThan(10);
    }
  });

  it('gives each promised region at least one passage, and reports the counts', () => {
    const perArticle = Object.fromEntries(
      ARTICLE_IDS.map((id) => [id, inputs.passages.filter((p) => p.article === id).length]),
    );
    const perRegion = Object.fromEntries(
      places.regions.map((region) => {
        const named = inputs.passages.filter((p) => p.places.includes(region.id)).length;
        const withMembers = inputs.passages.filter(
          (p) => p.places.includes(region.id) || p.places.some((place) => region.members.includes(place)),
        ).length;
        return [region.id, { named, namedOrMemberDistrict: withMembers }];
      }),
    );
    console.log(`passages: ${inputs.passages.length}`, perArticle);
    console.table(perRegion);
    for (const region of REGIONS_NEEDING_PASSAGES) {
      expect(perRegion[region]?.named, region).toBeGreaterThanOrEqual(1);
    }
    expect(Object.values(perArticle).reduce((sum, count) => sum + count, 0)).toBe(inputs.passages.length);
  });

  it('gives Wanzhou the Wan-Kai-Yun passage about Tiefeng Mountain and its figures', () => {
    const tiefengshan = inputs.passages.filter(
      (p) => p.places.includes('500101') && p.layers.includes('wan-kai-yun') && p.quote.includes('铁峰山'),
    );
    expect(tiefengshan.map((p) => p.id)).toEqual(['a4-tiefengshan-road']);
    expect(tiefengshan[0]?.places).toContain('500154');
    const wanzhouFigures = inputs.figures.filter((figure) => figure.places.includes('500101'));
    expect(wanzhouFigures.length).toBeGreaterThanOrEqual(1);
    expect(populationFigure('500101', 'resident', '2023')?.value).toBe(154.59);
    expect(populationFigure('500101', 'hukou', '2023')?.value).toBe(169.92);
  });
});

describe('figures', () => {
  it('gives every figure its year in Chinese: no English words on the Chinese page', () => {
    const raw = JSON.parse(readFileSync(files.figures, 'utf8')) as Array<{ id: string; year: unknown }>;
    const worded = raw.filter((figure) => typeof figure.year !== 'string');
    // "2021 (plan)", "current (source undated)" and the like: each is given in both languages.
    expect(worded.length).toBeGreaterThanOrEqual(9);
    for (const figure of inputs.figures) {
      expect(figure.year.zh, figure.id).not.toMatch(/[A-Za-z]/);
      expect(figure.year.en, figure.id).not.toMatch(/\p{Script=Han}/u);
      if (!YEAR_WITHOUT_WORDS.test(figure.year.en)) expect(figure.year.zh, figure.id).toMatch(/\p{Script=Han}/u);
    }
    expect(inputs.figures.find((figure) => figure.year.en === '2021 (plan)')?.year.zh).toBe('2021年（规划）');
  });

  it('gives every figure a source: a passage of its article, or a facts key and section', () => {
    const passages = new Map(inputs.passages.map((p) => [p.id, p]));
    for (const figure of inputs.figures) {
      const { source } = figure;
      if (source.kind === 'article') {
        expect(passages.get(source.passage)?.article, figure.id).toBe(source.article);
      } else if (source.kind === 'facts') {
        expect(source.key, figure.id).toMatch(/^(NOT FOUND|\[[A-Za-z0-9]+\]( \[[A-Za-z0-9]+\])*)$/);
        expect(source.section, figure.id).toMatch(/^§\d/);
      }
    }
    console.log(
      `figures: ${inputs.figures.length}, of which no data (null): ${inputs.figures.filter((f) => f.value === null).length}`,
    );
  });

  it.each([
    ['500104', 'resident', '2023', 7, '大渡口 2023 resident'],
    ['500115', 'hukou', '2023', 8, '长寿 2023 hukou'],
    ['500103', 'hukou', '2023', 8, '渝中 2023 hukou'],
    ['500229', 'resident', '2023', 7, '城口 2023 resident'],
  ] as const)('records %s %s (%s) as null where the facts row says NOT FOUND', (code, series, year, column, label) => {
    expect(factsRow(code)[column], label).toMatch(/NOT FOUND/);
    const figure = populationFigure(code, series, year);
    expect(figure, label).toBeDefined();
    expect(figure?.value, label).toBeNull();
  });

  it('records every NOT FOUND cell of the §2 table as a null figure', () => {
    const columns = [
      [6, 'census', '2020-11-01'],
      [7, 'resident', '2023'],
      [8, 'hukou', '2023'],
    ] as const;
    let notFound = 0;
    for (const district of places.districts) {
      const row = factsRow(district.code);
      for (const [column, series, year] of columns) {
        if (!/NOT FOUND/.test(row[column] ?? '')) continue;
        notFound += 1;
        const figure = populationFigure(district.code, series, year);
        // A census count the facts table lacks may come from the census table by county instead.
        if (figure?.source.kind === 'facts' && figure.source.key === '[N1]') {
          expect(figure.value, `${district.code} ${series}`).toBeGreaterThan(0);
        } else {
          expect(figure?.value, `${district.code} ${series}`).toBeNull();
        }
      }
    }
    expect(notFound).toBeGreaterThan(30);
  });

  it('gives Zhongxian and Yunyang the census table’s counts, which the facts table lacks', () => {
    expect(factsRow('500233')[6]).toMatch(/NOT FOUND/);
    expect(populationFigure('500233', 'census', '2020-11-01')?.value).toBe(720976);
    expect(populationFigure('500235', 'census', '2020-11-01')?.value).toBe(929034);
    const remainder = inputs.figures.find((figure) => figure.id === 'census-2020-zhong-yunyang-remainder');
    expect(remainder?.value).toBe(720976 + 929034);
  });

  it('has a census figure for each of the 38 districts', () => {
    for (const district of places.districts) {
      expect(populationFigure(district.code, 'census', '2020-11-01'), district.code).toBeDefined();
    }
  });

  it('sums region census totals from their members', () => {
    const byId = new Map(inputs.figures.map((figure) => [figure.id, figure]));
    for (const id of ['central-urban', 'western', 'eastern-new-city', 'metropolitan', 'southeast']) {
      const total = inputs.figures.find(
        (figure) => figure.series === 'census' && figure.places.length === 1 && figure.places[0] === id,
      );
      const region = places.regions.find((entry) => entry.id === id);
      const members = region?.members.map((code) => populationFigure(code, 'census', '2020-11-01')?.value) ?? [];
      expect(
        members.every((value) => typeof value === 'number'),
        id,
      ).toBe(true);
      expect(total?.value, id).toBe(members.reduce((sum: number, value) => sum + (value as number), 0));
      expect([...(total?.derived?.inputs ?? [])].sort(), id).toEqual(
        (region?.members ?? []).map((code) => populationFigure(code, 'census', '2020-11-01')?.id).sort(),
      );
    }
    const remainder = byId.get('census-2020-zhong-yunyang-remainder');
    const municipal = byId.get('census-2020-chongqing')?.value as number;
    const others = places.districts
      .filter((district) => !['500233', '500235'].includes(district.code))
      .map((district) => populationFigure(district.code, 'census', '2020-11-01')?.value)
      .filter((value): value is number => typeof value === 'number');
    expect(others).toHaveLength(36);
    expect(remainder?.value).toBe(municipal - others.reduce((sum, value) => sum + value, 0));
  });

  it('derives the Wan-Kai-Yun 2023 totals the facts file states (§1.8)', () => {
    const value = (id: string) => inputs.figures.find((figure) => figure.id === id)?.value;
    const members = ['500101', '500154', '500235'];
    const resident = members.reduce(
      (sum, code) => sum + (populationFigure(code, 'resident', '2023')?.value ?? Number.NaN),
      0,
    );
    const hukou = members.reduce(
      (sum, code) => sum + (populationFigure(code, 'hukou', '2023')?.value ?? Number.NaN),
      0,
    );
    expect(value('wan-kai-yun-resident-2023')).toBeCloseTo(resident, 2);
    expect(value('wan-kai-yun-hukou-2023')).toBeCloseTo(hukou, 2);
    expect(value('wan-kai-yun-net-outflow-2023')).toBeCloseTo(hukou - resident, 2);
    expect(value('wan-kai-yun-net-outflow-share-2023')).toBeCloseTo(((hukou - resident) / hukou) * 100, 1);
    expect(factsText).toContain(
      `**${value('wan-kai-yun-net-outflow-2023')}万 (${value('wan-kai-yun-net-outflow-share-2023')}% of hukou)**`,
    );
  });

  it('keeps Qijiang’s hukou count (without Wansheng) out of every outflow', () => {
    const qijiang = populationFigure('500110', 'hukou-partial', '2023');
    expect(factsRow('500110')[8]).toMatch(/not comparable/);
    expect(qijiang?.value).toBe(89.9397);
    expect(populationFigure('500110', 'hukou', '2023')).toBeUndefined();
    expect(inputs.figures.some((figure) => figure.derived?.inputs.includes(qijiang?.id ?? ''))).toBe(false);
  });
});

describe('the joined content', () => {
  let content: ContentData;
  let articles: ArticlesData;

  beforeAll(async () => {
    ({ content, articles } = await buildContent(CONTENT_DIR, places, geometry, places.buildId));
  });

  it('keeps the article texts out of content.json and in articles.json', () => {
    expect(content.articles).toHaveLength(4);
    expect(JSON.stringify(content)).not.toContain(inputs.articles.articles[0]?.paragraphs[0] ?? '');
    expect(articles.articles.map((article) => article.paragraphs.length)).toEqual(
      inputs.articles.articles.map((article) => article.paragraphs.length),
    );
  });

  it('computes outflow shares from the resident and hukou figures', () => {
    const wanzhou = content.outflowShares.find((share) => share.code === '500101');
    const resident = populationFigure('500101', 'resident', '2023')?.value as number;
    const hukou = populationFigure('500101', 'hukou', '2023')?.value as number;
    expect(wanzhou?.share).toBeCloseTo((hukou - resident) / hukou, 4);
    expect(content.outflowShares.map((share) => share.code)).not.toContain('500110');
    // The derived share figure (1 decimal, %) and the computed share (4 decimals) agree to rounding.
    for (const share of content.outflowShares) {
      const derived = inputs.figures.find((f) => f.series === 'net-outflow-share' && f.places[0] === share.code);
      expect(Math.abs((derived?.value ?? Number.NaN) - share.share * 100), share.code).toBeLessThanOrEqual(0.06);
    }
  });

  it('draws flow arrows between the label points of their places', () => {
    const labels = new Map<string, LngLat>([
      ...places.districts.map((d): [string, LngLat] => [d.code, d.label]),
      ...places.regions.map((r): [string, LngLat] => [r.id, r.label]),
    ]);
    expect(content.flows.length).toBeGreaterThanOrEqual(6);
    for (const flow of content.flows) {
      expect(flow.path.length, flow.id).toBeGreaterThanOrEqual(12);
      expect(flow.path[0], flow.id).toEqual(labels.get(flow.from));
      expect(flow.path.at(-1), flow.id).toEqual(labels.get(flow.to));
    }
  });

  it('puts schematic district anchors inside their districts', () => {
    for (const feature of inputs.schematic) {
      const resolved = content.schematic.find((entry) => entry.id === feature.id);
      expect(resolved?.coordinates, feature.id).toHaveLength(feature.anchors.length);
      feature.anchors.forEach((anchor, index) => {
        const point = resolved?.coordinates[index] as LngLat;
        if ('districts' in anchor) {
          expect(booleanPointInPolygon(point, unionOf(anchor.districts)), `${feature.id} #${index}`).toBe(true);
        } else {
          expect(point).toEqual(anchor.point);
        }
      });
    }
    const required = ['science-corridor-link', 'tiefengshan-wanzhou-kaizhou-link', 'yuzhong-peninsula'];
    for (const id of required) expect(content.schematic.map((feature) => feature.id)).toContain(id);
  });
});
