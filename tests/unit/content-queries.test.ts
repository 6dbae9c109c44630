import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { PlaceIndex } from '../../src/data/place-index';
import { loadContent, loadPlaces } from '../support/artifacts';

const places = new PlaceIndex(loadPlaces());
const content = new ContentIndex(loadContent(), places);

describe('one place under two ids', () => {
  it('maps the region yuzhong to the district 500103, and names them alike', () => {
    expect(places.canonicalId('yuzhong')).toBe('500103');
    expect(places.canonicalId('500103')).toBe('500103');
    expect(places.canonicalId('northeast')).toBe('northeast');
    expect(places.idsOf('yuzhong')).toEqual(['500103', 'yuzhong']);
    expect(places.isAlias('yuzhong')).toBe(true);
    expect(places.name('yuzhong', 'en')).toBe(places.name('500103', 'en'));
    // A district is not listed as its own region.
    expect(places.regionsOf('500103').map((region) => region.id)).not.toContain('yuzhong');
  });

  it('gives both ids the same passages, figures and flows', () => {
    const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
    expect(ids(content.passagesAbout('yuzhong'))).toEqual(ids(content.passagesAbout('500103')));
    expect(ids(content.figuresAbout('yuzhong'))).toEqual(ids(content.figuresAbout('500103')));
    expect(ids(content.passagesAbout('500103'))).toEqual(
      ids(content.data.passages.filter((passage) => passage.places.some((id) => id === 'yuzhong' || id === '500103'))),
    );
  });

  it("counts a district's passages through its regions once each, with the regions that have any", () => {
    const chengkou = content.viaRegionsSummary('500229');
    expect(chengkou.regionIds).toEqual(['northeast']);
    expect(chengkou.count).toBe(content.passagesAbout('northeast').length);
    const wanzhou = content.viaRegionsSummary('500101');
    const union = new Set(content.passagesViaRegions('500101').flatMap((group) => group.passages.map((p) => p.id)));
    expect(wanzhou.count).toBe(union.size);
    // Wan-Kai-Yun's passages all name Wanzhou itself: only the northeast adds any.
    expect(wanzhou.regionIds).toEqual(['northeast']);
  });
});

describe('ContentIndex', () => {
  it("groups a place's passages by article, in article order, most specific first", () => {
    const groups = content.groupByArticle(content.passagesAbout('500101'));
    expect(groups.map((group) => group.article)).toEqual([...groups.map((group) => group.article)].sort());
    for (const group of groups) {
      const counts = group.passages.map((passage) => passage.places.length);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(group.passages.every((passage) => passage.article === group.article)).toBe(true);
    }
    expect(groups.flatMap((group) => group.passages.map((passage) => passage.id))).toContain('a4-tiefengshan-road');
  });

  it('finds the smallest popup with every kind of content: a passage, a figure and a flow', () => {
    const kinds = (id: string) => [
      content.passagesAbout(id).length,
      content.figuresAbout(id).length,
      content.flowsAbout(id).length,
    ];
    const total = (id: string) => kinds(id).reduce((sum, n) => sum + n, 0);
    const codes = [...places.districts.keys()];
    const smallest = content.smallestCompletePlace(codes);
    expect(smallest).toBe('500114');
    expect(kinds('500114').every((n) => n > 0)).toBe(true);
    for (const code of codes) {
      if (kinds(code).every((n) => n > 0)) expect(total(code)).toBeGreaterThanOrEqual(total('500114'));
    }
    // Yuzhong has no flow; Wanzhou has all three but more of them; nothing to choose from gives nothing.
    expect(content.smallestCompletePlace(['500103'])).toBeNull();
    expect(content.smallestCompletePlace(['500101', '500114'])).toBe('500114');
    expect(content.smallestCompletePlace([])).toBeNull();
  });

  it('offers a district the passages about its regions that do not name it', () => {
    const viaRegions = content.passagesViaRegions('500154');
    const direct = new Set(content.passagesAbout('500154').map((passage) => passage.id));
    expect(viaRegions.map((group) => group.regionId)).toContain('northeast');
    for (const group of viaRegions) {
      for (const passage of group.passages) {
        expect(passage.places).toContain(group.regionId);
        expect(direct.has(passage.id)).toBe(false);
      }
    }
  });

  it('highlights, for each district theme, the districts its passages name', () => {
    const themes = content.themeDistricts();
    expect(themes.yuzhong).toEqual(['500103']);
    expect(themes['wan-kai-yun']).toEqual(expect.arrayContaining(['500101', '500154', '500235']));
    expect(themes.governance).toHaveLength(38);
    expect(themes.ecology.length).toBeGreaterThan(10);
  });

  it('finds flows and figures by place', () => {
    expect(content.flowsAbout('northeast').length).toBeGreaterThan(0);
    expect(content.figuresAbout('500101').some((figure) => figure.source.kind === 'facts')).toBe(true);
  });
});
