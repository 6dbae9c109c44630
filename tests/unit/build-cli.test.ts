/**
 * The data build as a command: a broken input fails it with a message naming the file and
 * the feature, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let workspace: string | null = null;

afterEach(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  workspace = null;
});

/** A copy of geodata/ whose config writes into the copy, with one file replaced. */
function brokenWorkspace(mutate: (geodata: string) => void): { config: string; outDir: string } {
  workspace = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  const geodata = join(workspace, 'geodata');
  cpSync(join(ROOT, 'geodata'), geodata, { recursive: true });
  const configFile = join(geodata, 'build.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  config.outDir = '../out';
  writeFileSync(configFile, JSON.stringify(config));
  mutate(geodata);
  return { config: configFile, outDir: join(workspace, 'out') };
}

function runBuild(config: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), '--force'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_BUILD_CONFIG: config },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run data', { timeout: 90_000 }, () => {
  it('fails on a feature with a broken geometry, naming the file and the feature, and writes nothing', () => {
    const { config, outDir } = brokenWorkspace((geodata) => {
      const file = join(geodata, 'sources/datav-amap/chongqing_districts_gcj02_raw.geojson');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      const victim = data.features.findIndex(
        (feature: { properties: { adcode: string } }) => feature.properties.adcode === '500154',
      );
      data.features[victim].geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [108.4, 31.1],
            [108.5, 31.1],
          ],
        ],
      };
      writeFileSync(file, JSON.stringify(data));
    });
    const result = runBuild(config);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('chongqing_districts_gcj02_raw.geojson');
    expect(result.stderr).toMatch(/feature #\d+ \(500154 开州区\): invalid GeoJSON/);
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(join(outDir, '..')).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('fails on a region with an unknown member', () => {
    const { config, outDir } = brokenWorkspace((geodata) => {
      const file = join(geodata, 'regions.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.regions.find((region: { id: string }) => region.id === 'wan-kai-yun').members.push('500300');
      writeFileSync(file, JSON.stringify(data));
    });
    const result = runBuild(config);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('regions.json');
    expect(result.stderr).toContain('(wan-kai-yun): member "500300" is not a district code');
    expect(existsSync(outDir)).toBe(false);
  });

  it('builds from a different boundary input named in the config (WGS84, other property names)', () => {
    const { config, outDir } = brokenWorkspace((geodata) => {
      // Stand-in for an open source: the same shapes, already in WGS84, with other property names.
      const file = join(geodata, 'sources/datav-amap/chongqing_districts_gcj02_raw.geojson');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      for (const feature of data.features) {
        feature.properties = { ref: feature.properties.adcode, local_name: feature.properties.name };
      }
      writeFileSync(join(geodata, 'sources/open-boundaries.geojson'), JSON.stringify(data));
      const configFile = join(geodata, 'build.config.json');
      const parsed = JSON.parse(readFileSync(configFile, 'utf8'));
      parsed.boundaries = {
        file: 'sources/open-boundaries.geojson',
        crs: 'WGS84',
        codeProperty: 'ref',
        nameProperty: 'local_name',
        attribution: { zh: '开放数据', en: 'Open data' },
      };
      writeFileSync(configFile, JSON.stringify(parsed));
    });
    const result = runBuild(config);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const places = JSON.parse(readFileSync(join(outDir, 'places.json'), 'utf8'));
    expect(places.districts).toHaveLength(38);
    expect(places.attribution[0]).toEqual({ zh: '开放数据', en: 'Open data' });
  });
});
