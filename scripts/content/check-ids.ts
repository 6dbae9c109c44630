import { DataBuildError } from '../geodata/errors';

/** Lower-case words and numbers joined by "-": ids appear in URLs. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids are well formed and unique within their file. */
export function checkIds(items: { id: string }[], file: string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const name = `${what} "${item.id}"`;
    if (!ID_PATTERN.test(item.id)) {
      throw new DataBuildError(file, name, 'id must be lower-case words or numbers joined by "-"');
    }
    if (seen.has(item.id)) throw new DataBuildError(file, name, 'duplicate id');
    seen.add(item.id);
  }
}

/** A passage id starts with its article, e.g. "a4-tiefengshan-road": readers can tell the source from a URL. */
export function checkPassageIdPrefixes(passages: { id: string; article: string }[], file: string): void {
  for (const passage of passages) {
    if (!passage.id.startsWith(`${passage.article}-`)) {
      throw new DataBuildError(file, `passage "${passage.id}"`, `id must start with "${passage.article}-"`);
    }
  }
}
