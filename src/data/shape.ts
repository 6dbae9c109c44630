/**
 * Small shape checks for JSON read from the network: each check throws a ShapeError naming
 * the path of the first bad value (e.g. `passages[3].quote: expected a string`), so a data file
 * of the wrong shape is reported where it is loaded instead of failing later in rendering.
 * Pure: no DOM, no fetch.
 */

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || '(top level)'}: expected ${expected}`);
    this.name = 'ShapeError';
  }
}

/** Throws a ShapeError if `value` (found at `path`) is not of the expected shape. */
export type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
  throw new ShapeError(path, expected);
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string: Check = (value, path) => {
  if (typeof value !== 'string') fail(path, 'a string');
};

export const number: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number');
};

export const boolean: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'true or false');
};

export const oneOf =
  (...values: readonly string[]): Check =>
  (value, path) => {
    if (!values.includes(value as string)) fail(path, `one of ${values.join(', ')}`);
  };

export const nullable =
  (check: Check): Check =>
  (value, path) => {
    if (value !== null) check(value, path);
  };

export const optional =
  (check: Check): Check =>
  (value, path) => {
    if (value !== undefined) check(value, path);
  };

/** An array, its items not checked. */
export const array: Check = (value, path) => {
  if (!Array.isArray(value)) fail(path, 'an array');
};

export const arrayOf =
  (item: Check, { minLength = 0 } = {}): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array');
    if (value.length < minLength) fail(path, `at least ${minLength} item${minLength === 1 ? '' : 's'}`);
    value.forEach((entry, index) => {
      item(entry, `${path}[${index}]`);
    });
  };

/** An array of exactly `length` numbers, e.g. a [lon, lat] pair or a bounding box. */
export const numbers =
  (length: number): Check =>
  (value, path) => {
    if (!Array.isArray(value) || value.length !== length) return fail(path, `an array of ${length} numbers`);
    value.forEach((entry, index) => {
      number(entry, `${path}[${index}]`);
    });
  };

/** An object with at least these fields (others are allowed and not read). */
export const object =
  (fields: Record<string, Check>): Check =>
  (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object');
    for (const [key, check] of Object.entries(fields)) check(value[key], path ? `${path}.${key}` : key);
  };

/** An object used as a map: every value passes `item`. */
export const recordOf =
  (item: Check): Check =>
  (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object');
    for (const [key, entry] of Object.entries(value)) item(entry, path ? `${path}.${key}` : key);
  };

/** An object whose `kind` field picks the check for the rest. */
export const byKind =
  (variants: Record<string, Check>): Check =>
  (value, path) => {
    if (!isRecord(value)) return fail(path, 'an object');
    const kind = value.kind;
    const check = typeof kind === 'string' ? variants[kind] : undefined;
    if (!check) return fail(path ? `${path}.kind` : 'kind', `one of ${Object.keys(variants).join(', ')}`);
    check(value, path);
  };

/** Throws a ShapeError naming the first place where `value` does not have the shape. */
export function checkShape(check: Check, value: unknown): void {
  check(value, '');
}
