/**
 * Checks on the source list (sources.json): every key the facts file defines is listed
 * once, and every key a reader is shown (figures, region notes, schematic features)
 * resolves to an entry, so no popup prints a bare "[M1]".
 */
import type { PlacesData } from '../../src/types/atlas-data';
import type { SourceEntry } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';
import type { ContentFileNames, ContentInputs } from './inputs';

const SOURCE_KEY = /^\[[A-Za-z0-9]+\]$/;

/** The keys of a citation such as "[M1] [M2]" (NOT FOUND cites nothing). */
export function citedKeys(citation: string): string[] {
  return citation === 'NOT FOUND' ? [] : citation.split(' ').filter((key) => key !== '');
}

export function checkSourceList(sources: SourceEntry[], factsKeys: Set<string>, file: string): void {
  const listed = new Set<string>();
  for (const source of sources) {
    if (!SOURCE_KEY.test(source.key))
      throw new DataBuildError(file, `source ${source.key}`, 'key must look like "[M1]"');
    if (listed.has(source.key)) throw new DataBuildError(file, `source ${source.key}`, 'listed twice');
    listed.add(source.key);
  }
  for (const key of factsKeys) {
    if (!listed.has(key)) throw new DataBuildError(file, `source ${key}`, 'defined in the facts file but not listed');
  }
}

/** Every key shown to a reader is in the source list. */
export function checkCitedSources(inputs: ContentInputs, places: PlacesData, files: ContentFileNames): void {
  const listed = new Set(inputs.sources.map((source) => source.key));
  const check = (citation: string, file: string, name: string) => {
    for (const key of citedKeys(citation)) {
      if (!listed.has(key)) throw new DataBuildError(file, name, `cites ${key}, which is not in the source list`);
    }
  };
  for (const figure of inputs.figures) {
    if (figure.source.kind === 'facts') check(figure.source.key, files.figures, `figure "${figure.id}"`);
  }
  for (const feature of inputs.schematic) {
    check(feature.sourceKey, files.schematic, `schematic feature "${feature.id}"`);
    for (const anchor of feature.anchors) {
      if ('point' in anchor) check(anchor.sourceKey, files.schematic, `schematic feature "${feature.id}"`);
    }
  }
  for (const region of places.regions) check(region.sourceKey, files.sources, `region "${region.id}"`);
  for (const definition of inputs.regionDefinitions) {
    check(definition.sourceKey, files.regionDefinitions, `region "${definition.region}"`);
  }
  for (const note of inputs.boundaryNotes) check(note.sourceKey, files.boundaryNotes, `district "${note.district}"`);
  for (const passage of inputs.passages) {
    const note = passage.editorNote;
    if (note)
      check(
        [...`${note.zh} ${note.en}`.matchAll(/\[[A-Za-z0-9]+\]/g)].map((m) => m[0]).join(' '),
        files.passages,
        `passage "${passage.id}"`,
      );
  }
}
