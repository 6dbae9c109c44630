/**
 * Editorial checks on the real content: quotes cut where they keep their meaning, places
 * that claim no more than the facts table supports, released ids that keep working.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseBoundaries } from '../../scripts/content/check-text';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';
import { currentPassageId } from '../../src/content/passage-ids';

const files = contentFileNames(resolve('geodata/content'));
const inputs: ContentInputs = readContentInputs(files);
const paragraphs = new Map(inputs.articles.articles.map((article) => [article.id, article.paragraphs]));
const passageIds = new Set(inputs.passages.map((passage) => passage.id));

describe('quotes cut where they keep their meaning', () => {
  it('starts and ends every quote at a clause boundary, or marks it as an excerpt', () => {
    for (const passage of inputs.passages) {
      const cut = clauseBoundaries(passage.quote, paragraphs.get(passage.article) ?? []);
      expect(cut, passage.id).not.toBeNull();
      if (!passage.excerpt) expect(cut, passage.id).toEqual({ start: true, end: true });
    }
  });

  it('quotes the 55% target with the “力争 … 十五五” that makes it a target, and translates it as one', () => {
    const target = inputs.passages.filter((passage) => passage.quote.includes('55%'));
    expect(target).toHaveLength(1);
    expect(target[0]?.quote).toBe('力争“十五五”时期黔江区步入城镇化成熟阶段，其他区县城镇化率达到55%以上。');
    expect(target[0]?.translationEn).toMatch(/^The aim is that, during the 15th Five-Year Plan period/);
    expect(target[0]?.places).toEqual(expect.arrayContaining(['500114', '500156', '500243']));
  });
});

describe('places the facts table supports', () => {
  it('does not put the National College of Excellent Engineers in Shapingba (the facts give no site for it)', () => {
    const college = inputs.passages.find((passage) => passage.quote.includes('卓越工程师学院'));
    expect(college?.places).toEqual(['chongqing']);
    expect(inputs.schematic.filter((feature) => feature.passages.includes(college?.id ?? ''))).toEqual([]);
    expect(inputs.schematic.map((feature) => feature.id)).not.toContain('chongqing-university');
  });
});

describe('released passage ids', () => {
  it('opens a passage for every id ever released (64 ids before the re-cut)', () => {
    expect(inputs.passageIds.released.length).toBeGreaterThanOrEqual(64);
    for (const id of inputs.passageIds.released) {
      expect(currentPassageId(id, passageIds, inputs.passageIds.renamed), id).not.toBeNull();
    }
    expect(currentPassageId('a4-southeast-55-percent', passageIds, inputs.passageIds.renamed)).toBe(
      'a4-urbanisation-targets-2026-2030',
    );
  });
});

describe('article labels', () => {
  it('labels article 4 by a topic that keeps 协调发展 and says nothing about a title (the About panel says it once)', () => {
    const a4 = inputs.articles.articles.find((article) => article.id === 'a4');
    expect(a4?.topic.en).toContain('one core leading, multiple points supporting, and coordinated development');
    expect(a4?.topic.zh).toContain('一核引领、多点支撑、协调发展');
    expect(a4?.topic.en).not.toMatch(/title/i);
    expect(a4?.topic.zh).not.toContain('标题');
  });

  it('attaches “to a high standard” to building in article 1’s English title', () => {
    const a1 = inputs.articles.articles.find((article) => article.id === 'a1');
    expect(a1?.titleEn).toMatch(/building a modern people’s city to a high standard/);
  });
});
