/** CITATION.cff states CFF 1.2.0's required fields and the package's version and licence. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cff = readFileSync(resolve(root, 'CITATION.cff'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string; license: string };
/** A top-level scalar (`key: value`, quotes removed). */
const field = (key: string) => cff.match(new RegExp(`^${key}: "?([^"\\n]*)"?$`, 'm'))?.[1];

describe('CITATION.cff', () => {
  it('has the required fields of CFF 1.2.0 and the package’s version and licence', () => {
    expect(field('cff-version')).toBe('1.2.0');
    expect(field('message')).toBeTruthy();
    expect(field('title')).toBe('Chongqing Spatial Strategy Atlas');
    expect(field('version')).toBe(pkg.version);
    expect(field('license')).toBe(pkg.license);
    expect(field('date-released')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cff).toMatch(/^authors:\n {2}- name: "[^"]+"$/m);
    // No placeholder addresses: a field is left out when its URL is not known.
    expect(cff).not.toMatch(/example\.(com|org)|TODO|repository-code/);
  });
});
