import { describe, expect, it } from 'vitest';
import { censusFigures, parseCensusTable } from '../../scripts/content/census';
import { checkContent } from '../../scripts/content/check-content';
import { checkDerivedFigures, checkFactsTable, checkFigureSources } from '../../scripts/content/check-figures';
import { clauseBoundaries } from '../../scripts/content/check-text';
import { parseCorrections } from '../../scripts/content/corrections';
import { parseFactsCell, parseFactsFile } from '../../scripts/content/facts';
import type { ContentInputs, PassageInput } from '../../scripts/content/inputs';
import { parseFigures, parsePassages, parseSchematic, parseSources } from '../../scripts/content/shape';
import { DataBuildError } from '../../scripts/geodata/errors';
import type { SourceEntry } from '../../src/types/content';
import { FACTS, FILES, fixtureInputs, fixturePlaces } from './content-fixture';

/** Runs the check and expects a DataBuildError naming the file and the item. */
function expectFailure(run: () => void, file: string, item: string, problem: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the check should have failed').toBeInstanceOf(DataBuildError);
  const error = caught as DataBuildError;
  expect(error.file).toBe(file);
  expect(error.feature ?? '').toContain(item);
  expect(error.problem).toMatch(problem);
}

/** A fresh fixture with one change applied. */
function broken(change: (inputs: ContentInputs) => void): ContentInputs {
  const inputs = fixtureInputs();
  change(inputs);
  return inputs;
}

function figure(inputs: ContentInputs, id: string): ContentInputs['figures'][number] {
  const found = inputs.figures.find((entry) => entry.id === id);
  if (!found) throw new Error(`fixture has no figure ${id}`);
  return found;
}

const check = (inputs: ContentInputs) => () => checkContent(inputs, fixturePlaces(), FILES);

const listedKeys = (inputs: ContentInputs) => new Set(inputs.sources.map((source) => source.key));

describe('the content fixture', () => {
  it('passes every check, so each failure below comes from its one change', () => {
    expect(check(fixtureInputs())).not.toThrow();
  });
});

describe('texts against the page', () => {
  it('rejects a quote that is not in its article', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a2-corridor');
      if (passage) passage.quote = '渝中区是全域城镇化的行政区。'; // a1's words, quoted as a2
    });
    expectFailure(check(inputs), FILES.passages, 'a2-corridor', /not in article a2/);
  });

  it('ignores layout whitespace inside a quote', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a1-land-area');
      if (passage) passage.quote = '渝中陆地面积 20.08 平方\n公里';
    });
    expect(check(inputs)).not.toThrow();
  });

  it('rejects an article body that is not on the page', () => {
    const inputs = broken((i) => {
      const article = i.articles.articles.find((a) => a.id === 'a3');
      if (article) article.paragraphs = ['市域是最有效的治理层级。'];
    });
    expectFailure(check(inputs), FILES.articles, 'a3', /body .* not a substring of the page/);
  });

  it('rejects a body that runs into the author note', () => {
    const inputs = broken((i) => {
      const article = i.articles.articles.find((a) => a.id === 'a2');
      if (article) article.paragraphs = ['科创走廊串联两个平台。', '（作者单位：某大学）'];
    });
    expectFailure(check(inputs), FILES.articles, 'a2', /includes the author note/);
  });

  it('rejects an invented title', () => {
    const inputs = broken((i) => {
      const article = i.articles.articles.find((a) => a.id === 'a4');
      if (article) {
        article.titleZh = '人口空间布局';
        article.titleEn = 'Population layout';
      }
    });
    expectFailure(check(inputs), FILES.articles, 'a4', /title .* not on the page/);
  });

  it('rejects a paragraph that keeps a layout line break', () => {
    const inputs = broken((i) => {
      const article = i.articles.articles.find((a) => a.id === 'a3');
      if (article) article.paragraphs = ['市域是治理\n层级。'];
    });
    expectFailure(check(inputs), FILES.articles, 'a3', /line break/);
  });

  it('rejects a missing article', () => {
    const inputs = broken((i) => {
      i.articles.articles = i.articles.articles.filter((a) => a.id !== 'a2');
    });
    expectFailure(check(inputs), FILES.articles, 'a2', /once, found 0/);
  });
});

