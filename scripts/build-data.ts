/**
 * `npm run data`: builds the map's data artifacts from geodata/ into src/generated/.
 * Writes all files or none: outputs go to a temporary folder that replaces the old one
 * only after every step has passed. Skips the work when no input changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildAtlasData, hashInputs } from './geodata/build';
import { loadBuildConfig } from './geodata/config';
import { DataBuildError } from './geodata/errors';

const configFile = resolve(process.env.ATLAS_BUILD_CONFIG ?? 'geodata/build.config.json');
const force = process.argv.includes('--force');

/** The build's own code is an input too: a change to it must rebuild. */
function buildSources(): string[] {
  const folders = ['scripts/geodata', 'scripts/content', 'src/types'].map((folder) => resolve(folder));
  return [
    resolve('scripts/build-data.ts'),
    ...folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => join(folder, name)),
    ),
  ];
}

async function main(): Promise<void> {
  const config = loadBuildConfig(configFile);
  const stampFile = join(config.outDir, '.build-id');
  const sources = buildSources();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hashInputs(config, sources)) {
    console.log(`data: up to date (${config.outDir})`);
    return;
  }
  const started = Date.now();
  const { files, report } = await buildAtlasData(configFile, sources);
  const staging = `${config.outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
  writeFileSync(join(staging, '.build-id'), report.buildId);
  mkdirSync(dirname(config.outDir), { recursive: true });
  rmSync(config.outDir, { recursive: true, force: true });
  renameSync(staging, config.outDir);
  const sizes = Object.entries(report.files)
    .map(([name, { bytes }]) => `${name} ${(bytes / 1024).toFixed(0)} KiB`)
    .join(', ');
  console.log(
    `data: built in ${((Date.now() - started) / 1000).toFixed(1)} s from ${report.boundaryFile}: ` +
      `${report.districtCount} districts, ${report.vertexCount.input} → ${report.vertexCount.output} vertices; ` +
      `Yuzhong ${report.areaKm2.yuzhong} km², municipality ${report.areaKm2.municipality} km²; ${sizes}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof DataBuildError) {
    console.error(`data build failed: ${error.message}`);
  } else {
    console.error('data build failed:', error);
  }
  process.exitCode = 1;
});
