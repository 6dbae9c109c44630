/** The budgets of BENCHMARKS.md, checked against one run's summary. */
import type { BuiltPage, LoadSample } from '../types';
import type { Summary } from './summary';

export interface BudgetCheck {
  budget: string;
  measured: string;
  pass: boolean;
}

/** KB as the README counts them: 1 KB = 1000 bytes. */
const KB = 1000;
export const START_BUDGET_BYTES = 150 * KB;
/** Files the first view must not fetch: the reader's texts, the embed dialog, the about text, the search code. */
const ON_DEMAND = [
  /\/articles-[^/]+\.json$/,
  /\/EmbedDialog-[^/]+\.js$/,
  /\/about-[^/]+\.js$/,
  /\/place-search-[^/]+\.js$/,
];
/** Build-time packages that must never reach the browser. */
const BUILD_ONLY = /^(@turf\/|mapshaper|gcoord|geographiclib|pinyin-pro|topojson-server)/;
/**
 * Growth of the page's JavaScript objects (compiled code excluded, see heap-objects.ts) over a
 * second round of 50 selections that still counts as noise: a leak of 1.3 KB per selection,
 * far less than one popup's content, would be above it.
 */
export const OBJECT_GROWTH_ALLOWANCE_BYTES = 64 * 1024;

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function checkBudgets(summary: Summary, atlas: BuiltPage, atlasLoads: LoadSample[]): BudgetCheck[] {
  const { pages } = summary;
  const idle = pages.atlas.timeToIdleMs.median;
  const floor = pages.floor.timeToIdleMs.median;
  const naive = pages.naive.timeToIdleMs.median;
  const start = pages.atlas.bytes.app.gzip.median + pages.atlas.bytes.data.gzip.median;
  const fetched = [...new Set(atlasLoads.flatMap((sample) => sample.paths))];
  const eager = fetched.filter((path) => ON_DEMAND.some((pattern) => pattern.test(path)));
  const leaked = fetched.flatMap((path) => (atlas.packages[path] ?? []).filter((name) => BUILD_ONLY.test(name)));
  const { atlas: interactions } = summary;
  const growth = interactions.objectGrowthMoreBytes.median;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    {
      budget: 'time to idle ≤ 1.3 × the floor',
      measured: `${ms(idle)} = ${(idle / floor).toFixed(2)} × ${ms(floor)}`,
      pass: idle <= 1.3 * floor,
    },
    {
      budget: 'time to idle below naive MapLibre',
      measured: `${ms(idle)} vs ${ms(naive)} (${(idle / naive).toFixed(2)} ×)`,
      pass: idle < naive,
    },
    {
      budget: 'start bytes except maplibre-gl ≤ 150 KB gzip',
      measured: `${(start / KB).toFixed(1)} KB (app ${(pages.atlas.bytes.app.gzip.median / KB).toFixed(1)} + data ${(pages.atlas.bytes.data.gzip.median / KB).toFixed(1)})`,
      pass: start <= START_BUDGET_BYTES,
    },
    {
      budget: 'reader texts, embed dialog, about text, search code on demand; no build-only package shipped',
      measured: eager.length + leaked.length === 0 ? 'none at start' : [...eager, ...leaked].join(', '),
      pass: eager.length + leaked.length === 0,
    },
    {
      budget: 'click → popup ≤ 50 ms (median)',
      measured: `${ms(interactions.clickToPopupMs.median)} painted (${ms(interactions.clickToPopupDomMs.median)} to the DOM)`,
      pass: interactions.clickToPopupMs.median <= 50,
    },
    {
      budget: 'layer toggle drawn within 2 frames (every toggle)',
      measured: `median ${interactions.toggleFrames.median}, max ${interactions.toggleFrames.max} frames`,
      pass: interactions.toggleFrames.max <= 2,
    },
    {
      budget: 'no long task over 200 ms after idle',
      measured: `longest ${ms(interactions.longTasksAfterIdleMaxMs.max)}${
        interactions.longTasksAfterIdleMaxAction ? ` (${interactions.longTasksAfterIdleMaxAction})` : ''
      }; median of runs ${ms(interactions.longTasksAfterIdleMaxMs.median)}`,
      pass: interactions.longTasksAfterIdleMaxMs.max <= 200,
    },
    {
      budget: 'memory: no growth beyond noise over selections 51–100 (≤ 64 KiB of JS objects, 0 DOM nodes)',
      measured: `${kib(growth)} of objects, ${interactions.domNodesGrowth.median} nodes (heap with compiled code ${kib(interactions.heapGrowthMoreBytes.median)})`,
      pass: growth <= OBJECT_GROWTH_ALLOWANCE_BYTES && interactions.domNodesGrowth.median <= 0,
    },
  ];
}
