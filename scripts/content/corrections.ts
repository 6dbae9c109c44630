/**
 * The corrections log (corrections.json): dated entries of what changed in the content and
 * why, so a reader who quoted an earlier rendering can see what changed. The newest
 * entry's version is the content version About shows.
 */
import type { Correction, CorrectionKind } from '../../src/types/content';
import { CORRECTION_KINDS } from '../../src/types/content';
import { DataBuildError } from '../geodata/errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function parseCorrections(data: unknown, file: string): Correction[] {
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new DataBuildError(file, null, 'expected {"entries": [...]} with at least one entry');
  }
  return entries.map((entry: Record<string, unknown>, index) => {
    const name = `entry #${index}`;
    const fail = (problem: string): never => {
      throw new DataBuildError(file, name, problem);
    };
    if (!isText(entry.version)) fail('"version" must be a non-empty string');
    if (!isText(entry.date) || !ISO_DATE.test(entry.date)) fail('"date" must look like 2026-12-05');
    if (!Array.isArray(entry.changes) || entry.changes.length === 0) fail('"changes" must be a non-empty list');
    const changes = (entry.changes as Record<string, unknown>[]).map((change) => {
      if (!CORRECTION_KINDS.includes(change.kind as CorrectionKind))
        fail(`kind must be one of ${CORRECTION_KINDS.join(', ')}`);
      if (!Array.isArray(change.ids) || !change.ids.every(isText)) fail('"ids" must be a list of ids');
      if (!isText(change.zh) || !isText(change.en)) fail('each change needs "zh" and "en"');
      return {
        kind: change.kind as CorrectionKind,
        ids: change.ids as string[],
        text: { zh: change.zh as string, en: change.en as string },
      };
    });
    return { version: entry.version as string, date: entry.date as string, changes };
  });
}

/** Dates never go back, versions are unique, and the ids a change names are ids the content has or had. */
export function checkCorrections(corrections: Correction[], knownIds: ReadonlySet<string>, file: string): void {
  const versions = new Set<string>();
  corrections.forEach((entry, index) => {
    const name = `entry "${entry.version}"`;
    if (versions.has(entry.version)) throw new DataBuildError(file, name, 'version used twice');
    versions.add(entry.version);
    const previous = corrections[index - 1];
    if (previous && previous.date > entry.date) throw new DataBuildError(file, name, 'dated before the entry above it');
    for (const change of entry.changes) {
      for (const id of change.ids) {
        if (!knownIds.has(id)) throw new DataBuildError(file, name, `names "${id}", which the content never had`);
      }
    }
  });
}
