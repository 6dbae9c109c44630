/**
 * `npm run bench`: the atlas against the floor (MapLibre with an empty style), naive MapLibre
 * and Leaflet, and against the atlas of another checkout (`before`) when given, measured in one
 * run on one machine in headless Chromium, the pages alternating. Then the first map paint of
 * the atlas, `before` and naive MapLibre, unthrottled and on slow 4G, and one Lighthouse mobile
 * run of each. Prints the tables with the ratios and the budgets (BENCHMARKS.md), and writes every
 * number to bench/results/latest.json.
 *
 *   npm run bench [-- --runs 5] [--warmup 1] [--quick] [--rebuild] [--out bench/results/latest.json]
 *                 [--atlas-root ../other-checkout] [--before-root ../checkout-before] [--skip-lighthouse]
 *
 * --quick: one run, no warm-up, fewer interactions, no Lighthouse (the smoke test's mode; its timings mean little).
 * --atlas-root: measure the atlas of another checkout (a change under test) against the same baselines.
 * --before-root: a checkout whose atlas is measured beside it as `before` (its src/generated built).
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
import { type FirstPaintSample, measureFirstPaint, NETWORKS } from './measure/first-paint';
import { type LighthouseSample, lighthouseSample, runLighthouse } from './measure/lighthouse';
import { loadPage } from './measure/load';
import { buildProbeScript } from './probe/build-probe';
import { checkBudgets } from './report/budgets';
import { type FirstPaintByNetwork, summariseFirstPaint } from './report/first-paint-summary';
import { summariseInteractions, summarisePage } from './report/summary';
import { formatBudgets, formatFirstPaintTable, formatTable } from './report/table';
import { type AtlasInteractionSample, type LoadSample, PAGE_NAMES, type PageName } from './types';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
    'atlas-root': { type: 'string' },
    'before-root': { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const runs = quick ? 1 : Number(values.runs);
const warmup = quick ? 0 : Number(values.warmup);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Iteration i starts at page i (mod n), so no page always goes first; the atlas leads the first, to size the others. */
const orderOf = (pages: readonly PageName[], iteration: number): PageName[] =>
  pages.map((_, index) => pages[(index + iteration) % pages.length] as PageName);

/** The pages whose first map paint is compared: the atlas, the build before, a first attempt. */
const FIRST_PAINT_PAGES: PageName[] = ['atlas', 'before', 'naive'];

