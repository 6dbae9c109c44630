/** Questions the UI asks of the content; pure functions over the loaded data. */
import type { PlaceIndex } from '../data/place-index';
import { type PopulationMeasureId, populationMeasure } from '../layers/population-measures';
import { DISTRICT_THEMES, type DistrictTheme } from '../layers/registry';
import type { ArticleId, ContentData, Figure, Flow, Passage, SchematicFeature, SourceEntry } from '../types/content';
import { currentPassageId } from './passage-ids';

/** A source with the number the About panel lists it under. */
export interface NumberedSource {
  entry: SourceEntry;
  number: number;
}

export class ContentIndex {
  readonly passages: ReadonlyMap<string, Passage>;
  readonly figures: ReadonlyMap<string, Figure>;
  readonly sources: ReadonlyMap<string, NumberedSource>;

  constructor(
    readonly data: ContentData,
    private readonly places: PlaceIndex,
  ) {
    this.passages = new Map(data.passages.map((passage) => [passage.id, passage]));
    this.figures = new Map(data.figures.map((figure) => [figure.id, figure]));
    this.sources = new Map(data.sources.map((entry, index) => [entry.key, { entry, number: index + 1 }]));
  }

  /** Passages that name the place itself, under any of its ids (see PlaceIndex.canonicalId). */
  passagesAbout(placeId: string): Passage[] {
    const ids = this.places.idsOf(placeId);
    return this.data.passages.filter((passage) => ids.some((id) => passage.places.includes(id)));
  }

  /**
   * For a district: how many passages reach it only through its regions, in all (each passage
   * once, though it may name several of them), and the regions that have any.
   */
  viaRegionsSummary(code: string): { count: number; regionIds: string[] } {
    const groups = this.passagesViaRegions(code);
    const ids = new Set(groups.flatMap((group) => group.passages.map((passage) => passage.id)));
    return { count: ids.size, regionIds: groups.map((group) => group.regionId) };
  }

  /** For a district: passages about each region it belongs to (not naming the district itself). */
  passagesViaRegions(code: string): Array<{ regionId: string; passages: Passage[] }> {
    const direct = new Set(this.passagesAbout(code).map((passage) => passage.id));
    return this.places
      .regionsOf(code)
      .map((region) => ({
        regionId: region.id,
        passages: this.passagesAbout(region.id).filter((passage) => !direct.has(passage.id)),
      }))
      .filter((group) => group.passages.length > 0);
  }

  /**
   * Passages grouped by article, in article order; within an article the most specific
   * first (those naming fewest places), so a district's own passages lead.
   */
  groupByArticle(passages: Passage[]): Array<{ article: ArticleId; passages: Passage[] }> {
    return this.data.articles
      .map((article) => ({
        article: article.id,
        passages: passages
          .filter((passage) => passage.article === article.id)
          .map((passage, index) => ({ passage, index }))
          .sort((a, b) => a.passage.places.length - b.passage.places.length || a.index - b.index)
          .map(({ passage }) => passage),
      }))
      .filter((group) => group.passages.length > 0);
  }

  /** The listed sources of a citation such as "[M1] [M2]"; keys not listed are left out (the build forbids them). */
  sourcesOf(citation: string): NumberedSource[] {
    return citation
      .split(' ')
      .map((key) => this.sources.get(key))
      .filter((source): source is NumberedSource => source !== undefined);
  }

  /**
   * The citation of a population measure: its source key, or, for a measure computed from
   * figures, every source those figures cite, in the source list's order.
   */
  measureCitation(id: PopulationMeasureId): string {
    const { source } = populationMeasure(id);
    if (source !== 'figures') return source;
    const keys = new Set(
      this.data.outflowShares.flatMap((share) =>
        share.figures.flatMap((figureId) => {
          const figure = this.figures.get(figureId);
          return figure && figure.source.kind !== 'article' ? figure.source.key.split(' ') : [];
        }),
      ),
    );
    return [...keys]
      .filter((key) => this.sources.has(key))
      .sort((a, b) => (this.sources.get(a)?.number ?? 0) - (this.sources.get(b)?.number ?? 0))
      .join(' ');
  }

  /** The passage a (possibly old) passage id opens now, or null. */
  currentPassageId(id: string): string | null {
    return currentPassageId(id, this.passages, this.data.renamedPassages);
  }

  figuresAbout(placeId: string): Figure[] {
    const ids = this.places.idsOf(placeId);
    return this.data.figures.filter((figure) => ids.some((id) => figure.places.includes(id)));
  }

  /** The place's published total area (a figure of series `area`), if the content has one. */
  publishedArea(placeId: string): Figure | null {
    return this.figuresAbout(placeId).find((figure) => figure.series === 'area' && figure.value !== null) ?? null;
  }

  flowsAbout(placeId: string): Flow[] {
    const ids = this.places.idsOf(placeId);
    return this.data.flows.filter((flow) => ids.includes(flow.from) || ids.includes(flow.to));
  }

  schematicAbout(placeId: string): SchematicFeature[] {
    const passageIds = new Set(this.passagesAbout(placeId).map((passage) => passage.id));
    return this.data.schematic.filter((feature) => feature.passages.some((id) => passageIds.has(id)));
  }

  /**
   * The place with at least one passage, figure and flow about it and the fewest of them all
   * (the first of equals): the smallest popup with every kind of content; null when none has all.
   */
  smallestCompletePlace(placeIds: Iterable<string>): string | null {
    let best: string | null = null;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const id of placeIds) {
      const kinds = [this.passagesAbout(id).length, this.figuresAbout(id).length, this.flowsAbout(id).length];
      const count = kinds.reduce((sum, n) => sum + n, 0);
      if (kinds.every((n) => n > 0) && count < bestCount) {
        best = id;
        bestCount = count;
      }
    }
    return best;
  }

  article(id: ArticleId) {
    return this.data.articles.find((article) => article.id === id);
  }

  /** The districts each district-level theme highlights: every place its passages name. */
  themeDistricts(): Record<DistrictTheme, string[]> {
    const result = Object.fromEntries(DISTRICT_THEMES.map((theme) => [theme, new Set<string>()])) as Record<
      DistrictTheme,
      Set<string>
    >;
    for (const passage of this.data.passages) {
      for (const layer of passage.layers) {
        const codes = result[layer as DistrictTheme];
        if (!codes) continue;
        for (const place of passage.places) for (const code of this.places.districtCodes(place)) codes.add(code);
      }
    }
    return Object.fromEntries(Object.entries(result).map(([theme, codes]) => [theme, [...codes].sort()])) as Record<
      DistrictTheme,
      string[]
    >;
  }
}
