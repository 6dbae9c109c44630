/** The corrections log: dated, in order, and covering every change a released link would notice. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';

const inputs: ContentInputs = readContentInputs(contentFileNames(resolve('geodata/content')));
const named = new Set(inputs.corrections.flatMap((entry) => entry.changes.flatMap((change) => change.ids)));

describe('the corrections log', () => {
  it('has a version 1 and a later dated version, in date order', () => {
    expect(inputs.corrections.length).toBeGreaterThanOrEqual(2);
    expect(inputs.corrections[0]?.version).toBe('1');
    const dates = inputs.corrections.map((entry) => entry.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('records every released passage id that was renamed or merged, and the id it went to', () => {
    for (const [from, to] of Object.entries(inputs.passageIds.renamed)) {
      expect(named.has(from), from).toBe(true);
      expect(named.has(to), to).toBe(true);
    }
  });

  it('records the dropped undated Qianjiang hukou figure', () => {
    const dropped = inputs.corrections.flatMap((entry) =>
      entry.changes.filter((change) => change.kind === 'dropped-figure').flatMap((change) => change.ids),
    );
    expect(dropped).toContain('hukou-undated-500114');
  });
});