describe('ids and references', () => {
  it('rejects a duplicate passage id', () => {
    const inputs = broken((i) => {
      const copy = { ...i.passages[0], id: 'a1-land-area' } as ContentInputs['passages'][number];
      i.passages.push(copy);
    });
    expectFailure(check(inputs), FILES.passages, 'a1-land-area', /duplicate id/);
  });

  it('rejects a duplicate figure id', () => {
    const inputs = broken((i) => {
      i.figures.push({ ...figure(i, 'census-2020-500101') });
    });
    expectFailure(check(inputs), FILES.figures, 'census-2020-500101', /duplicate id/);
  });

  it('rejects a passage id without its article prefix', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a2-corridor');
      if (passage) passage.id = 'a3-corridor';
    });
    expectFailure(check(inputs), FILES.passages, 'a3-corridor', /must start with "a2-"/);
  });

  it('rejects an id that cannot go in a URL', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a2-corridor');
      if (passage) passage.id = 'a2 Corridor';
    });
    expectFailure(check(inputs), FILES.passages, 'a2 Corridor', /lower-case/);
  });

  it('rejects an unknown place in a passage', () => {
    const inputs = broken((i) => {
      i.passages[2]?.places.push('500999');
    });
    expectFailure(check(inputs), FILES.passages, 'a2-corridor', /unknown place "500999"/);
  });

  it('rejects an unknown place in a figure', () => {
    const inputs = broken((i) => {
      figure(i, 'a1-land-area').places = ['yuzhong-peninsula'];
    });
    expectFailure(check(inputs), FILES.figures, 'a1-land-area', /unknown place "yuzhong-peninsula"/);
  });

  it('rejects an unknown layer', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a3-municipal-level');
      if (passage) passage.layers = ['policing' as never];
    });
    expectFailure(check(inputs), FILES.passages, 'a3-municipal-level', /unknown layer "policing"/);
  });

  it('rejects a passage naming a figure that does not exist', () => {
    const inputs = broken((i) => {
      i.passages[0]?.figures.push('census-2020-500000');
    });
    expectFailure(check(inputs), FILES.passages, 'a1-yuzhong', /figure "census-2020-500000"/);
  });

  it('rejects a flow naming a passage that does not exist', () => {
    const inputs = broken((i) => {
      i.flows[0]?.passages.push('a4-missing');
    });
    expectFailure(check(inputs), FILES.flows, 'flow-northeast-to-wanzhou', /passage "a4-missing"/);
  });

  it('rejects a flow from an unknown place and a flow to itself', () => {
    const unknown = broken((i) => {
      if (i.flows[0]) i.flows[0].from = 'north-east';
    });
    expectFailure(check(unknown), FILES.flows, 'flow-northeast-to-wanzhou', /unknown place "north-east"/);
    const loop = broken((i) => {
      if (i.flows[0]) i.flows[0].to = 'northeast';
    });
    expectFailure(check(loop), FILES.flows, 'flow-northeast-to-wanzhou', /to itself/);
  });

  it('rejects a derived figure whose input does not exist', () => {
    const inputs = broken((i) => {
      const derived = figure(i, 'net-outflow-2023-500101').derived;
      if (derived) derived.inputs = ['hukou-2023-500101', 'resident-2022-500101'];
    });
    expectFailure(check(inputs), FILES.figures, 'net-outflow-2023-500101', /input figure "resident-2022-500101"/);
  });

  it('requires a passage for each promised region', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a2-corridor');
      if (passage) passage.places = ['chongqing'];
    });
    expectFailure(check(inputs), FILES.passages, 'science-corridor', /no passage names this region/);
  });
});

