/**
 * A small, valid content set for the content-check tests: four one-paragraph articles on
 * a fake page, a facts file with a §2 table and source keys, and a few places. Each test
 * breaks one thing in a fresh copy and expects the check to name it.
 */

import { parseFactsFile } from '../../scripts/content/facts';
import type { ContentFileNames, ContentInputs } from '../../scripts/content/inputs';
import type { DistrictInfo, LngLat, PlacesData, RegionInfo } from '../../src/types/atlas-data';
import type { SourceEntry, SourceKind } from '../../src/types/content';

export const FILES: ContentFileNames = {
  articles: 'articles.json',
  passages: 'passages.json',
  figures: 'figures.json',
  flows: 'flows.json',
  schematic: 'schematic.json',
  sources: 'sources.json',
  passageIds: 'passage-ids.json',
  corrections: 'corrections.json',
  regionDefinitions: 'region-definitions.json',
  boundaryNotes: 'boundary-notes.json',
  page: 'page.txt',
  facts: 'facts.md',
  census: 'census.csv',
};

// Layout as in the real page: author note, then title; lines break mid-sentence.
export const PAGE = `页眉标题

■作者甲

渝中区是全域城镇化的
行政区。渝中陆地面积20.08平方
公里。

（作者系渝中区某职务）

第一篇标题

■作者乙

科创走廊串联两个平台。

（作者单位：某大学）

第二篇标题

■作者丙

市域是治理层级。

（作者单位：某学院）

第三篇标题

■作者丁

渝东北、渝东南人口向区域中心城市集中。打通铁峰山，连接万州与开州。
（作者系某研究所所长）
`;

export const FACTS = `# Facts

## 2. The units

| Code | 中文 | Pinyin / English | Region | Area km² [src] | 2020 census [src] | 2023 常住 | 2023 户籍 | Outflow | Pop. src |
|---|---|---|---|---|---|---|---|---|---|
| 500101 | 万州区 | Wanzhou | 东北 | 3,456 | 1,564,449 [P1] | 154.59 | 169.92 | 15.33 | [M1] |
| 500103 | 渝中区 | Yuzhong | 中 | 23.24 | 588,717 [P1] | 57.6 | NOT FOUND | — | [M1] |
| 500154 | 开州区 | Kaizhou | 东北 | 3,963 | **NOT FOUND** | 118.56 | not published | — | [M1] |

## 7. Sources
- **[P1]** a census page.
- **[M1]** an aggregator.
- **[X1]** a coordinate page.
`;

function district(code: string, nameZh: string, label: LngLat, regions: string[]): DistrictInfo {
  return {
    code,
    nameZh,
    nameEn: nameZh,
    romanisation: nameZh,
    type: 'district',
    regions,
    urbanSystem: regions[0] ?? 'central-urban',
    areaKm2: 1,
    bbox: [label[0] - 0.1, label[1] - 0.1, label[0] + 0.1, label[1] + 0.1],
    label,
    pinyin: [],
  };
}

function region(id: string, members: string[], label: LngLat): RegionInfo {
  return {
    id,
    nameZh: id,
    nameEn: id,
    kind: 'urban-system',
    members,
    areaKm2: 1,
    bbox: [105, 28, 110.5, 32.5],
    label,
    sourceKey: '[G1]',
    versionNote: { zh: '注', en: 'note' },
    pinyin: [],
  };
}

export function fixturePlaces(): PlacesData {
  return {
    buildId: 'test',
    attribution: [],
    districts: [
      district('500101', '万州区', [108.4, 30.73], ['northeast', 'wan-kai-yun']),
      district('500103', '渝中区', [106.55, 29.56], ['central-urban', 'yuzhong']),
      district('500154', '开州区', [108.38, 31.27], ['northeast', 'wan-kai-yun']),
    ],
    regions: [
      region('chongqing', ['500101', '500103', '500154'], [107.8, 30.1]),
      region('central-urban', ['500103'], [106.6, 29.6]),
      region('yuzhong', ['500103'], [106.55, 29.56]),
      region('western', ['500103'], [105.9, 29.6]),
      region('northeast', ['500101', '500154'], [108.7, 31.1]),
      region('southeast', ['500101'], [108.5, 29.3]),
      region('wan-kai-yun', ['500101', '500154'], [108.5, 31.0]),
      region('science-corridor', ['500103'], [106.4, 29.3]),
    ],
    provinces: [],
  };
}

