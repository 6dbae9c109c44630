/**
 * The moment the first view is complete: MapLibre's first complete frame, or the map drawn
 * without WebGL in its place. Code the start does not need (the print sheet) waits for it,
 * so that it does not compete with the first view for the network or the main thread.
 */
let complete = false;
const waiting = new Set<() => void>();

export function markFirstViewComplete(): void {
  if (complete) return;
  complete = true;
  for (const task of waiting) task();
  waiting.clear();
}

/** Runs a task once the first view is complete (at once if it is); returns a cancel. */
export function afterFirstView(task: () => void): () => void {
  if (complete) {
    task();
    return () => {};
  }
  waiting.add(task);
  return () => waiting.delete(task);
}
