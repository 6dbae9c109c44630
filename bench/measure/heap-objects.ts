/**
 * The page's JavaScript objects after a forced GC, from a heap snapshot: everything but
 * compiled code and the browser's own (native) objects. A leak grows it; V8 optimising more of
 * MapLibre's code as the same actions repeat does not (that grows the used heap by 300–400 KiB
 * over 50 selections here, BENCHMARKS.md 23).
 */
import type { CDPSession } from 'playwright-core';

/** Snapshot node types that are not the page's objects: V8's compiled code, Blink's natives, roots. */
const NOT_OBJECTS = new Set(['code', 'native', 'synthetic', 'hidden']);

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Bytes per node type in a heap snapshot (pure: tested on a hand-made snapshot). */
export function bytesByNodeType(snapshot: HeapSnapshot): Map<string, number> {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const bytes = new Map<string, number>();
  for (let offset = 0; offset < snapshot.nodes.length; offset += fields.length) {
    const type = typeNames[snapshot.nodes[offset + typeAt] as number] ?? 'unknown';
    bytes.set(type, (bytes.get(type) ?? 0) + (snapshot.nodes[offset + sizeAt] as number));
  }
  return bytes;
}

export function objectBytes(byType: Map<string, number>): number {
  let total = 0;
  for (const [type, bytes] of byType) if (!NOT_OBJECTS.has(type)) total += bytes;
  return total;
}

/** Called right after heapAfterGc (load.ts); taking the snapshot collects garbage again itself. */
export async function heapObjectBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return objectBytes(bytesByNodeType(JSON.parse(chunks.join('')) as HeapSnapshot));
}
