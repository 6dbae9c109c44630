/** Bundles the in-page probe (probe.ts) into one classic script for Playwright's addInitScript. */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

export async function buildProbeScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'probe.ts'), formats: ['iife'], name: 'atlasBenchProbe' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((result) => result.output).find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('bench: the probe bundle produced no script');
  return chunk.code;
}
