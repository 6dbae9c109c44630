/**
 * The 2020 census by county (geodata/content/sources/census-2020-county-hukou.csv): the
 * published totals, agreement with the facts table, and the figures it gives every district.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCensusTable } from '../../scripts/content/census';
import type { PlacesData } from '../../src/types/atlas-data';
import { loadContent } from '../support/artifacts';

const file = resolve('geodata/content/sources/census-2020-county-hukou.csv');
const rows = parseCensusTable(readFileSync(file, 'utf8'), file);
const places = JSON.parse(readFileSync(resolve('src/generated/places.json'), 'utf8')) as PlacesData;
const facts = readFileSync(resolve('geodata/content/sources/chongqing-facts.md'), 'utf8');

describe('the 2020 census by county', () => {
  it('has the 38 districts, summing to the census total of 32,054,159', () => {
    expect(rows.map((row) => row.code).sort()).toEqual(places.districts.map((district) => district.code).sort());
    expect(rows.reduce((sum, row) => sum + row.resident, 0)).toBe(32_054_159);
  });

  it('gives the published urban share of 69.46 % when weighted by residents', () => {
    const total = rows.reduce((sum, row) => sum + row.resident, 0);
    const urban = rows.reduce((sum, row) => sum + row.resident * row.urbanShare, 0) / total;
    expect((urban * 100).toFixed(2)).toBe('69.46');
  });

  it('agrees with every resident count the facts table has', () => {
    let compared = 0;
    for (const row of rows) {
      const line = facts.split('\n').find((text) => text.startsWith(`| ${row.code} |`) && text.split('|').length > 10);
      const cell = line?.split('|')[6]?.trim() ?? '';
      const match = cell.replace(/\*\*/g, '').match(/^([\d,]+)/);
      if (!match?.[1]) continue;
      compared += 1;
      expect(Number(match[1].replace(/,/g, '')), row.code).toBe(row.resident);
    }
    expect(compared).toBe(36);
  });

  it('gives every district its urban share and the shares registered elsewhere, cited to the census tabulation', () => {
    const content = loadContent();
    for (const series of ['urban-share', 'hukou-other-county-share', 'hukou-other-province-share'] as const) {
      const figures = content.figures.filter((figure) => figure.series === series);
      expect(figures.map((figure) => figure.places[0]).sort(), series).toEqual(rows.map((row) => row.code).sort());
      for (const figure of figures) {
        expect(figure.value, figure.id).not.toBeNull();
        expect(figure.source, figure.id).toMatchObject({ kind: 'table', key: '[N1]' });
      }
    }
    const inMigration = content.figures.find((figure) => figure.id === 'hukou-other-county-share-2020-500103');
    expect(inMigration?.value).toBe(35.7);
    expect(inMigration?.measure.en).toMatch(/in-migration/);
    expect(content.sources.find((source) => source.key === '[N1]')?.kind).toBe('census');
  });
});

describe('census counts and their better source', () => {
  it('cites the census tabulation, not an aggregator, for every 2020 resident count (36 confirmed, 2 the facts table lacks)', () => {
    const content = loadContent();
    const kinds = new Map(content.sources.map((source) => [source.key, source.kind]));
    const counts = content.figures.filter(
      (figure) => figure.series === 'census' && figure.places.length === 1 && figure.value !== null && !figure.derived,
    );
    const confirmed = counts.filter((figure) => rows.some((row) => row.code === figure.places[0]));
    expect(confirmed.length).toBe(38);
    for (const figure of confirmed) {
      expect(figure.source.kind === 'facts' && figure.source.key.split(' ')).toContain('[N1]');
      const keys = figure.source.kind === 'facts' ? figure.source.key.split(' ') : [];
      expect(
        keys.map((key) => kinds.get(key)),
        figure.id,
      ).not.toContain('aggregator');
    }
  });
});