async function main(): Promise<void> {
  const started = Date.now();
  // Other work on the machine skews every timing: the load average goes into the results.
  const loadBefore = loadavg();
  const built = await buildPages({
    force: values.rebuild,
    atlasRoot: values['atlas-root'],
    beforeRoot: values['before-root'],
    log,
  });
  const pageNames: PageName[] = [...PAGE_NAMES, ...(built.before ? ['before' as const] : [])];
  const builtPage = (name: PageName) => {
    const page = name === 'before' ? built.before : built[name];
    if (!page) throw new Error(`bench: no ${name} page built`);
    return page;
  };
  const probeScript = await buildProbeScript();
  const servers: Partial<Record<PageName, { server: Server; url: string }>> = {};
  for (const name of pageNames) {
    servers[name] = (await startServer({ port: 0, dir: builtPage(name).dir, quiet: true })) as {
      server: Server;
      url: string;
    };
  }
  const originOf = (name: PageName) => servers[name]?.url ?? '';
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  const loads: Record<PageName, LoadSample[]> = { atlas: [], before: [], floor: [], naive: [], leaflet: [] };
  const firstPaints: Partial<Record<PageName, FirstPaintSample[]>> = {};
  const lighthouse: Partial<Record<PageName, LighthouseSample[]>> = {};
  const interactions: AtlasInteractionSample[] = [];
  let mapSize: { width: number; height: number } | null = null;
  const paintPages = FIRST_PAINT_PAGES.filter((name) => pageNames.includes(name));
  try {
    for (let iteration = 0; iteration < warmup + runs; iteration += 1) {
      const recorded = iteration >= warmup;
      for (const name of orderOf(pageNames, iteration)) {
        const loaded = await loadPage(browser, builtPage(name), originOf(name), probeScript, mapSize);
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
    // The first map paint, on each network, the pages alternating as above.
    for (let iteration = 0; iteration < warmup + runs; iteration += 1) {
      const recorded = iteration >= warmup;
      for (const network of NETWORKS) {
        for (const name of orderOf(paintPages, iteration)) {
          const sample = await measureFirstPaint(
            browser,
            builtPage(name),
            originOf(name),
            probeScript,
            network,
            mapSize,
          );
          if (recorded) firstPaints[name] = [...(firstPaints[name] ?? []), sample];
          const label = recorded ? `run ${iteration - warmup + 1}/${runs}` : `warm-up ${iteration + 1}/${warmup}`;
          log(
            `${label} ${name}, network ${network}: map painted (${sample.paintedBy}) at ${sample.mapPaintMs.toFixed(0)} ms ` +
              `after ${(sample.bytes.needed.gzip / 1000).toFixed(1)} KB gzip in ${sample.bytes.needed.requests} requests`,
          );
        }
      }
    }
  } finally {
    await browser.close();
  }
  try {
    // Lighthouse launches a browser of its own: one run of each page, one after another.
    if (!quick && !values['skip-lighthouse']) {
      for (const name of paintPages) {
        const { lhr } = await runLighthouse(new URL('/', originOf(name)).href, ['performance']);
        const sample = lighthouseSample(lhr);
        lighthouse[name] = [...(lighthouse[name] ?? []), sample];
        log(
          `lighthouse ${name}: FCP ${sample.fcpMs?.toFixed(0) ?? '–'} ms, LCP ${sample.lcpMs?.toFixed(0) ?? '–'} ms` +
            (sample.runtimeError ? ` (${sample.runtimeError})` : ''),
        );
      }
    }
  } finally {
    for (const { server } of Object.values(servers)) server.close();
  }

  const summary = {
    pages: {
      ...(Object.fromEntries(PAGE_NAMES.map((name) => [name, summarisePage(loads[name])])) as Record<
        (typeof PAGE_NAMES)[number],
        ReturnType<typeof summarisePage>
      >),
      ...(built.before ? { before: summarisePage(loads.before) } : {}),
    },
    atlas: summariseInteractions(interactions),
  };
  const firstPaint = Object.fromEntries(
    Object.entries(firstPaints).map(([name, samples]) => [
      name,
      Object.fromEntries(
        NETWORKS.map((network) => [
          network,
          summariseFirstPaint(samples.filter((sample) => sample.network === network)),
        ]),
      ),
    ]),
  ) as Partial<Record<PageName, FirstPaintByNetwork>>;
  const budgets = checkBudgets(summary, built.atlas, loads.atlas, firstPaint.atlas);
  const version = browser.version();
  console.log(`\nChongqing Spatial Strategy Atlas · benchmark · ${runs} run(s) after ${warmup} warm-up · ${version}`);
  const load = loadavg()[0]?.toFixed(1);
  console.log(
    `map ${mapSize?.width ?? '?'}×${mapSize?.height ?? '?'} px in a 1280×800 window, headless (SwiftShader); ` +
      `${availableParallelism()} cores, load average ${loadBefore[0]?.toFixed(1)} → ${load}\n`,
  );
  console.log(formatTable(summary));
  console.log('\nFirst map paint (one fresh context per load; slow 4G: 150 ms, 1.6 Mbit/s down, 750 kbit/s up)\n');
  console.log(formatFirstPaintTable(firstPaint, lighthouse));
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
          beforeRoot: values['before-root'] ?? null,
          seconds: (Date.now() - started) / 1000,
        },
        summary: { ...summary, firstPaint, lighthouse },
        budgets,
        samples: { loads, interactions, firstPaints, lighthouse },
        builds: Object.fromEntries(
          pageNames.map((name) => [name, { files: builtPage(name).files, packages: builtPage(name).packages }]),
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
