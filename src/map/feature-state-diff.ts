/** One boolean feature-state flag on one district or region (the base source) or schematic line (the thematic one). */
export interface FlagTarget {
  kind: 'district' | 'region' | 'schematic';
  id: string;
  key: string;
}

const keyOf = (target: FlagTarget) => `${target.kind}\u0000${target.id}\u0000${target.key}`;

/**
 * What to switch on and off to go from one set of flags to another, so the map only
 * touches features whose state changes (Placemark's selection-diff pattern).
 */
export function diffFlags(previous: Iterable<FlagTarget>, next: Iterable<FlagTarget>) {
  const before = new Map([...previous].map((target) => [keyOf(target), target]));
  const after = new Map([...next].map((target) => [keyOf(target), target]));
  return {
    off: [...before].filter(([key]) => !after.has(key)).map(([, target]) => target),
    on: [...after].filter(([key]) => !before.has(key)).map(([, target]) => target),
  };
}