describe('figures and their sources', () => {
  it('rejects a figure without a source when reading the file', () => {
    const raw = [
      {
        id: 'pop-x',
        value: 1,
        unit: 'people',
        year: '2020',
        measure: { zh: '人口', en: 'pop' },
        places: ['chongqing'],
        derived: null,
      },
    ];
    expectFailure(() => parseFigures(raw, FILES.figures), FILES.figures, 'pop-x', /has no source/);
  });

  it('reads a year in both languages, and rejects one with words but no Chinese form', () => {
    const raw = (year: unknown) => [
      {
        id: 'pop-z',
        value: 1,
        unit: 'people',
        year,
        measure: { zh: '人口', en: 'pop' },
        places: ['chongqing'],
        source: { kind: 'facts', key: '[M1]', section: '§2', note: null },
        derived: null,
      },
    ];
    expect(parseFigures(raw('2020-11-01'), FILES.figures)[0]?.year).toEqual({ zh: '2020-11-01', en: '2020-11-01' });
    expect(parseFigures(raw('2026–2030'), FILES.figures)[0]?.year).toEqual({ zh: '2026–2030', en: '2026–2030' });
    expect(parseFigures(raw({ zh: '2021年（规划）', en: '2021 (plan)' }), FILES.figures)[0]?.year).toEqual({
      zh: '2021年（规划）',
      en: '2021 (plan)',
    });
    expectFailure(() => parseFigures(raw('2021 (plan)'), FILES.figures), FILES.figures, 'pop-z', /has words/);
    expectFailure(() => parseFigures(raw('current'), FILES.figures), FILES.figures, 'pop-z', /has words/);
    expectFailure(() => parseFigures(raw('2021年'), FILES.figures), FILES.figures, 'pop-z', /has words/);
    expectFailure(
      () => parseFigures(raw({ zh: '2021 (plan)', en: '2021 (plan)' }), FILES.figures),
      FILES.figures,
      'pop-z',
      /Latin letters in its Chinese form/,
    );
    expectFailure(
      () => parseFigures(raw({ zh: '2021年（规划）', en: '2021年' }), FILES.figures),
      FILES.figures,
      'pop-z',
      /Chinese in its English form/,
    );
    expectFailure(() => parseFigures(raw({ en: '2021 (plan)' }), FILES.figures), FILES.figures, 'pop-z', /"zh"/);
  });

  it('rejects a figure without a value field (NOT FOUND must be an explicit null)', () => {
    const raw = [
      { id: 'pop-y', unit: 'people', year: '2020', measure: { zh: '人口', en: 'pop' }, places: ['chongqing'] },
    ];
    expectFailure(() => parseFigures(raw, FILES.figures), FILES.figures, 'pop-y', /"value" is missing/);
  });

  it('rejects a number where the facts table says NOT FOUND', () => {
    const inputs = broken((i) => {
      figure(i, 'census-2020-500154').value = 1203306;
      figure(i, 'census-2020-500154').source = { kind: 'facts', key: '[P1]', section: '§2', note: null };
    });
    expectFailure(check(inputs), FILES.figures, 'census-2020-500154', /must be null/);
  });

  it('rejects a number where the facts table says "not published"', () => {
    const inputs = broken((i) => {
      figure(i, 'hukou-2023-500154').value = 164.96;
    });
    expectFailure(
      () => checkFactsTable(inputs.figures, inputs.facts, FILES.figures),
      FILES.figures,
      'hukou-2023-500154',
      /not published.*must be null/,
    );
  });

  it('rejects a figure citing NOT FOUND that still gives a number', () => {
    const inputs = broken((i) => {
      figure(i, 'hukou-2023-500103').value = 60;
    });
    expectFailure(
      () => checkFigureSources(inputs.figures, inputs.passages, listedKeys(inputs), FILES.figures),
      FILES.figures,
      'hukou-2023-500103',
      /cites NOT FOUND but gives the number 60/,
    );
  });

  it('requires every NOT FOUND cell of the facts table to be recorded', () => {
    const inputs = broken((i) => {
      i.figures = i.figures.filter((f) => f.id !== 'hukou-2023-500103');
    });
    expectFailure(check(inputs), FILES.figures, '500103 hukou', /record it as a figure with value null/);
  });

  it('rejects a value that differs from the facts table', () => {
    const inputs = broken((i) => {
      figure(i, 'resident-2023-500101').value = 145.59;
    });
    expectFailure(check(inputs), FILES.figures, 'resident-2023-500101', /does not match the facts file/);
  });

  it('rejects a source key the source list does not have', () => {
    const inputs = broken((i) => {
      figure(i, 'census-2020-500103').source = { kind: 'facts', key: '[P1] [P99]', section: '§2', note: null };
    });
    expectFailure(check(inputs), FILES.figures, 'census-2020-500103', /\[P99\], which is not in the source list/);
  });

  it('rejects an article figure its passage does not list', () => {
    const inputs = broken((i) => {
      const passage = i.passages.find((p) => p.id === 'a1-land-area');
      if (passage) passage.figures = [];
    });
    expectFailure(check(inputs), FILES.figures, 'a1-land-area', /does not list this figure/);
  });

  it('rejects an article figure with no number', () => {
    const inputs = broken((i) => {
      figure(i, 'a1-land-area').value = null;
    });
    expectFailure(check(inputs), FILES.figures, 'a1-land-area', /must have the number/);
  });

  it('rejects a derived outflow that is not hukou − resident', () => {
    const inputs = broken((i) => {
      figure(i, 'net-outflow-2023-500101').value = 16.33;
    });
    expectFailure(
      () => checkDerivedFigures(inputs.figures, FILES.figures),
      FILES.figures,
      'net-outflow-2023-500101',
      /does not match its inputs/,
    );
  });

  it('rejects a figure derived from a NOT FOUND value', () => {
    const inputs = broken((i) => {
      i.figures.push({
        ...figure(i, 'net-outflow-2023-500101'),
        id: 'net-outflow-2023-500103',
        places: ['500103'],
        value: 0,
        derived: {
          formula: { zh: '户籍 − 常住', en: 'hukou − resident' },
          inputs: ['hukou-2023-500103', 'resident-2023-500103'],
        },
      });
    });
    expectFailure(check(inputs), FILES.figures, 'net-outflow-2023-500103', /has no value \(NOT FOUND\)/);
  });

  it('rejects an outflow derived from a partial hukou count', () => {
    const inputs = broken((i) => {
      figure(i, 'hukou-2023-500101').series = 'hukou-partial';
    });
    expectFailure(check(inputs), FILES.figures, 'net-outflow-2023-500101', /one resident and one hukou/);
  });
});

