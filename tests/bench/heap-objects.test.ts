import { describe, expect, it } from 'vitest';
import { bytesByNodeType, objectBytes } from '../../bench/measure/heap-objects';

/** A heap snapshot's node table as V8 writes it: one flat array, `node_fields` numbers per node. */
function snapshotOf(nodes: [type: string, selfSize: number][]) {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'synthetic'];
  const fields = ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'];
  return {
    snapshot: { meta: { node_fields: fields, node_types: [types, 'string'] as [string[], string] } },
    nodes: nodes.flatMap(([type, size], index) => [types.indexOf(type), 0, index * 2 + 1, size, 0, 0]),
  };
}

describe('heap objects in a snapshot', () => {
  it('adds up self sizes per node type', () => {
    const byType = bytesByNodeType(
      snapshotOf([
        ['object', 40],
        ['object', 24],
        ['code', 1000],
        ['string', 16],
        ['native', 300],
      ]),
    );
    expect(Object.fromEntries(byType)).toEqual({ object: 64, code: 1000, string: 16, native: 300 });
  });

  it("counts the page's objects, not compiled code, the browser's natives or the roots", () => {
    const byType = bytesByNodeType(
      snapshotOf([
        ['object', 40],
        ['closure', 32],
        ['array', 80],
        ['string', 16],
        ['code', 5000],
        ['native', 700],
        ['synthetic', 0],
        ['hidden', 90],
      ]),
    );
    expect(objectBytes(byType)).toBe(40 + 32 + 80 + 16);
  });
});
