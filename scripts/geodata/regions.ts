import type { Bilingual, RegionKind } from '../../src/types/atlas-data';
import { DataBuildError } from './errors';

export interface RegionDefinition {
  id: string;
  /** null for a district-region: it is its one district, and takes the district's names. */
  nameZh: string | null;
  nameEn: string | null;
  kind: RegionKind;
  members: string[];
  sourceKey: string;
  versionNote: Bilingual;
}

/** The region ids of docs/architecture.md's public contracts: so the build refuses to lose one. */
export const REQUIRED_REGION_IDS = [
  'chongqing',
  'central-urban',
  'western',
  'eastern-new-city',
  'metropolitan',
  'northeast',
  'southeast',
  'wan-kai-yun',
  'yuzhong',
  'science-corridor',
] as const;

const KINDS: readonly RegionKind[] = [
  'municipality',
  'planning-area',
  'urban-system',
  'cluster',
  'district-region',
  'schematic',
];

/**
 * Reads the region definitions and checks them against the district codes: ids unique
 * and complete, members known, and the five urban-system regions a partition of all
 * districts (each district in exactly one), since the `urban-system` layer colours by it.
 */
export function parseRegions(data: unknown, file: string, districtCodes: string[]): RegionDefinition[] {
  const list = (data as { regions?: unknown })?.regions;
  if (!Array.isArray(list)) throw new DataBuildError(file, null, 'expected {"regions": [...]}');
  const known = new Set(districtCodes);
  const seen = new Set<string>();
  const regions = list.map((entry: Record<string, unknown>, index): RegionDefinition => {
    const name = `region #${index}${typeof entry?.id === 'string' ? ` (${entry.id})` : ''}`;
    const text = (key: string) => {
      const value = entry?.[key];
      if (typeof value !== 'string' || value.trim() === '')
        throw new DataBuildError(file, name, `"${key}" must be a non-empty string`);
      return value;
    };
    const id = text('id');
    if (!/^[a-z][a-z-]*$/.test(id))
      throw new DataBuildError(file, name, `id "${id}" must be lower-case words joined by "-"`);
    if (seen.has(id)) throw new DataBuildError(file, name, `duplicate id "${id}"`);
    seen.add(id);
    const kind = text('kind') as RegionKind;
    if (!KINDS.includes(kind)) throw new DataBuildError(file, name, `unknown kind "${kind}"`);
    const members = entry.members === 'all' ? [...districtCodes] : entry.members;
    if (!Array.isArray(members) || members.length === 0)
      throw new DataBuildError(file, name, '"members" must be "all" or a non-empty list of codes');
    const unique = new Set(members.map(String));
    if (unique.size !== members.length) throw new DataBuildError(file, name, 'a member is listed twice');
    for (const code of unique) {
      if (!known.has(code)) throw new DataBuildError(file, name, `member "${code}" is not a district code`);
    }
    // A district-region is one place under two ids: a second name for it would drift from the district's.
    const isDistrict = kind === 'district-region';
    if (isDistrict && unique.size !== 1)
      throw new DataBuildError(file, name, 'a district-region has exactly one member');
    if (isDistrict && ('nameZh' in entry || 'nameEn' in entry))
      throw new DataBuildError(file, name, "a district-region takes its district's names: remove nameZh and nameEn");
    return {
      id,
      nameZh: isDistrict ? null : text('nameZh'),
      nameEn: isDistrict ? null : text('nameEn'),
      kind,
      members: [...unique],
      sourceKey: text('sourceKey'),
      versionNote: { zh: text('versionNoteZh'), en: text('versionNoteEn') },
    };
  });
  const missing = REQUIRED_REGION_IDS.filter((id) => !seen.has(id));
  if (missing.length > 0) throw new DataBuildError(file, null, `missing required region ids: ${missing.join(', ')}`);
  urbanSystemOf(regions, districtCodes, file);
  return regions;
}

/** Maps each district to its one urban-system region; fails unless they partition the districts. */
export function urbanSystemOf(regions: RegionDefinition[], districtCodes: string[], file: string): Map<string, string> {
  const owner = new Map<string, string>();
  for (const region of regions.filter((candidate) => candidate.kind === 'urban-system')) {
    for (const code of region.members) {
      const previous = owner.get(code);
      if (previous)
        throw new DataBuildError(
          file,
          `region ${region.id}`,
          `district ${code} is also in urban-system region ${previous}`,
        );
      owner.set(code, region.id);
    }
  }
  const orphans = districtCodes.filter((code) => !owner.has(code));
  if (orphans.length > 0)
    throw new DataBuildError(file, null, `districts in no urban-system region: ${orphans.join(', ')}`);
  return owner;
}