describe('schematic features', () => {
  it('rejects a feature on a layer that does not draw its kind, which the map would never show', () => {
    const node = broken((i) => {
      if (i.schematic[0]) i.schematic[0].layer = 'urban-system';
    });
    expectFailure(
      check(node),
      FILES.schematic,
      'yuzhong-node',
      /node on layer "urban-system".*draws no schematic nodes/,
    );
    const line = broken((i) => {
      if (i.schematic[1]) i.schematic[1].layer = 'yuzhong';
    });
    expectFailure(check(line), FILES.schematic, 'wanzhou-kaizhou-line', /line on layer "yuzhong"/);
  });

  it('rejects a note that does not say the feature is schematic', () => {
    const inputs = broken((i) => {
      if (i.schematic[0]) i.schematic[0].note = { zh: '渝中区', en: 'Yuzhong District.' };
    });
    expectFailure(check(inputs), FILES.schematic, 'yuzhong-node', /schematic/);
  });

  it('rejects a sourced point outside the municipality', () => {
    const inputs = broken((i) => {
      i.schematic[0]?.anchors.splice(0, 1, { point: [116.4, 39.9], sourceKey: '[X1]' });
    });
    expectFailure(check(inputs), FILES.schematic, 'yuzhong-node', /outside the municipality/);
  });

  it('rejects a node with two anchors and a line with one', () => {
    const node = broken((i) => {
      i.schematic[0]?.anchors.push({ districts: ['500103'] });
    });
    expectFailure(check(node), FILES.schematic, 'yuzhong-node', /exactly one anchor/);
    const line = broken((i) => {
      i.schematic[1]?.anchors.pop();
    });
    expectFailure(check(line), FILES.schematic, 'wanzhou-kaizhou-line', /at least two anchors/);
  });

  it('rejects an anchor in an unknown district', () => {
    const inputs = broken((i) => {
      i.schematic[1]?.anchors.push({ districts: ['500300'] });
    });
    expectFailure(check(inputs), FILES.schematic, 'wanzhou-kaizhou-line', /district "500300"/);
  });

  it('rejects a point anchor without a source key when reading the file', () => {
    const raw = [
      {
        id: 'x',
        layer: 'yuzhong',
        kind: 'node',
        name: { zh: '点', en: 'point' },
        note: { zh: '示意', en: 'schematic' },
        sourceKey: '[X1]',
        passages: [],
        anchors: [{ point: [106.5, 29.5] }],
      },
    ];
    expectFailure(() => parseSchematic(raw, FILES.schematic), FILES.schematic, 'x', /sourceKey/);
  });

  it('rejects a passage without places when reading the file', () => {
    const raw = [
      {
        id: 'a1-x',
        article: 'a1',
        quote: '渝中',
        translationEn: 'Yuzhong',
        places: [],
        layers: ['yuzhong'],
        figures: [],
      },
    ];
    expectFailure(() => parsePassages(raw, FILES.passages), FILES.passages, 'a1-x', /"places" must not be empty/);
  });
});

