/**
 * The open data files (dist/data/) agree with content.json and places.json row for row, parse
 * with a real CSV parser, and are valid W3C Web Annotations and GeoJSON. The writer runs into a
 * temporary folder, from src/generated/ (run `npm run data` first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import * as geojsonValidation from 'geojson-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { PlaceIndex } from '../../src/data/place-index';
import { OPEN_DATA_FILES } from '../../src/open-data/catalogue';
import { PASSAGE_COLUMNS } from '../../src/open-data/passage-table';
import type { PlacesData } from '../../src/types/atlas-data';
import type { ArticlesData, ContentData } from '../../src/types/content';

const root = resolve(import.meta.dirname, '../..');
const generated = (name: string) => JSON.parse(readFileSync(join(root, 'src/generated', name), 'utf8'));
const content = generated('content.json') as ContentData;
const placesData = generated('places.json') as PlacesData;
const articles = generated('articles.json') as ArticlesData;
const places = new PlaceIndex(placesData);
const index = new ContentIndex(content, places);

let folder: string;
const file = (name: string) => readFileSync(join(folder, 'data', name), 'utf8');
const csv = (name: string): Array<Record<string, string>> => {
  const text = file(name);
  expect(text.startsWith('\uFEFF'), `${name} starts with a BOM`).toBe(true);
  return parse(text, { bom: true, columns: true, skip_empty_lines: false, relax_column_count: false });
};
const list = (cell: string | undefined) => (cell ? cell.split(';') : []);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'open-data-'));
  execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/open-data/write.ts', folder], { cwd: root });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('datapackage.json', () => {
  it('describes every file with its size, media type, licences and sources', () => {
    const pkg = JSON.parse(file('datapackage.json'));
    expect(pkg.resources.map((entry: { path: string }) => entry.path)).toEqual(OPEN_DATA_FILES.map((f) => f.path));
    for (const resource of pkg.resources) {
      expect(resource.bytes, resource.path).toBe(statSync(join(folder, 'data', resource.path)).size);
      expect(resource.title && resource.format && resource.mediatype, resource.path).toBeTruthy();
      expect(resource.licenses.length, resource.path).toBeGreaterThan(0);
      for (const licence of resource.licenses) expect(licence.name && licence.title, resource.path).toBeTruthy();
      expect(resource.sources.length, resource.path).toBeGreaterThan(0);
    }
    const boundaries = pkg.resources.find((entry: { path: string }) => entry.path === 'places.geojson');
    expect(JSON.stringify(boundaries.licenses)).toMatch(/not openly licensed/);
    expect(JSON.stringify(boundaries.licenses)).toMatch(/审图号/);
  });

  it('gives each CSV the columns its header has, with types', () => {
    const pkg = JSON.parse(file('datapackage.json'));
    for (const resource of pkg.resources.filter((entry: { format: string }) => entry.format === 'csv')) {
      const header = parse(file(resource.path), { bom: true, to_line: 1 })[0];
      expect(
        resource.schema.fields.map((field: { name: string }) => field.name),
        resource.path,
      ).toEqual(header);
      for (const field of resource.schema.fields) expect(field.type, `${resource.path} ${field.name}`).toBeTruthy();
    }
  });
});

describe('passages', () => {
  it('passages.csv has one row a passage, in content.json’s order, with its words and places', () => {
    const rows = csv('passages.csv');
    expect(rows.map((row) => row.id)).toEqual(content.passages.map((passage) => passage.id));
    content.passages.forEach((passage, at) => {
      const row = rows[at] as Record<string, string>;
      const article = content.articles.find((entry) => entry.id === passage.article);
      expect(row.article).toBe(passage.article);
      expect(row.quote).toBe(passage.quote);
      expect(row.translation_en).toBe(passage.translationEn);
      expect(row.title_zh).toBe(article?.titleZh ?? '');
      expect(list(row.authors_zh)).toEqual(article?.authorsZh);
      expect(list(row.place_ids)).toEqual(passage.places);
      expect(list(row.place_names_zh)).toEqual(passage.places.map((id) => places.name(id, 'zh')));
      expect(list(row.place_names_en)).toEqual(passage.places.map((id) => places.name(id, 'en')));
      expect(list(row.layers)).toEqual(passage.layers);
      expect(list(row.figure_ids)).toEqual(passage.figures);
    });
  });

  it('passages.json holds the same rows as passages.csv', () => {
    const json = JSON.parse(file('passages.json')) as Array<Record<string, string | string[] | null>>;
    const rows = csv('passages.csv');
    expect(json).toHaveLength(rows.length);
    json.forEach((entry, at) => {
      for (const column of PASSAGE_COLUMNS) {
        const value = entry[column.name];
        const cell = Array.isArray(value) ? value.join(';') : (value ?? '');
        expect(cell, `${entry.id} ${column.name}`).toBe(rows[at]?.[column.name]);
      }
    });
  });
});

describe('annotations.jsonld', () => {
  const bodies = new Map(
    articles.articles.map((article) => [article.id, article.paragraphs.join('').replace(/\s+/g, '')]),
  );

  it('is an AnnotationCollection of one annotation a passage, with the required fields', () => {
    const collection = JSON.parse(file('annotations.jsonld'));
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    expect(collection.total).toBe(content.passages.length);
    expect(items).toHaveLength(content.passages.length);
    content.passages.forEach((passage, at) => {
      const annotation = items[at];
      expect(annotation.id).toBe(`#${passage.id}`);
      expect(annotation.type).toBe('Annotation');
      expect(annotation.motivation).toBeTruthy();
      const places = annotation.body.filter((body: { type: string }) => body.type === 'SpecificResource');
      expect(places.map((body: { identifier: string }) => body.identifier)).toEqual(passage.places);
      for (const body of places) {
        expect(body.purpose).toBe('identifying');
        expect(body.source.id).toContain(encodeURIComponent(body.identifier));
      }
      const text = annotation.body.filter((body: { type: string }) => body.type === 'TextualBody');
      expect(text).toEqual([
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: passage.translationEn,
          format: 'text/plain',
          language: 'en',
        },
      ]);
      const { target } = annotation;
      expect(target.source.id).toBe(`#article-${passage.article}`);
      expect(target.source.isPartOf.publisher).toMatch(/重庆日报/);
      expect(target.source.creator.length).toBeGreaterThan(0);
      const { selector } = target;
      expect(selector.type).toBe('TextQuoteSelector');
      expect(selector.exact).toBe(passage.quote.replace(/\s+/g, ''));
      // The selector's three parts, joined, are a run of the article's body (whitespace removed).
      const body = bodies.get(passage.article) ?? '';
      const run = `${selector.prefix ?? ''}${selector.exact}${selector.suffix ?? ''}`;
      expect(body.includes(run), passage.id).toBe(true);
      if (!body.startsWith(selector.exact)) expect(selector.prefix?.length, passage.id).toBeGreaterThan(0);
      if (!body.endsWith(selector.exact)) expect(selector.suffix?.length, passage.id).toBeGreaterThan(0);
    });
  });
});

describe('figures.csv and sources.csv', () => {
  it('figures.csv has every figure with its value and its sources resolved', () => {
    const rows = csv('figures.csv');
    expect(rows.map((row) => row.id)).toEqual(content.figures.map((figure) => figure.id));
    content.figures.forEach((figure, at) => {
      const row = rows[at] as Record<string, string>;
      expect(row.value === '' ? null : Number(row.value), figure.id).toBe(figure.value);
      expect(row.unit).toBe(figure.unit);
      expect(row.measure_en).toBe(figure.measure.en);
      expect(list(row.place_ids)).toEqual(figure.places);
      const key = figure.source.kind === 'article' ? '[A]' : figure.source.key;
      expect(row.source_key).toBe(key);
      const sources = index.sourcesOf(key).map((source) => source.entry);
      expect(row.source_title, figure.id).toBe(sources.map((entry) => entry.title).join(' | '));
      expect(row.source_url, figure.id).toBe(sources.length ? sources.map((entry) => entry.url ?? '').join(' | ') : '');
    });
  });

  it('sources.csv is the source list', () => {
    const rows = csv('sources.csv');
    expect(rows).toEqual(
      content.sources.map((entry) => ({
        key: entry.key,
        title: entry.title,
        publisher: entry.publisher,
        url: entry.url ?? '',
        date: entry.date ?? '',
        kind: entry.kind,
        copy: String(entry.copy),
      })),
    );
  });
});

describe('places.geojson', () => {
  it('is valid GeoJSON with the 38 units and the regions, their names, areas and passage counts', () => {
    const collection = JSON.parse(file('places.geojson')) as FeatureCollection & { metadata: { licence: string } };
    expect(geojsonValidation.valid(collection, true)).toEqual([]);
    expect(collection.metadata.licence).toMatch(/not openly licensed/);
    const districts = collection.features.filter((feature) => feature.properties?.kind === 'district');
    expect(districts).toHaveLength(38);
    expect(districts.map((feature) => feature.id).sort()).toEqual(placesData.districts.map((d) => d.code).sort());
    for (const feature of collection.features) {
      const id = String(feature.id);
      const info = placesData.districts.find((d) => d.code === id) ?? placesData.regions.find((r) => r.id === id);
      expect(info, id).toBeDefined();
      expect(feature.properties?.nameZh).toBe(info?.nameZh);
      expect(feature.properties?.nameEn).toBe(info?.nameEn);
      expect(feature.properties?.areaKm2).toBe(info?.areaKm2);
      expect(feature.properties?.passageCount, id).toBe(index.passagesAbout(id).length);
      // WGS84 longitude first (RFC 7946): Chongqing lies at 105–111° E, 28–33° N.
      const [lng, lat] = ((feature.geometry as { coordinates: unknown[] }).coordinates.flat(4) as number[]).slice(0, 2);
      expect(lng).toBeGreaterThan(105);
      expect(lat).toBeLessThan(33);
    }
    expect(collection.features.some((feature) => feature.properties?.kind === 'region')).toBe(true);
  });
});
