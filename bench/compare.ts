/**
 * `npm run bench:compare -- --atlas-root ../candidate [--before-root ../baseline]`: one atlas
 * (before: this checkout by default) against another (after, e.g. a copy with a proposed fix),
 * loaded alternately in the same browser so both see the same machine load. Prints the metrics
 * `npm run bench` reports (bench/report/summary.ts), medians with ranges and the ratio
 * after/before; writes bench/results/compare.json. A before/after for a change, not the benchmark itself.
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
import type { Stat } from './report/stats';
import {
  formatStat,
  INTERACTION_METRICS,
  type InteractionSummary,
  type Metric,
  PAGE_METRICS,
  type PageSummary,
  summariseInteractions,
  summarisePage,
} from './report/summary';
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

interface Row {
  label: string;
  digits: number;
  scale?: number;
  value: Record<Variant, Stat>;
}

/** Each reported metric's before and after, from the same summaries `npm run bench` reports. */
function rows(samples: Record<Variant, Samples>): Row[] {
  const summaries = Object.fromEntries(
    VARIANTS.map((variant) => [
      variant,
      { page: summarisePage(samples[variant].loads), atlas: summariseInteractions(samples[variant].interactions) },
    ]),
  ) as Record<Variant, { page: PageSummary; atlas: InteractionSummary }>;
  const row = <S>(metric: Metric<S>, pick: (variant: Variant) => S): Row => ({
    label: metric.label,
    digits: metric.digits,
    ...(metric.scale === undefined ? {} : { scale: metric.scale }),
    value: Object.fromEntries(VARIANTS.map((variant) => [variant, metric.pick(pick(variant))])) as Record<
      Variant,
      Stat
    >,
  });
  return [
    ...PAGE_METRICS.map((metric) => row(metric, (variant) => summaries[variant].page)),
    ...INTERACTION_METRICS.map((metric) => row(metric, (variant) => summaries[variant].atlas)),
  ].filter(({ value }) => VARIANTS.some((variant) => Number.isFinite(value[variant].median)));
}

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
  const labelWidth = Math.max(...table.map(({ label }) => label.length));
  for (const { label, digits, scale, value } of table) {
    const [before, after] = VARIANTS.map((variant) => formatStat(value[variant], digits, scale));
    const ratio = value.after.median / value.before.median;
    const shownRatio = Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
    console.log(`${label.padEnd(labelWidth)} ${(before ?? '').padEnd(28)} ${(after ?? '').padEnd(28)} ${shownRatio}`);
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ candidateRoot, runs, summary: Object.fromEntries(table.map(({ label, value }) => [label, value])), samples }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
