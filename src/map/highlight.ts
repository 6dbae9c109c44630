/**
 * Which features carry which feature-state flags for a selection and an open passage.
 * Pure: the adapter applies the result as a diff.
 */
import type { PlaceIndex } from '../data/place-index';
import type { FlagTarget } from './feature-state-diff';

/** A schematic line, and the place it stands for (`schematicPlace` in style.ts). */
export interface SchematicLineRef {
  id: string;
  place: string | null;
}

export function highlightFlags(
  places: PlaceIndex,
  sel: string | null,
  passagePlaces: readonly string[],
  schematicLines: readonly SchematicLineRef[] = [],
): FlagTarget[] {
  const flags: FlagTarget[] = [];
  const flag = (kind: FlagTarget['kind'], id: string, key: string) => flags.push({ kind, id, key });
  const outlined = (id: string) => places.regions.get(id)?.kind !== 'schematic';
  const selected = sel ? places.get(sel) : null;
  if (selected?.kind === 'district') {
    flag('district', selected.info.code, 'selected');
    for (const region of places.regionsOf(selected.info.code)) {
      if (outlined(region.id)) flag('region', region.id, 'context');
    }
  } else if (selected?.kind === 'region') {
    if (outlined(selected.info.id)) flag('region', selected.info.id, 'selected');
    for (const code of selected.info.members) flag('district', code, 'member');
  }
  for (const line of schematicLines) if (sel && line.place === sel) flag('schematic', line.id, 'selected');
  for (const id of passagePlaces) {
    for (const code of places.districtCodes(id)) flag('district', code, 'passage');
    if (places.regions.has(id) && outlined(id) && id !== sel) flag('region', id, 'context');
  }
  return flags;
}
