/**
 * `npm run lighthouse`: Lighthouse (mobile: its default emulation and simulated throttling)
 * against the built atlas, served as production serves it, in the system Chromium. Prints
 * the four scores and every audit that is not passed; writes the full report to
 * bench/results/lighthouse.json and .html.
 *
 *   npm run lighthouse [-- --rebuild] [--atlas-root ../other-checkout]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.mjs';
import { buildPages } from './build/build-pages';
import { LIGHTHOUSE_CATEGORIES, runLighthouse } from './measure/lighthouse';

const { values } = parseArgs({
  options: {
    rebuild: { type: 'boolean', default: false },
    'atlas-root': { type: 'string' },
    out: { type: 'string', default: 'bench/results/lighthouse' },
  },
});
const CATEGORIES = LIGHTHOUSE_CATEGORIES;

async function main(): Promise<void> {
  const built = await buildPages({
    force: values.rebuild,
    atlasRoot: values['atlas-root'],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const { server, url } = (await startServer({ port: 0, dir: built.atlas.dir, quiet: true })) as {
    server: Server;
    url: string;
  };
  try {
    const { lhr, reports } = await runLighthouse(url);
    const out = resolve(values.out);
    mkdirSync(resolve(out, '..'), { recursive: true });
    const [json, html] = reports;
    writeFileSync(`${out}.json`, json);
    writeFileSync(`${out}.html`, html);

    console.log(`Lighthouse ${lhr.lighthouseVersion} · mobile · ${lhr.environment.hostUserAgent}`);
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      if (!category) continue;
      console.log(`\n${category.title}: ${Math.round((category.score ?? 0) * 100)}`);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9) continue;
        if (audit.scoreDisplayMode === 'manual' || audit.scoreDisplayMode === 'notApplicable') continue;
        const value = audit.displayValue ? ` (${audit.displayValue})` : '';
        console.log(`  ${audit.score.toFixed(2)}  ${audit.id}: ${audit.title}${value}`);
      }
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']) {
      const audit = lhr.audits[id];
      if (audit) console.log(`${audit.title}: ${audit.displayValue ?? ''}`);
    }
    console.error(`\nreport: ${out}.html`);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
