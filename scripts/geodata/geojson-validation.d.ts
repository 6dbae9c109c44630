declare module 'geojson-validation' {
  /** With trace = true the functions return a list of problems (empty when valid). */
  export function isFeature(object: unknown, trace: true): string[];
  export function isFeatureCollection(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown): boolean;
}
