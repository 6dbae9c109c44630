/**
 * Passage ids outlive their passages: links and embeds carry them. passage-ids.json lists
 * every id ever released and, for ids renamed or merged, the id that now holds the words;
 * the build checks that each released id still opens a passage.
 */
import { currentPassageId } from '../../src/content/passage-ids';
import { DataBuildError } from '../geodata/errors';

export interface PassageIdsFile {
  released: string[];
  renamed: Record<string, string>;
}

export function parsePassageIds(data: unknown, file: string): PassageIdsFile {
  const record = data as Record<string, unknown> | null;
  const released = record?.released;
  const renamed = record?.renamed;
  if (!Array.isArray(released) || !released.every((id) => typeof id === 'string')) {
    throw new DataBuildError(file, null, '"released" must be a list of passage ids');
  }
  if (typeof renamed !== 'object' || renamed === null || Array.isArray(renamed)) {
    throw new DataBuildError(file, null, '"renamed" must map old ids to current ids');
  }
  for (const [from, to] of Object.entries(renamed)) {
    if (typeof to !== 'string') throw new DataBuildError(file, `renamed "${from}"`, 'must name a current id');
  }
  return { released, renamed: renamed as Record<string, string> };
}

export function checkPassageIds(ids: PassageIdsFile, passageIds: string[], file: string): void {
  const current = new Set(passageIds);
  for (const [from, to] of Object.entries(ids.renamed)) {
    if (current.has(from)) throw new DataBuildError(file, `renamed "${from}"`, 'is still a current passage id');
    if (!current.has(to))
      throw new DataBuildError(file, `renamed "${from}"`, `points to "${to}", which is not a passage`);
  }
  for (const id of ids.released) {
    if (currentPassageId(id, current, ids.renamed) === null) {
      throw new DataBuildError(file, `released "${id}"`, 'opens no passage: keep the id or add it to "renamed"');
    }
  }
}