describe('reading the facts file', () => {
  it('reads the §2 table by its column headers and the defined source keys', () => {
    const facts = parseFactsFile(FACTS, FILES.facts);
    expect([...facts.sourceKeys].sort()).toEqual(['[M1]', '[P1]', '[X1]']);
    expect([...facts.districtRows.keys()]).toEqual(['500101', '500103', '500154']);
    expect(facts.districtRows.get('500101')?.census.value).toBe(1564449);
    expect(facts.districtRows.get('500101')?.hukou.value).toBe(169.92);
    expect(facts.districtRows.get('500103')?.hukou.status).toBe('not-found');
    expect(facts.districtRows.get('500154')?.census.status).toBe('not-found');
    expect(facts.districtRows.get('500154')?.hukou.status).toBe('not-published');
  });

  it('reads printed numbers with thousands separators, approximations and a typographic minus', () => {
    expect(parseFactsCell('1,477,345 [P3] (same page also prints 1,447,345)').value).toBe(1477345);
    expect(parseFactsCell('~55.38 (year not stated, aggregator)').value).toBe(55.38);
    expect(parseFactsCell('89.9397 (**excludes 万盛**, not comparable)').value).toBe(89.9397);
    expect(parseFactsCell('−28.67').value).toBe(-28.67);
    expect(parseFactsCell('NOT FOUND (2022: 19.85)')).toMatchObject({ status: 'not-found', value: null });
  });

  it('fails on a facts file without a district table', () => {
    expectFailure(() => parseFactsFile('**[M1]** only keys', FILES.facts), FILES.facts, '§2', /no district table/);
  });
});

