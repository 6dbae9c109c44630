/**
 * Whether MapLibre's worker script can be loaded. A worker whose script fails (404, reset)
 * leaves the map blank with no event the page can count on: MapLibre reports it only to a map
 * that already listens when it happens, and the worker is started before the map exists.
 */
import { FileLoadError, fileName } from '../data/file-load-error';

/**
 * How long the map may take to load before its worker script is checked: a load that takes
 * longer (a slow machine, or a failed worker) makes one request, answered from the HTTP cache
 * when the worker did load the script, and a failed one is reported within a few seconds.
 */
export const WORKER_CHECK_DELAY_MS = 3000;

/** Requests the script again; the failure, or null when it loads. */
export async function workerScriptFailure(
  url: string,
  fetchScript: typeof fetch = fetch,
): Promise<FileLoadError | null> {
  const file = fileName(url);
  try {
    const response = await fetchScript(url);
    // Only the status matters: the worker reads the script itself.
    void response.body?.cancel().catch(() => undefined);
    return response.ok ? null : new FileLoadError(file, `HTTP ${response.status}`);
  } catch (error) {
    return new FileLoadError(file, (error as Error).message || 'network error');
  }
}
