/**
 * A clean install on the oldest Node the project supports: every locked package accepts that
 * Node, no dependency compiles native code, and every declared range is met by what is locked.
 * Read from package-lock.json, so the check needs no network and no install.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
  overrides?: Record<string, string>;
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};
const locked = Object.entries(lock.packages).filter(([path]) => path !== '');

/** The package's name from its lock path (the last `node_modules/` segment). */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Where Node would find `name` from the package at `path`: its own node_modules, then each parent's. */
function resolveFrom(path: string, name: string): LockedPackage | undefined {
  let base = path;
  for (;;) {
    const found = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (found) return found;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

describe('install', () => {
  const oldestNode = semver.minVersion(manifest.engines.node);

  it('every locked package accepts the oldest supported Node', () => {
    expect(oldestNode).not.toBeNull();
    const refusing = locked
      .filter(([, pkg]) => !Array.isArray(pkg.engines) && pkg.engines?.node)
      .filter(([, pkg]) => !semver.satisfies(String(oldestNode), (pkg.engines as { node: string }).node))
      .map(([path, pkg]) => `${nameOf(path)}@${pkg.version} needs node ${(pkg.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('no dependency runs an install script (no native compile): each is denied in allowScripts', () => {
    const scripted = [...new Set(locked.filter(([, pkg]) => pkg.hasInstallScript).map(([path]) => nameOf(path)))];
    expect(scripted.length).toBeGreaterThan(0);
    const notDenied = scripted.filter((name) => manifest.allowScripts?.[name] !== false);
    expect(notDenied).toEqual([]);
  });

  it('every dependency range is met by the version Node resolves (what `npm ls` calls valid)', () => {
    const invalid: string[] = [];
    for (const [path, pkg] of locked) {
      const ranges = { ...pkg.dependencies, ...pkg.optionalDependencies };
      for (const [name, range] of Object.entries(ranges)) {
        if (manifest.overrides?.[name]) continue; // an override is the project's decision, recorded in package.json
        const target = resolveFrom(path, name);
        if (!target) {
          if (!pkg.optionalDependencies?.[name]) invalid.push(`${nameOf(path)} → ${name}: missing`);
          continue;
        }
        if (!target.version || range.startsWith('npm:') || !semver.validRange(range)) continue;
        if (!semver.satisfies(target.version, range)) {
          invalid.push(`${nameOf(path)} → ${name}@${target.version} outside ${range}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });
});