describe('the source list', () => {
  it('fails when a figure cites a key the source list does not have', () => {
    const inputs = broken((i) => {
      i.sources = i.sources.filter((source) => source.key !== '[M1]');
      i.facts.sourceKeys.delete('[M1]');
    });
    expectFailure(check(inputs), FILES.figures, 'figure', /cites \[M1\], which is not in the source list/);
  });

  it('fails when a key the facts file defines is not listed', () => {
    const inputs = broken((i) => {
      i.sources = i.sources.filter((source) => source.key !== '[P1]');
    });
    expectFailure(check(inputs), FILES.sources, '[P1]', /defined in the facts file but not listed/);
  });

  it('fails when a region note cites a key the list does not have', () => {
    const inputs = broken((i) => {
      i.sources = i.sources.filter((source) => source.key !== '[G1]');
    });
    expectFailure(check(inputs), FILES.sources, 'region', /cites \[G1\]/);
  });

  it('rejects a listed key twice and an address that is not a web address', () => {
    const inputs = broken((i) => {
      i.sources.push({ ...(i.sources[0] as SourceEntry) });
    });
    expectFailure(check(inputs), FILES.sources, '[P1]', /listed twice/);
    const raw = [
      { key: '[P1]', title: 't', publisher: 'p', url: 'example.com', date: null, kind: 'census', copy: false },
    ];
    expectFailure(() => parseSources(raw, FILES.sources), FILES.sources, '[P1]', /http\(s\) address/);
  });
});

describe('clause boundaries', () => {
  const paragraphs = ['第一句话，第二个分句；第三个分句。“引号里的话。”最后', '新段落开头'];

  it('accepts quotes that start and end at punctuation, quotation marks or paragraph breaks', () => {
    expect(clauseBoundaries('第一句话，', paragraphs)).toEqual({ start: true, end: true });
    expect(clauseBoundaries('第二个分句', paragraphs)).toEqual({ start: true, end: true });
    expect(clauseBoundaries('“引号里的话。”', paragraphs)).toEqual({ start: true, end: true });
    expect(clauseBoundaries('最后', paragraphs)).toEqual({ start: true, end: true });
    expect(clauseBoundaries('最后新段落开头', paragraphs)).toEqual({ start: true, end: true });
  });

  it('finds the cut ends of a quote taken from inside a clause', () => {
    expect(clauseBoundaries('二个分句', paragraphs)).toEqual({ start: false, end: true });
    expect(clauseBoundaries('第三个', paragraphs)).toEqual({ start: true, end: false });
    expect(clauseBoundaries('不在文中', paragraphs)).toBeNull();
  });

  it('fails a quote cut inside a clause unless marked as an excerpt, and a marked excerpt that is whole', () => {
    const cut = broken((i) => {
      (i.passages[0] as PassageInput).quote = '全域城镇化';
    });
    expectFailure(check(cut), FILES.passages, 'a1-yuzhong', /inside a clause/);
    const marked = broken((i) => {
      Object.assign(i.passages[0] as PassageInput, { quote: '全域城镇化', excerpt: true });
    });
    expect(check(marked)).not.toThrow();
    const whole = broken((i) => {
      (i.passages[0] as PassageInput).excerpt = true;
    });
    expectFailure(check(whole), FILES.passages, 'a1-yuzhong', /marked as an excerpt/);
  });
});

describe('released passage ids', () => {
  it('fails when a released id opens no passage, and accepts it once renamed', () => {
    const lost = broken((i) => {
      i.passageIds.released.push('a1-gone');
    });
    expectFailure(check(lost), FILES.passageIds, 'a1-gone', /opens no passage/);
    const renamed = broken((i) => {
      i.passageIds.released.push('a1-gone');
      i.passageIds.renamed['a1-gone'] = 'a1-yuzhong';
    });
    expect(check(renamed)).not.toThrow();
    const dangling = broken((i) => {
      i.passageIds.renamed['a1-gone'] = 'a1-nowhere';
    });
    expectFailure(check(dangling), FILES.passageIds, 'a1-gone', /not a passage/);
  });
});

