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
import { MESSAGES } from '../../src/i18n/messages';
import { loadContent } from '../support/artifacts';

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

describe('flows, definitions and places that claim no more than their sources', () => {
  const built = loadContent();

  it('tells observed patterns from proposals, states coverage and gives the caveat for observed flows', () => {
    const observed = built.flows.filter((flow) => flow.basis === 'observed');
    expect(observed.map((flow) => flow.id).sort()).toEqual([
      'flow-northeast-to-central-urban',
      'flow-southeast-to-central-urban',
    ]);
    for (const flow of built.flows) expect(['observed', 'proposed'], flow.id).toContain(flow.basis);
    const coverage = Object.fromEntries(observed.map((flow) => [flow.from, flow.coverage]));
    expect(coverage).toEqual({ northeast: { withData: 3, units: 10 }, southeast: { withData: 3, units: 6 } });
    for (const flow of observed) {
      expect(flow.note.en, flow.id).toMatch(/left Chongqing altogether/);
      expect(flow.note.en, flow.id).toMatch(/does not say/);
    }
    const northeast = observed.find((flow) => flow.from === 'northeast');
    expect(northeast?.figures).toContain('net-outflow-share-2023-500101');
    expect(northeast?.note.en).toContain('Wanzhou 9.0%');
    expect(MESSAGES.en['legend.flowObserved']).toMatch(/^Observed: net outflow of registered residents/);
    expect(MESSAGES.en['legend.flowProposed']).toMatch(/^Proposed direction \(article\)/);
  });

  it('gives every region a defining document and date, and says which lists are derived', () => {
    const definitions = new Map(inputs.regionDefinitions.map((definition) => [definition.region, definition]));
    expect(definitions.get('northeast')?.list).toBe('derived');
    expect(definitions.get('metropolitan')?.list).toBe('derived');
    expect(definitions.get('eastern-new-city')?.list).toBe('partly-published');
    expect(definitions.get('eastern-new-city')?.note.en).toMatch(/naming two of the five/);
    expect(definitions.get('western')?.date).toBe('2025-05-13');
    expect(definitions.get('central-urban')?.date).toMatch(/2020-05-09.*2024/);
    for (const definition of inputs.regionDefinitions) expect(definition.date, definition.region).toMatch(/^\d{4}/);
  });

  it('says what Beibei gained and lost in the 2025 reorganisation', () => {
    const beibei = inputs.boundaryNotes.find((note) => note.district === '500109');
    expect(beibei?.text.en).toMatch(/lost the Shuitu, Fuxing and Caijiagang subdistricts/);
    expect(beibei?.text.en).toMatch(/gained five towns of former Yubei/);
  });

  it('assigns the passages the issue lists to the places they concern', () => {
    const places = (id: string) => inputs.passages.find((passage) => passage.id === id)?.places ?? [];
    expect(places('a4-ecological-resettlement')).not.toContain('northeast');
    expect(places('a4-ecological-resettlement')).not.toContain('southeast');
    expect(places('a4-inflow-areas-schools-hospitals')).toEqual(places('a4-shrinking-areas-services'));
    expect(places('a4-wan-kai-yun-integration')).toContain('northeast');
    expect(places('a4-regional-centre-4-million')).toContain('northeast');
    const note = (id: string) => inputs.passages.find((passage) => passage.id === id)?.editorNote?.en ?? '';
    expect(note('a4-core-city-functions')).toMatch(/this project’s reading/);
    expect(note('a4-largest-city')).toMatch(/the article’s claim/);
  });

  it('credits the population shading to the facts table, not the article', () => {
    expect(MESSAGES.en['layer.population.description']).toMatch(/^Shading: .*facts table/);
    expect(MESSAGES.zh['layer.population.description']).toContain('事实表');
  });
});
