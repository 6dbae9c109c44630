/**
 * `npm run bench:compare -- --atlas-root ../candidate [--before-root ../baseline]`: one atlas
 * (before: this checkout by default) against another (after, e.g. a copy with a proposed fix),
 * loaded alternately in the same browser so both see the same machine load. Prints medians with
 * ranges and the ratio after/before; writes bench/results/compare.json. A before/after for a
 * change, not the benchmark itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.mjs';
import { launchChromium } from '../tests/e2e/support/browser';
import { buildData, buildPage, CACHE_DIR } from './build/build-pages';
import { measureAtlasInteractions } from './measure/atlas-interactions';
import { loadPage } from './measure/load';
import { buildProbeScript } from './probe/build-probe';
import { type Stat, stat } from './report/stats';
import type { AtlasInteractionSample, LoadSample } from './types';

const { values } = parseArgs({
  options: {
    'atlas-root': { type: 'string' },
    'before-root': { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results/compare.json' },
  },
});
const candidateRoot = values['atlas-root'];
if (!candidateRoot) throw new Error('usage: npm run bench:compare -- --atlas-root <checkout>');
const runs = Number(values.runs);
const VARIANTS = ['before', 'after'] as const;
type Variant = (typeof VARIANTS)[number];

interface Samples {
  loads: LoadSample[];
  interactions: AtlasInteractionSample[];
}

function rows(samples: Record<Variant, Samples>): [string, Record<Variant, Stat>][] {
  const per = (pick: (loads: LoadSample[], interactions: AtlasInteractionSample[]) => number[]) =>
    Object.fromEntries(
      VARIANTS.map((variant) => [variant, stat(pick(samples[variant].loads, samples[variant].interactions))]),
    ) as Record<Variant, Stat>;
  return [
    ['time to idle, ms', per((loads) => loads.map((load) => load.timeToIdleMs))],
    ['CPU to idle, all browser processes, ms', per((loads) => loads.map((load) => load.cpuMs ?? Number.NaN))],
    ['long tasks to idle, total ms', per((loads) => loads.map((load) => load.longTasks.totalMs))],
    ['longest task to idle, ms', per((loads) => loads.map((load) => load.longTasks.maxMs))],
    ['app + data gzip, KB', per((loads) => loads.map((load) => (load.bytes.app.gzip + load.bytes.data.gzip) / 1000))],
    ['click → popup painted, ms', per((_, runs) => runs.flatMap((run) => run.clickToPopupMs))],
    ['first click → popup painted, ms', per((_, runs) => runs.flatMap((run) => run.clickToPopupMs.slice(0, 1)))],
    ['click → popup in the DOM, ms', per((_, runs) => runs.flatMap((run) => run.clickToPopupDomMs))],
    ['click → map frame with its outline, ms', per((_, runs) => runs.flatMap((run) => run.clickToOutlineMs))],
    ['layer toggle → map frame, ms', per((_, runs) => runs.flatMap((run) => run.toggle.map((toggle) => toggle.ms)))],
    ['layer toggle, frames', per((_, runs) => runs.flatMap((run) => run.toggle.map((toggle) => toggle.frames)))],
    ['hover → highlight frame, ms', per((_, runs) => runs.flatMap((run) => run.hover.map((hover) => hover.ms)))],
    ['longest task after idle, ms', per((_, runs) => runs.map((run) => run.longTasksAfterIdle.maxMs))],
  ];
}

const show = (value: Stat) => `${value.median.toFixed(1)} (${value.min.toFixed(1)}–${value.max.toFixed(1)})`;

async function main(): Promise<void> {
  buildData();
  const built = {
    before: await buildPage('atlas', join(CACHE_DIR, 'compare-before'), resolve(values['before-root'] ?? '.')),
    after: await buildPage('atlas', join(CACHE_DIR, 'compare-after'), resolve(candidateRoot as string)),
  };
  const probeScript = await buildProbeScript();
  const servers: Record<Variant, { server: Server; url: string }> = {
    before: await startServer({ port: 0, dir: built.before.dir, quiet: true }),
    after: await startServer({ port: 0, dir: built.after.dir, quiet: true }),
  };
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  const samples: Record<Variant, Samples> = {
    before: { loads: [], interactions: [] },
    after: { loads: [], interactions: [] },
  };
  try {
    // One warm-up of each, then alternate which goes first.
    for (let iteration = 0; iteration <= runs; iteration += 1) {
      const order: Variant[] = iteration % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
      for (const variant of order) {
        const loaded = await loadPage(browser, built[variant], servers[variant].url, probeScript, null);
        if (iteration > 0) {
          samples[variant].loads.push(loaded.sample);
          samples[variant].interactions.push(
            await measureAtlasInteractions(loaded.page, loaded.cdp, loaded.drawnAt, { quick: false, memory: false }),
          );
        }
        await loaded.context.close();
        process.stderr.write(`${iteration === 0 ? 'warm-up' : `run ${iteration}/${runs}`} ${variant}\n`);
      }
    }
  } finally {
    await browser.close();
    for (const { server } of Object.values(servers)) server.close();
  }
  const table = rows(samples);
  const before = values['before-root'] ?? 'this checkout';
  console.log(`\nbefore: ${before} · after: ${candidateRoot} · ${runs} runs each, alternating\n`);
  const labelWidth = Math.max(...table.map(([label]) => label.length));
  for (const [label, value] of table) {
    const ratio = value.after.median / value.before.median;
    console.log(
      `${label.padEnd(labelWidth)} ${show(value.before).padEnd(28)} ${show(value.after).padEnd(28)} ${ratio.toFixed(2)}×`,
    );
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ candidateRoot, runs, summary: Object.fromEntries(table), samples }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
