/**
 * All content checks, in the order that gives the clearest error first: ids, then
 * references, then texts against the page, then figures against the facts file.
 */
import type { PlacesData } from '../../src/types/atlas-data';
import { DataBuildError } from '../geodata/errors';
import { CENSUS_TABLE_KEY, checkCensusTable } from './census';
import { checkDerivedFigures, checkFactsTable, checkFigureSources } from './check-figures';
import { checkIds, checkPassageIdPrefixes } from './check-ids';
import { checkDefinitions, checkReferences, checkRegionCoverage } from './check-references';
import { checkCitedSources, checkSourceList } from './check-sources';
import { checkArticleTexts, checkClauseBoundaries, checkQuotes } from './check-text';
import { checkCorrections } from './corrections';
import { CONTENT_FILES, type ContentFileNames, type ContentInputs } from './inputs';
import { checkPassageIds } from './passage-ids';
import { checkSchematic } from './schematic';

export function checkContent(
  inputs: ContentInputs,
  places: PlacesData,
  files: ContentFileNames = { ...CONTENT_FILES },
): void {
  checkIds(inputs.passages, files.passages, 'passage');
  checkPassageIdPrefixes(inputs.passages, files.passages);
  checkPassageIds(
    inputs.passageIds,
    inputs.passages.map((passage) => passage.id),
    files.passageIds,
  );
  checkIds(inputs.figures, files.figures, 'figure');
  checkIds(inputs.flows, files.flows, 'flow');
  checkIds(inputs.schematic, files.schematic, 'schematic feature');

  checkReferences(inputs, places, files);
  checkCorrections(inputs.corrections, knownIds(inputs), files.corrections);
  checkRegionCoverage(inputs, files.passages);
  checkDefinitions(inputs, places, files);

  checkArticleTexts(inputs.articles, inputs.page, files.articles);
  checkQuotes(inputs.passages, inputs.articles, files.passages);
  checkClauseBoundaries(inputs.passages, inputs.articles, files.passages);

  checkSourceList(inputs.sources, inputs.facts.sourceKeys, files.sources);
  checkCitedSources(inputs, places, files);
  const listedKeys = new Set(inputs.sources.map((source) => source.key));
  checkFigureSources(inputs.figures, inputs.passages, listedKeys, files.figures);
  checkFactsTable(inputs.figures, inputs.facts, files.figures, {
    key: CENSUS_TABLE_KEY,
    counts: new Map(inputs.census.map((row) => [row.code, row.resident])),
  });
  checkDerivedFigures(inputs.figures, files.figures);
  checkCensusTable(inputs.census, places, files.census);

  const municipality = places.regions.find((region) => region.id === 'chongqing');
  if (!municipality)
    throw new DataBuildError(files.schematic, null, 'places has no "chongqing" region to check points');
  checkSchematic(inputs.schematic, inputs.facts, municipality.bbox, files.schematic);
}

/** Ids the corrections log may name: current and released ones, articles, and items it records as dropped. */
function knownIds(inputs: ContentInputs): Set<string> {
  const dropped = inputs.corrections.flatMap((entry) =>
    entry.changes
      .filter((change) => change.kind === 'dropped-figure' || change.kind === 're-anchored')
      .flatMap((change) => change.ids),
  );
  return new Set([
    ...inputs.passages.map((passage) => passage.id),
    ...inputs.passageIds.released,
    ...inputs.figures.map((figure) => figure.id),
    ...inputs.flows.map((flow) => flow.id),
    ...inputs.schematic.map((feature) => feature.id),
    ...inputs.articles.articles.map((article) => article.id),
    ...dropped,
  ]);
}
