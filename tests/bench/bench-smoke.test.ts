/**
 * `npm run bench` runs end to end. One quick iteration (`--quick`: one run, no
 * warm-up, fewer interactions) must measure all four pages and the atlas's interactions and
 * write them to its JSON file. Only that numbers were recorded is checked, never their
 * values: timings on a shared machine are noise, and the budgets live in BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LongTasksByAction } from '../../bench/measure/long-tasks';

const PAGES = ['atlas', 'floor', 'naive', 'leaflet'] as const;
const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runBench(out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Its own build folder, so a benchmark running beside the tests is left alone.
    const env = { ...process.env, ATLAS_BENCH_CACHE: join(folder, 'build') };
    const child = spawn('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

interface BenchJson {
  samples: {
    loads: Record<
      string,
      {
        timeToIdleMs: number;
        cpuMs: number | null;
        rendererCpuMs: number | null;
        requestDepth: number;
        heapBytes: number;
        bytes: Record<string, { raw: number }>;
      }[]
    >;
    interactions: {
      clickToPopupMs: number[];
      clickToPopupDomMs: number[];
      clickToOutlineMs: number[];
      toggle: { ms: number; frames: number }[];
      hover: { ms: number }[];
      memory: Record<string, number>;
      longTasksAfterIdle: LongTasksByAction;
    }[];
    firstPaints: Record<
      string,
      {
        network: string;
        mapPaintMs: number;
        paintedBy: string;
        bytes: { needed: { gzip: number; requests: number; paths: string[] } };
      }[]
    >;
  };
  budgets: { budget: string; pass: boolean }[];
}

describe('npm run bench -- --quick', () => {
  it('measures the atlas, the floor, naive MapLibre and Leaflet and writes every number', async () => {
    const out = join(folder, 'latest.json');
    const { code, output } = await runBench(out);
    expect(code, output).toBe(0);
    expect(output).toContain('atlas/floor');
    const json = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;
    for (const page of PAGES) {
      const [sample] = json.samples.loads[page] ?? [];
      expect(sample, page).toBeDefined();
      expect(sample?.timeToIdleMs, page).toBeGreaterThan(0);
      // The browser's CPU time is read from /proc: on Linux (CI) every load has some.
      if (process.platform === 'linux') {
        expect(sample?.cpuMs, page).toBeGreaterThan(0);
        // The renderer's share is part of the whole.
        expect(sample?.rendererCpuMs, page).toBeGreaterThan(0);
        expect(sample?.rendererCpuMs, page).toBeLessThanOrEqual(sample?.cpuMs ?? 0);
      }
      expect(sample?.requestDepth, page).toBeGreaterThanOrEqual(2);
      expect(sample?.heapBytes, page).toBeGreaterThan(0);
      expect(sample?.bytes.library?.raw, page).toBeGreaterThan(0);
    }
    expect(json.samples.loads.naive?.[0]?.bytes.data?.raw).toBeGreaterThan(0);
    const [interactions] = json.samples.interactions;
    expect(interactions?.clickToPopupMs.length).toBeGreaterThan(0);
    expect(interactions?.clickToPopupMs.every(isCount)).toBe(true);
    // Each click's outline is drawn, and no sooner than its popup entered the DOM.
    expect(interactions?.clickToOutlineMs.length).toBe(interactions?.clickToPopupMs.length);
    interactions?.clickToOutlineMs.forEach((ms, click) => {
      expect(ms).toBeGreaterThanOrEqual(interactions.clickToPopupDomMs[click] ?? Number.NaN);
    });
    expect(interactions?.toggle.every((toggle) => isCount(toggle.ms) && isCount(toggle.frames))).toBe(true);
    expect(interactions?.hover.every((hover) => isCount(hover.ms))).toBe(true);
    expect(Object.values(interactions?.memory ?? {}).every(Number.isFinite)).toBe(true);
    // Each long task after idle is put to an action the benchmark took (or to the idle page).
    const afterIdle = interactions?.longTasksAfterIdle;
    expect(Math.max(0, ...Object.values(afterIdle?.maxMsByAction ?? {}))).toBe(afterIdle?.maxMs);
    for (const action of Object.keys(afterIdle?.maxMsByAction ?? {})) {
      expect(action).toMatch(
        /^(idle|point at a district|click → popup|close the popup|hover|open the layers tab|switch .+ (on|off))$/,
      );
    }
    if (afterIdle?.count) expect(afterIdle.maxMsByAction[afterIdle.maxAction ?? '']).toBe(afterIdle.maxMs);
    // The first map paint, unthrottled and on slow 4G, of the atlas and naive MapLibre.
    for (const page of ['atlas', 'naive']) {
      const samples = json.samples.firstPaints[page] ?? [];
      expect(samples.map((sample) => sample.network).sort(), page).toEqual(['none', 'slow-4g']);
      for (const sample of samples) {
        expect(sample.mapPaintMs, page).toBeGreaterThan(0);
        expect(['svg', 'engine'], page).toContain(sample.paintedBy);
        // At least the HTML, counted by its gzip size.
        expect(sample.bytes.needed.paths, page).toContain('/index.html');
        expect(sample.bytes.needed.gzip, page).toBeGreaterThan(0);
      }
    }
    expect(output).toContain('bytes before the map paint');
    expect(json.budgets.some((budget) => budget.budget.startsWith('bytes before the first map paint'))).toBe(true);
    expect(json.budgets.length).toBeGreaterThan(0);
  }, 900_000);
});
