/** MapLibre 6 draws with WebGL2 only; without it the app shows a place list instead. */
export function supportsWebGl2(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

let mapModule: Promise<typeof import('./atlas-map')> | null = null;

/** The map code (MapLibre included), fetched once; started early so it loads beside the data. */
export function loadMapModule(): Promise<typeof import('./atlas-map')> {
  mapModule ??= import('./atlas-map');
  return mapModule;
}
