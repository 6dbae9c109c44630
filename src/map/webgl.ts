let webGl2: boolean | undefined;

/**
 * MapLibre 6 draws with WebGL2 only; without it the app shows a place list instead.
 * Asked once per page: each probe creates a WebGL context (tens of ms with a software
 * renderer), released at once so it does not count against the browser's context limit.
 */
export function supportsWebGl2(): boolean {
  if (webGl2 !== undefined) return webGl2;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    webGl2 = gl !== null;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webGl2 = false;
  }
  return webGl2;
}

let mapModule: Promise<typeof import('./atlas-map')> | null = null;

/** The map code (MapLibre included), fetched once; started early so it loads beside the data. */
export function loadMapModule(): Promise<typeof import('./atlas-map')> {
  mapModule ??= import('./atlas-map');
  return mapModule;
}