export function fixtureInputs(): ContentInputs {
  return {
    articles: {
      pageHeading: '页眉标题',
      articles: [
        {
          id: 'a1',
          titleZh: '第一篇标题',
          titleEn: 'First title',
          topic: { zh: '渝中', en: 'Yuzhong' },
          authorsZh: ['作者甲'],
          authorsEn: ['Author A'],
          affiliationZh: '渝中区某职务',
          affiliationEn: 'A post in Yuzhong',
          paragraphs: ['渝中区是全域城镇化的行政区。渝中陆地面积20.08平方公里。'],
        },
        {
          id: 'a2',
          titleZh: '第二篇标题',
          titleEn: 'Second title',
          topic: { zh: '创新', en: 'Innovation' },
          authorsZh: ['作者乙'],
          authorsEn: ['Author B'],
          affiliationZh: '某大学',
          affiliationEn: 'A university',
          paragraphs: ['科创走廊串联两个平台。'],
        },
        {
          id: 'a3',
          titleZh: '第三篇标题',
          titleEn: 'Third title',
          topic: { zh: '治理', en: 'Governance' },
          authorsZh: ['作者丙'],
          authorsEn: ['Author C'],
          affiliationZh: '某学院',
          affiliationEn: 'A college',
          paragraphs: ['市域是治理层级。'],
        },
        {
          id: 'a4',
          titleZh: null,
          titleEn: null,
          topic: { zh: '人口（主题）', en: 'Population (topic)' },
          authorsZh: ['作者丁'],
          authorsEn: ['Author D'],
          affiliationZh: '某研究所所长',
          affiliationEn: 'Director of an institute',
          paragraphs: ['渝东北、渝东南人口向区域中心城市集中。打通铁峰山，连接万州与开州。'],
        },
      ],
    },
    passages: [
      {
        id: 'a1-yuzhong',
        article: 'a1',
        quote: '渝中区是全域城镇化的行政区。',
        translationEn: 'Yuzhong is a fully urbanised district.',
        places: ['yuzhong', '500103', 'central-urban', 'western'],
        layers: ['yuzhong'],
        figures: [],
      },
      {
        id: 'a1-land-area',
        article: 'a1',
        quote: '渝中陆地面积20.08平方公里',
        translationEn: 'Yuzhong has 20.08 km² of land.',
        places: ['yuzhong'],
        layers: ['yuzhong'],
        figures: ['a1-land-area'],
      },
      {
        id: 'a2-corridor',
        article: 'a2',
        quote: '科创走廊串联两个平台。',
        translationEn: 'The corridor links two platforms.',
        places: ['science-corridor'],
        layers: ['innovation'],
        figures: [],
      },
      {
        id: 'a3-municipal-level',
        article: 'a3',
        quote: '市域是治理层级。',
        translationEn: 'The municipality is a level of governance.',
        places: ['chongqing'],
        layers: ['governance'],
        figures: [],
      },
      {
        id: 'a4-regional-centres',
        article: 'a4',
        quote: '渝东北、渝东南人口向区域中心城市集中。',
        translationEn: 'People in the northeast and southeast gather in regional centres.',
        places: ['northeast', 'southeast'],
        layers: ['population'],
        figures: [],
      },
      {
        id: 'a4-tiefengshan-road',
        article: 'a4',
        quote: '打通铁峰山，连接万州与开州。',
        translationEn: 'Open Tiefeng Mountain, linking Wanzhou and Kaizhou.',
        places: ['500101', '500154', 'wan-kai-yun'],
        layers: ['wan-kai-yun'],
        figures: [],
      },
    ],
    figures: [
      {
        id: 'a1-land-area',
        value: 20.08,
        unit: 'km²',
        year: { zh: '2025', en: '2025' },
        measure: { zh: '陆地面积', en: 'Land area' },
        places: ['500103'],
        source: { kind: 'article', article: 'a1', passage: 'a1-land-area' },
        derived: null,
      },
      facts('census-2020-500101', 1564449, '2020-11-01', '500101', 'census', '[P1]'),
      facts('census-2020-500103', 588717, '2020-11-01', '500103', 'census', '[P1]'),
      facts('census-2020-500154', null, '2020-11-01', '500154', 'census', 'NOT FOUND'),
      facts('resident-2023-500101', 154.59, '2023', '500101', 'resident', '[M1]'),
      facts('hukou-2023-500101', 169.92, '2023', '500101', 'hukou', '[M1]'),
      facts('resident-2023-500103', 57.6, '2023', '500103', 'resident', '[M1]'),
      facts('hukou-2023-500103', null, '2023', '500103', 'hukou', 'NOT FOUND'),
      facts('resident-2023-500154', 118.56, '2023', '500154', 'resident', '[M1]'),
      facts('hukou-2023-500154', null, '2023', '500154', 'hukou', '[M1]'),
      {
        ...facts('net-outflow-2023-500101', 15.33, '2023', '500101', 'net-outflow', '[M1]'),
        derived: {
          formula: { zh: '户籍 − 常住', en: 'hukou − resident' },
          inputs: ['hukou-2023-500101', 'resident-2023-500101'],
        },
      },
    ],
    flows: [
      {
        id: 'flow-northeast-to-wanzhou',
        from: 'northeast',
        to: '500101',
        kind: 'to-regional-centre',
        basis: 'proposed',
        note: { zh: '示意', en: 'Schematic' },
        figures: ['net-outflow-2023-500101'],
        passages: ['a4-regional-centres'],
      },
    ],
    schematic: [
      {
        id: 'yuzhong-node',
        layer: 'yuzhong',
        kind: 'node',
        name: { zh: '渝中', en: 'Yuzhong' },
        note: { zh: '示意点', en: 'Schematic point from [X1].' },
        sourceKey: '[X1]',
        passages: ['a1-yuzhong'],
        anchors: [{ point: [106.5733, 29.5606], sourceKey: '[X1]' }],
      },
      {
        id: 'wanzhou-kaizhou-line',
        layer: 'wan-kai-yun',
        kind: 'line',
        name: { zh: '万开', en: 'Wan–Kai' },
        note: { zh: '示意线', en: 'Schematic line between two districts.' },
        sourceKey: '[M1]',
        passages: ['a4-tiefengshan-road'],
        anchors: [{ districts: ['500101'] }, { districts: ['500154'] }],
      },
    ],
    sources: [
      source('[P1]', 'census'),
      source('[M1]', 'aggregator'),
      source('[X1]', 'encyclopedia'),
      source('[G1]', 'web-page'),
    ],
    passageIds: { released: ['a1-yuzhong', 'a4-tiefengshan-road'], renamed: {} },
    corrections: [
      {
        version: '1',
        date: '2026-11-29',
        changes: [{ kind: 'release', ids: [], text: { zh: '发布', en: 'Release' } }],
      },
      {
        version: '2',
        date: '2026-12-05',
        changes: [{ kind: 'translation', ids: ['a1-yuzhong'], text: { zh: '改译', en: 'New rendering' } }],
      },
    ],
    regionDefinitions: [
      'chongqing',
      'central-urban',
      'yuzhong',
      'western',
      'northeast',
      'southeast',
      'wan-kai-yun',
      'science-corridor',
    ].map((region) => ({
      region,
      document: { zh: '文件', en: 'A document' },
      date: '2024',
      list: 'published' as const,
      sourceKey: '[G1]',
      note: { zh: '注', en: 'Note' },
    })),
    boundaryNotes: [{ district: '500103', sourceKey: '[G1]', text: { zh: '注', en: 'Note' } }],
    page: PAGE,
    facts: parseFactsFile(FACTS, FILES.facts),
    // Made-up rows that reproduce the published totals, as the real table must.
    census: [
      {
        code: '500101',
        name: '万州区',
        resident: 10_000_000,
        urbanShare: 0.6946,
        otherCountyShare: 0.08,
        otherProvinceShare: 0.04,
      },
      {
        code: '500103',
        name: '渝中区',
        resident: 10_000_000,
        urbanShare: 0.6946,
        otherCountyShare: 0.36,
        otherProvinceShare: 0.19,
      },
      {
        code: '500154',
        name: '开州区',
        resident: 12_054_159,
        urbanShare: 0.6946,
        otherCountyShare: 0.02,
        otherProvinceShare: 0.01,
      },
    ],
  };
}

function source(key: string, kind: SourceKind): SourceEntry {
  return { key, title: `Title of ${key}`, publisher: 'A publisher', url: null, date: '2024', kind, copy: false };
}

function facts(
  id: string,
  value: number | null,
  year: string,
  code: string,
  series: 'census' | 'resident' | 'hukou' | 'net-outflow',
  key: string,
): ContentInputs['figures'][number] {
  return {
    id,
    value,
    unit: series === 'census' ? 'people' : '万人',
    year: { zh: year, en: year },
    measure: { zh: id, en: id },
    places: [code],
    source: { kind: 'facts', key, section: '§2', note: null },
    derived: null,
    series,
  };
}
