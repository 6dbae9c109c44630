/** The budgets of BENCHMARKS.md, checked against one run's summary. */
import type { BuiltPage, LoadSample } from '../types';
import type { FirstPaintByNetwork } from './first-paint-summary';
import type { Summary } from './summary';

export interface BudgetCheck {
  budget: string;
  measured: string;
  pass: boolean;
}

/** KB as BENCHMARKS.md counts them: 1 KB = 1000 bytes. */
const KB = 1000;
export const START_BUDGET_BYTES = 150 * KB;
/**
 * Round trips before the first view: the HTML; the entry script, stylesheet and the preloaded
 * data it names; the map chunk; MapLibre's worker. A fifth would be a request that waits on one
 * of those, which a slow network pays in full.
 */
export const REQUEST_DEPTH_BUDGET = 4;
/**
 * What the browser downloads before the map is first painted: the HTML with its inline SVG map
 * and the stylesheet that blocks rendering, compressed. MapLibre (about 440 KB) comes after.
 */
export const FIRST_PAINT_BUDGET_BYTES = 60 * KB;
/** Round trips before the first map paint: the HTML, then its render-blocking stylesheet. */
export const FIRST_PAINT_DEPTH_BUDGET = 2;
/** The page's renderer processes, against naive MapLibre drawing the raw file: the atlas does more (panel, labels, seven layers), but not much more. */
export const RENDERER_CPU_BUDGET_RATIO = 1.3;
/** Click → the place's details in the DOM: what a reader's device pays before any frame. */
export const CLICK_TO_DOM_BUDGET_MS = 50;
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

/** The first-paint budgets, on slow 4G (where the bytes cost readers time); none if it was not measured. */
function firstPaintBudgets(firstPaint: FirstPaintByNetwork | undefined): BudgetCheck[] {
  const slow = firstPaint?.['slow-4g'];
  if (!slow || !Number.isFinite(slow.neededGzip.median)) return [];
  return [
    {
      budget: `bytes before the first map paint ≤ ${FIRST_PAINT_BUDGET_BYTES / KB} KB gzip (slow 4G, every run)`,
      measured: `max ${(slow.neededGzip.max / KB).toFixed(1)} KB in ${slow.neededRequests.median} requests, painted by ${slow.paintedBy} at ${ms(slow.mapPaintMs.median)}`,
      pass: slow.neededGzip.max <= FIRST_PAINT_BUDGET_BYTES,
    },
    {
      budget: `request depth before the first map paint ≤ ${FIRST_PAINT_DEPTH_BUDGET} (slow 4G, every run)`,
      measured: `max ${slow.neededDepth.max}, median ${slow.neededDepth.median}`,
      pass: slow.neededDepth.max <= FIRST_PAINT_DEPTH_BUDGET,
    },
  ];
}

export function checkBudgets(
  summary: Summary,
  atlas: BuiltPage,
  atlasLoads: LoadSample[],
  firstPaint?: FirstPaintByNetwork,
): BudgetCheck[] {
  const { pages } = summary;
  const start = pages.atlas.bytes.app.gzip.median + pages.atlas.bytes.data.gzip.median;
  const fetched = [...new Set(atlasLoads.flatMap((sample) => sample.paths))];
  const eager = fetched.filter((path) => ON_DEMAND.some((pattern) => pattern.test(path)));
  const leaked = fetched.flatMap((path) => (atlas.packages[path] ?? []).filter((name) => BUILD_ONLY.test(name)));
  const { atlas: interactions } = summary;
  const growth = interactions.objectGrowthMoreBytes.median;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const depth = pages.atlas.requestDepth.max;
  const rendererCpu = pages.atlas.rendererCpuMs.median;
  const naiveRendererCpu = pages.naive.rendererCpuMs.median;
  return [
    ...firstPaintBudgets(firstPaint),
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
      budget: `request depth to the first view ≤ ${REQUEST_DEPTH_BUDGET} (every run)`,
      measured: `max ${depth}, median ${pages.atlas.requestDepth.median} (naive ${pages.naive.requestDepth.median})`,
      pass: depth <= REQUEST_DEPTH_BUDGET,
    },
    {
      budget: `renderer-process CPU to idle ≤ ${RENDERER_CPU_BUDGET_RATIO} × naive MapLibre's`,
      measured: `${ms(rendererCpu)} vs ${ms(naiveRendererCpu)} (${(rendererCpu / naiveRendererCpu).toFixed(2)} ×)`,
      // No /proc (not Linux): nothing measured, nothing to fail.
      pass: Number.isNaN(rendererCpu) || rendererCpu <= RENDERER_CPU_BUDGET_RATIO * naiveRendererCpu,
    },
    {
      budget: `click → details in the DOM ≤ ${CLICK_TO_DOM_BUDGET_MS} ms (median)`,
      measured: `${ms(interactions.clickToPopupDomMs.median)} (painted: ${ms(interactions.clickToPopupMs.median)}, for information)`,
      pass: interactions.clickToPopupDomMs.median <= CLICK_TO_DOM_BUDGET_MS,
    },
    {
      budget: 'memory: no growth beyond noise over selections 51–100 (≤ 64 KiB of JS objects, 0 DOM nodes)',
      measured: `${kib(growth)} of objects, ${interactions.domNodesGrowth.median} nodes (heap with compiled code ${kib(interactions.heapGrowthMoreBytes.median)})`,
      pass: growth <= OBJECT_GROWTH_ALLOWANCE_BYTES && interactions.domNodesGrowth.median <= 0,
    },
  ];
}
