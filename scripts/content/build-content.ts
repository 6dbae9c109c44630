/**
 * The content build: reads geodata/content/, checks it against the page, the facts file
 * and the places of the geodata build, and joins it into the two artifacts the app reads:
 * content.json (popups and layers) and articles.json (full texts for the reader).
 */
import type { LngLat, PlacesData } from '../../src/types/atlas-data';
import type { ArticlesData, ContentData, Flow, Passage } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import { arcPath } from './arc';
import { censusFigures } from './census';
import { checkContent } from './check-content';
import { clauseBoundaries } from './check-text';
import type { ContentFileNames, ContentInputs, FlowInput } from './inputs';
import { computeOutflowShares } from './outflow';
import { contentFileNames, readContentInputs } from './read';
import { type InnerPointSource, resolveSchematic } from './schematic';

function labelPoints(places: PlacesData): Map<string, LngLat> {
  return new Map<string, LngLat>([
    ...places.districts.map((district): [string, LngLat] => [district.code, district.label]),
    ...places.regions.map((region): [string, LngLat] => [region.id, region.label]),
  ]);
}

/** Flow arrows run between the label points of their places, so they meet the labels the map shows. */
function flowsWithPaths(
  inputs: ContentInputs,
  places: PlacesData,
  outflowCodes: ReadonlySet<string>,
  file: string,
): Flow[] {
  const labels = labelPoints(places);
  return inputs.flows.map((flow) => {
    const from = labels.get(flow.from);
    const to = labels.get(flow.to);
    if (!from || !to) throw new DataBuildError(file, `flow "${flow.id}"`, 'a place has no label point');
    return { ...flow, coverage: flowCoverage(flow, places, outflowCodes), path: arcPath(from, to) };
  });
}

/** An observed flow says how many units of the region it leaves have the outflow data behind it. */
function flowCoverage(flow: FlowInput, places: PlacesData, outflowCodes: ReadonlySet<string>): Flow['coverage'] {
  if (flow.basis !== 'observed') return null;
  const region = places.regions.find((entry) => entry.id === flow.from);
  const members = region ? region.members : [flow.from];
  return { withData: members.filter((code) => outflowCodes.has(code)).length, units: members.length };
}

/** Passages as shown: an excerpt carries which of its ends are cut, for the ellipsis. */
function passagesWithCuts(inputs: ContentInputs): Passage[] {
  const paragraphs = new Map(inputs.articles.articles.map((article) => [article.id, article.paragraphs]));
  return inputs.passages.map(({ excerpt, ...passage }) => {
    if (!excerpt) return passage;
    const cut = clauseBoundaries(passage.quote, paragraphs.get(passage.article) ?? []);
    return { ...passage, excerpt: { start: !cut?.start, end: !cut?.end } };
  });
}

function latestVersion(inputs: ContentInputs): { version: string; date: string } {
  const latest = inputs.corrections.at(-1);
  if (!latest) throw new DataBuildError('corrections.json', null, 'has no entries');
  return { version: latest.version, date: latest.date };
}

/** Joins checked inputs into the artifacts; pure apart from the geometry lookups. */
export async function joinContent(
  inputs: ContentInputs,
  places: PlacesData,
  geometry: InnerPointSource,
  buildId: string,
  files: ContentFileNames,
): Promise<{ content: ContentData; articles: ArticlesData }> {
  checkContent(inputs, places, files);
  const districtCodes = places.districts.map((district) => district.code);
  const outflowShares = computeOutflowShares(inputs.figures, districtCodes, files.figures);
  const outflowCodes = new Set(outflowShares.map((share) => share.code));
  const content: ContentData = {
    buildId,
    contentVersion: latestVersion(inputs),
    corrections: inputs.corrections,
    sources: inputs.sources,
    pageHeading: inputs.articles.pageHeading,
    articles: inputs.articles.articles.map(({ paragraphs: _paragraphs, ...meta }) => meta),
    passages: passagesWithCuts(inputs),
    renamedPassages: inputs.passageIds.renamed,
    figures: [...inputs.figures, ...censusFigures(inputs.census)],
    flows: flowsWithPaths(inputs, places, outflowCodes, files.flows),
    schematic: await resolveSchematic(inputs.schematic, geometry),
    regionDefinitions: inputs.regionDefinitions,
    boundaryNotes: inputs.boundaryNotes,
    outflowShares,
  };
  const articles: ArticlesData = {
    buildId,
    articles: inputs.articles.articles.map(({ id, paragraphs }) => ({ id, paragraphs })),
  };
  return { content, articles };
}

export async function buildContent(
  contentDir: string,
  places: PlacesData,
  geometry: { innerPoint(codes: string[]): Promise<LngLat> },
  buildId: string,
): Promise<{ content: ContentData; articles: ArticlesData }> {
  const files = contentFileNames(contentDir);
  return joinContent(readContentInputs(files), places, geometry, buildId, files);
}