describe('the corrections log', () => {
  it('fails on a change naming an id the content never had, or an entry dated before the one above', () => {
    const unknown = broken((i) => {
      i.corrections[1]?.changes[0]?.ids.push('a1-never');
    });
    expectFailure(check(unknown), FILES.corrections, 'entry "2"', /never had/);
    const backwards = broken((i) => {
      (i.corrections[1] as { date: string }).date = '2026-01-01';
    });
    expectFailure(check(backwards), FILES.corrections, 'entry "2"', /dated before/);
  });

  it('reads the log and rejects a date that is not ISO', () => {
    const raw = { entries: [{ version: '1', date: '5 Dec 2026', changes: [] }] };
    expectFailure(() => parseCorrections(raw, FILES.corrections), FILES.corrections, 'entry #0', /"date"/);
  });
});

describe('region definitions and boundary notes', () => {
  it('fails when a region of the map has no definition, or a definition cites an unlisted source', () => {
    const missing = broken((i) => {
      i.regionDefinitions = i.regionDefinitions.filter((definition) => definition.region !== 'northeast');
    });
    expectFailure(check(missing), FILES.regionDefinitions, 'northeast', /has no definition/);
    const unlisted = broken((i) => {
      (i.regionDefinitions[0] as { sourceKey: string }).sourceKey = '[Z9]';
    });
    expectFailure(check(unlisted), FILES.regionDefinitions, 'chongqing', /\[Z9\]/);
  });

  it('fails on a boundary note for a district the map does not have', () => {
    const inputs = broken((i) => {
      (i.boundaryNotes[0] as { district: string }).district = '509999';
    });
    expectFailure(check(inputs), FILES.boundaryNotes, '509999', /not a district/);
  });
});

describe('the 2020 census table', () => {
  it('fails when the residents do not sum to the census total, or the urban share is not the published one', () => {
    const short = broken((i) => {
      (i.census[0] as { resident: number }).resident -= 1;
    });
    expectFailure(check(short), FILES.census, '', /not the census total 32054159/);
    const urban = broken((i) => {
      (i.census[0] as { urbanShare: number }).urbanShare = 0.8;
    });
    expectFailure(check(urban), FILES.census, '', /not 69.46 %/);
  });

  it('fails when a district of the map has no row', () => {
    const missing = broken((i) => {
      i.census = i.census.slice(1);
    });
    expectFailure(check(missing), FILES.census, '', /one each/);
  });

  it('reads the columns it needs by name and makes three figures per district, in %', () => {
    const rows = parseCensusTable(
      'code,name,resident_population,urban_share,hukou_other_county_same_province_share,hukou_other_province_share\n500101,万州区,1564449,0.6892,0.0797,0.0424\n',
      FILES.census,
    );
    expect(rows).toEqual([
      {
        code: '500101',
        name: '万州区',
        resident: 1564449,
        urbanShare: 0.6892,
        otherCountyShare: 0.0797,
        otherProvinceShare: 0.0424,
      },
    ]);
    const figures = censusFigures(rows);
    expect(figures.map((f) => [f.id, f.value])).toEqual([
      ['urban-share-2020-500101', 68.92],
      ['hukou-other-county-share-2020-500101', 7.97],
      ['hukou-other-province-share-2020-500101', 4.24],
    ]);
    expect(figures.every((f) => f.source.kind === 'table' && f.source.key === '[N1]')).toBe(true);
  });
});

describe('census counts the facts table lacks', () => {
  it('accepts a count from the census table where the facts table says NOT FOUND, and only that count', () => {
    const census = { key: '[N1]', counts: new Map([['500154', 1203306]]) };
    const filled = broken((i) => {
      figure(i, 'census-2020-500154').value = 1203306;
      figure(i, 'census-2020-500154').source = { kind: 'facts', key: '[N1]', section: '§2', note: null };
    });
    expect(() => checkFactsTable(filled.figures, filled.facts, FILES.figures, census)).not.toThrow();
    figure(filled, 'census-2020-500154').value = 1203305;
    expectFailure(
      () => checkFactsTable(filled.figures, filled.facts, FILES.figures, census),
      FILES.figures,
      'census-2020-500154',
      /not the census table's count/,
    );
  });
});
