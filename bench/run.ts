/**
 * `npm run bench`: the atlas against the floor (MapLibre with an empty style), naive MapLibre
 * and Leaflet, measured in one run on one machine in headless Chromium. Prints one table with
 * the ratios and the budgets (BENCHMARKS.md), and writes every number to bench/results/latest.json.
 *
 *   npm run bench [-- --runs 5] [--warmup 1] [--quick] [--rebuild] [--out bench/results/latest.json]
 *                 [--atlas-root ../other-checkout]
 *
 * --quick: one run, no warm-up, fewer interactions (the smoke test's mode; its timings mean little).
 * --atlas-root: measure the atlas of another checkout (a change under test) against the same baselines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.mjs';
import { launchChromium } from '../tests/e2e/support/browser';
import { buildPages } from './build/build-pages';
import { measureAtlasInteractions } from './measure/atlas-interactions';
import { loadPage } from './measure/load';
import { buildProbeScript } from './probe/build-probe';
import { checkBudgets } from './report/budgets';
import { summariseInteractions, summarisePage } from './report/summary';
import { formatBudgets, formatTable } from './report/table';
import { type AtlasInteractionSample, type LoadSample, PAGE_NAMES, type PageName } from './types';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
    'atlas-root': { type: 'string' },
  },
});
const quick = values.quick;
const runs = quick ? 1 : Number(values.runs);
const warmup = quick ? 0 : Number(values.warmup);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Iteration i starts at page i (mod 4), so no page always goes first; the atlas leads the first, to size the others. */
const orderOf = (iteration: number): PageName[] =>
  PAGE_NAMES.map((_, index) => PAGE_NAMES[(index + iteration) % PAGE_NAMES.length] as PageName);

async function main(): Promise<void> {
  const started = Date.now();
  // Other work on the machine skews every timing: the load average goes into the results.
  const loadBefore = loadavg();
  const built = await buildPages({ force: values.rebuild, atlasRoot: values['atlas-root'], log });
  const probeScript = await buildProbeScript();
  const servers: Record<string, { server: Server; url: string }> = {};
  for (const name of PAGE_NAMES) {
    servers[name] = (await startServer({ port: 0, dir: built[name].dir, quiet: true })) as {
      server: Server;
      url: string;
    };
  }
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  const loads: Record<PageName, LoadSample[]> = { atlas: [], floor: [], naive: [], leaflet: [] };
  const interactions: AtlasInteractionSample[] = [];
  let mapSize: { width: number; height: number } | null = null;
  try {
    for (let iteration = 0; iteration < warmup + runs; iteration += 1) {
      const recorded = iteration >= warmup;
      for (const name of orderOf(iteration)) {
        const loaded = await loadPage(browser, built[name], servers[name]?.url ?? '', probeScript, mapSize);
        if (name === 'atlas') mapSize ??= loaded.sample.mapSize;
        if (recorded) loads[name].push(loaded.sample);
        let note = '';
        if (name === 'atlas' && recorded) {
          // The 2 × 50 selections of the memory check run once, in the last run.
          const memory = iteration === warmup + runs - 1;
          const sample = await measureAtlasInteractions(loaded.page, loaded.cdp, loaded.drawnAt, { quick, memory });
          interactions.push(sample);
          note = `, click → popup ${sample.clickToPopupMs.map((ms) => ms.toFixed(0)).join('/')} ms`;
        }
        await loaded.context.close();
        const label = recorded ? `run ${iteration - warmup + 1}/${runs}` : `warm-up ${iteration + 1}/${warmup}`;
        const { cpuMs, rendererCpuMs } = loaded.sample;
        const cpu =
          cpuMs === null ? '' : `, CPU ${cpuMs.toFixed(0)} ms (renderer ${rendererCpuMs?.toFixed(0) ?? '–'} ms)`;
        log(`${label} ${name}: idle at ${loaded.sample.timeToIdleMs.toFixed(0)} ms${cpu}${note}`);
      }
    }
  } finally {
    await browser.close();
    for (const { server } of Object.values(servers)) server.close();
  }

  const summary = {
    pages: Object.fromEntries(PAGE_NAMES.map((name) => [name, summarisePage(loads[name])])) as Record<
      PageName,
      ReturnType<typeof summarisePage>
    >,
    atlas: summariseInteractions(interactions),
  };
  const budgets = checkBudgets(summary, built.atlas, loads.atlas);
  const version = browser.version();
  console.log(`\nChongqing Spatial Strategy Atlas · benchmark · ${runs} run(s) after ${warmup} warm-up · ${version}`);
  const load = loadavg()[0]?.toFixed(1);
  console.log(
    `map ${mapSize?.width ?? '?'}×${mapSize?.height ?? '?'} px in a 1280×800 window, headless (SwiftShader); ` +
      `${availableParallelism()} cores, load average ${loadBefore[0]?.toFixed(1)} → ${load}\n`,
  );
  console.log(formatTable(summary));
  console.log('');
  console.log(formatBudgets(budgets));
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        meta: {
          date: new Date().toISOString(),
          runs,
          warmup,
          quick,
          chromium: version,
          node: process.version,
          cores: availableParallelism(),
          loadAverage: { before: loadBefore, after: loadavg() },
          mapSize,
          seconds: (Date.now() - started) / 1000,
        },
        summary,
        budgets,
        samples: { loads, interactions },
        builds: Object.fromEntries(
          PAGE_NAMES.map((name) => [name, { files: built[name].files, packages: built[name].packages }]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  log(`\nraw numbers: ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
