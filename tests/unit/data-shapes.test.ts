/**
 * The shape checks of the data files: the real generated files pass (run `npm run data`
 * first); each broken variant is rejected with the path of the bad value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticles, checkContent, checkPlaces, checkTopology } from '../../src/data/data-shapes';
import { ShapeError } from '../../src/data/shape';
import { SOURCE_KINDS } from '../../src/types/content';

// biome-ignore lint/suspicious/noExplicitAny: the broken variants put values of the wrong type on purpose
type Loose = any;

const generated = (file: string): Loose =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/generated', file), 'utf8'));

/** A copy of `data` with `edit` applied to it. */
function broken<T>(data: T, edit: (copy: Loose) => void): T {
  const copy = structuredClone(data);
  edit(copy);
  return copy;
}

/** The message of the ShapeError `check` throws for `data`. */
function rejection(check: (data: unknown) => void, data: unknown): string {
  try {
    check(data);
  } catch (error) {
    if (error instanceof ShapeError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('the generated data files', () => {
  it.each([
    ['atlas.topo.json', checkTopology],
    ['atlas-overview.topo.json', checkTopology],
    ['places.json', checkPlaces],
    ['content.json', checkContent],
    ['articles.json', checkArticles],
  ])('%s has the shape the app reads', (file, check) => {
    expect(() => check(generated(file))).not.toThrow();
  });
});

describe('places.json of the wrong shape', () => {
  const places = generated('places.json');
  it.each([
    [
      'regions[].members not an array',
      (d: Loose) => (d.regions[2].members = 'x'),
      'regions[2].members: expected an array',
    ],
    ['a member not a string', (d: Loose) => (d.regions[0].members[1] = 7), 'regions[0].members[1]: expected a string'],
    [
      'a label of one number',
      (d: Loose) => (d.districts[4].label = [106]),
      'districts[4].label: expected an array of 2 numbers',
    ],
    ['an area as a string', (d: Loose) => (d.districts[0].areaKm2 = '12'), 'districts[0].areaKm2: expected a number'],
    [
      'an unknown district type',
      (d: Loose) => (d.districts[1].type = 'city'),
      'districts[1].type: expected one of district, county, autonomous_county',
    ],
    ['no districts', (d: Loose) => (d.districts = []), 'districts: expected at least 1 item'],
    ['a province without a name', (d: Loose) => delete d.provinces[0].nameEn, 'provinces[0].nameEn: expected a string'],
    ['attribution as text', (d: Loose) => (d.attribution = 'AutoNavi'), 'attribution: expected an array'],
  ])('rejects %s', (_, edit, message) => {
    expect(rejection(checkPlaces, broken(places, edit))).toBe(message);
  });
  it('rejects a file that is not an object', () => {
    expect(rejection(checkPlaces, [])).toBe('(top level): expected an object');
  });
});

describe('content.json of the wrong shape', () => {
  const content = generated('content.json');
  it.each([
    ['passages as numbers', (d: Loose) => (d.passages = [1, 2]), 'passages[0]: expected an object'],
    ['a quote as a number', (d: Loose) => (d.passages[3].quote = 3), 'passages[3].quote: expected a string'],
    ['an unknown layer', (d: Loose) => (d.passages[0].layers = ['roads']), 'passages[0].layers[0]: expected one of'],
    ['figures as strings', (d: Loose) => (d.figures = ['12']), 'figures[0]: expected an object'],
    ['a figure value as a string', (d: Loose) => (d.figures[2].value = '15.3'), 'figures[2].value: expected a number'],
    [
      'a figure source of no known kind',
      (d: Loose) => (d.figures[0].source = { kind: 'web' }),
      'figures[0].source.kind: expected one of article, facts, table',
    ],
    [
      'a source of no known kind',
      (d: Loose) => (d.sources[1].kind = 'blog'),
      `sources[1].kind: expected one of ${SOURCE_KINDS.join(', ')}`,
    ],
    [
      'a flow neither observed nor proposed',
      (d: Loose) => (d.flows[0].basis = 'likely'),
      'flows[0].basis: expected one of observed, proposed',
    ],
    [
      'a renamed passage id as a number',
      (d: Loose) => (d.renamedPassages.x = 3),
      'renamedPassages.x: expected a string',
    ],
    [
      'a flow path of one point',
      (d: Loose) => (d.flows[0].path = [[106, 29]]),
      'flows[0].path: expected at least 2 items',
    ],
    [
      'a schematic kind unknown',
      (d: Loose) => (d.schematic[0].kind = 'area'),
      'schematic[0].kind: expected one of node, line',
    ],
    [
      'a schematic coordinate as text',
      (d: Loose) => (d.schematic[1].coordinates[0] = '106,29'),
      'schematic[1].coordinates[0]: expected an array of 2 numbers',
    ],
    [
      'an article without authors',
      (d: Loose) => delete d.articles[1].authorsEn,
      'articles[1].authorsEn: expected an array',
    ],
    ['outflow shares as an object', (d: Loose) => (d.outflowShares = {}), 'outflowShares: expected an array'],
  ])('rejects %s', (_, edit, message) => {
    expect(rejection(checkContent, broken(content, edit))).toContain(message);
  });
});

describe('articles.json and the topologies of the wrong shape', () => {
  it('rejects a paragraph that is not text', () => {
    const articles = broken(generated('articles.json'), (d: Loose) => (d.articles[0].paragraphs[2] = null));
    expect(rejection(checkArticles, articles)).toBe('articles[0].paragraphs[2]: expected a string');
  });
  it('rejects a topology without its districts', () => {
    const topology = broken(generated('atlas-overview.topo.json'), (d: Loose) => delete d.objects.districts);
    expect(rejection(checkTopology, topology)).toBe('objects.districts: expected an object');
  });
  it('rejects a topology whose geometries are not a list', () => {
    const topology = broken(generated('atlas-overview.topo.json'), (d: Loose) => (d.objects.rivers.geometries = {}));
    expect(rejection(checkTopology, topology)).toBe('objects.rivers.geometries: expected an array');
  });
  it('rejects an arc that is not a list of points', () => {
    const topology = broken(generated('atlas-overview.topo.json'), (d: Loose) => (d.arcs[5] = 0));
    expect(rejection(checkTopology, topology)).toBe('arcs[5]: expected an array');
  });
});
