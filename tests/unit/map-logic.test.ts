import { describe, expect, it } from 'vitest';
import { arrowHead } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { diffFlags } from '../../src/map/feature-state-diff';
import { highlightFlags } from '../../src/map/highlight';
import { loadPlaces } from '../support/artifacts';

const places = new PlaceIndex(loadPlaces());
const keys = (flags: Array<{ kind: string; id: string; key: string }>) =>
  flags.map((flag) => `${flag.kind}/${flag.id}/${flag.key}`).sort();

describe('highlightFlags', () => {
  it('selects a district and outlines its regions as context', () => {
    const flags = keys(highlightFlags(places, '500101', []));
    expect(flags).toContain('district/500101/selected');
    expect(flags).toContain('region/wan-kai-yun/context');
    expect(flags).toContain('region/northeast/context');
    expect(flags.filter((flag) => flag.endsWith('/selected'))).toEqual(['district/500101/selected']);
  });

  it('selects a region and marks its members', () => {
    const flags = keys(highlightFlags(places, 'wan-kai-yun', []));
    expect(flags).toEqual(
      [
        'region/wan-kai-yun/selected',
        'district/500101/member',
        'district/500154/member',
        'district/500235/member',
      ].sort(),
    );
  });

  it('marks a schematic region only through its districts (it has no outline)', () => {
    const flags = keys(highlightFlags(places, 'science-corridor', []));
    expect(flags.some((flag) => flag.startsWith('region/'))).toBe(false);
    expect(flags).toContain('district/500106/member');
  });

  it('emphasises the schematic lines of the selected place, and only while it is selected', () => {
    const lines = [
      { id: 'science-corridor-link', place: 'science-corridor' },
      { id: 'tiefengshan-wanzhou-kaizhou-link', place: 'wan-kai-yun' },
      { id: 'no-place', place: null },
    ];
    expect(keys(highlightFlags(places, 'science-corridor', [], lines))).toContain(
      'schematic/science-corridor-link/selected',
    );
    expect(
      keys(highlightFlags(places, 'science-corridor', [], lines)).filter((flag) => flag.startsWith('schematic/')),
    ).toEqual(['schematic/science-corridor-link/selected']);
    expect(keys(highlightFlags(places, '500101', [], lines)).some((flag) => flag.startsWith('schematic/'))).toBe(false);
    expect(
      keys(highlightFlags(places, null, ['science-corridor'], lines)).some((flag) => flag.startsWith('schematic/')),
    ).toBe(false);
  });

  it("marks a passage's places, expanding regions to their districts", () => {
    const flags = keys(highlightFlags(places, null, ['southeast', '500103']));
    expect(flags).toContain('district/500114/passage');
    expect(flags).toContain('district/500103/passage');
    expect(flags).toContain('region/southeast/context');
    expect(flags.filter((flag) => flag.endsWith('/passage'))).toHaveLength(7);
  });
});

describe('diffFlags', () => {
  it('switches on only what is new and off only what is gone', () => {
    const a = { kind: 'district' as const, id: '1', key: 'selected' };
    const b = { kind: 'district' as const, id: '2', key: 'selected' };
    const c = { kind: 'district' as const, id: '2', key: 'passage' };
    expect(diffFlags([a, b], [b, c])).toEqual({ off: [a], on: [c] });
    expect(diffFlags([a], [{ ...a }])).toEqual({ off: [], on: [] });
  });
});

describe('arrowHead', () => {
  it('puts a triangle at the end of the path, pointing along it', () => {
    const head = arrowHead(
      [
        [108, 30],
        [107, 30],
      ],
      0.1,
    );
    const ring = head?.coordinates[0] ?? [];
    expect(ring[0]).toEqual([107, 30]);
    expect(ring.at(-1)).toEqual([107, 30]);
    // Pointing west: the base corners lie east of the tip, on both sides of the path.
    expect(ring[1]?.[0]).toBeGreaterThan(107);
    expect(ring[2]?.[0]).toBeGreaterThan(107);
    expect(Math.sign((ring[1]?.[1] ?? 30) - 30)).toBe(-Math.sign((ring[2]?.[1] ?? 30) - 30));
  });

  it('gives nothing for a path too short to point anywhere', () => {
    expect(arrowHead([[107, 30]], 0.1)).toBeNull();
    expect(
      arrowHead(
        [
          [107, 30],
          [107, 30],
        ],
        0.1,
      ),
    ).toBeNull();
  });
});
