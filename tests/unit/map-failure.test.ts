/** What the reader is told when the map cannot start, from the error that stopped it. */
import { describe, expect, it } from 'vitest';
import { FileLoadError } from '../../src/data/file-load-error';
import { WORKER_CHECK_DELAY_MS, workerScriptFailure } from '../../src/map/worker-check';
import { mapFailureOf } from '../../src/ui/map-failure';

describe('mapFailureOf', () => {
  it('names the chunk of a failed dynamic import', () => {
    const error = new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/atlas-map-DSJXaqbV.js',
    );
    expect(mapFailureOf(error)).toEqual({
      kind: 'file',
      file: 'atlas-map-DSJXaqbV.js',
      reason: 'Failed to fetch dynamically imported module: atlas-map-DSJXaqbV.js',
    });
  });

  it('names the stylesheet Vite could not preload', () => {
    const failure = mapFailureOf(new Error('Unable to preload CSS for http://x.example/assets/atlas-map-qvkd0SPb.css'));
    expect(failure.kind).toBe('file');
    expect(failure.file).toBe('atlas-map-qvkd0SPb.css');
  });

  it('keeps the file and reason of a FileLoadError', () => {
    const failure = mapFailureOf(new FileLoadError('maplibre-gl-worker-C.mjs', 'HTTP 404'));
    expect(failure).toEqual({ kind: 'file', file: 'maplibre-gl-worker-C.mjs', reason: 'HTTP 404' });
  });

  it('tells a WebGL failure apart', () => {
    expect(mapFailureOf(new Error('Failed to initialize WebGL')).kind).toBe('webgl');
  });

  it('passes any other error on as it is', () => {
    expect(mapFailureOf('boom')).toEqual({ kind: 'error', file: null, reason: 'boom' });
  });
});

describe('workerScriptFailure', () => {
  const url = '/assets/maplibre-gl-worker-CZtFQQIV.mjs';

  it('is null when the script loads', async () => {
    expect(await workerScriptFailure(url, async () => new Response('ok'))).toBeNull();
  });

  it('names the script and the status when it does not', async () => {
    const failure = await workerScriptFailure(url, async () => new Response('gone', { status: 404 }));
    expect(failure?.message).toBe('maplibre-gl-worker-CZtFQQIV.mjs: HTTP 404');
  });

  it('names the script when the request fails', async () => {
    const failure = await workerScriptFailure(url, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(failure?.message).toBe('maplibre-gl-worker-CZtFQQIV.mjs: Failed to fetch');
  });

  it('is checked within a few seconds', () => {
    expect(WORKER_CHECK_DELAY_MS).toBeLessThanOrEqual(5000);
  });
});
