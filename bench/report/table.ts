/** The one table `npm run bench` prints: every page side by side, then the ratios to the atlas. */
import { BYTE_CATEGORIES, type PageName } from '../types';
import type { BudgetCheck } from './budgets';
import type { Stat } from './stats';
import type { PageSummary, Summary } from './summary';

const BASELINES: PageName[] = ['floor', 'naive', 'leaflet'];

function formatStat(value: Stat, digits: number, scale = 1): string {
  const show = (number: number) => (number / scale).toFixed(digits);
  if (!Number.isFinite(value.median)) return '–';
  if (value.min === value.max) return show(value.median);
  return `${show(value.median)} (${show(value.min)}–${show(value.max)})`;
}

function ratio(atlas: Stat, baseline: Stat): string {
  if (!(baseline.median > 0) || !Number.isFinite(atlas.median)) return '–';
  return `${(atlas.median / baseline.median).toFixed(2)}×`;
}

interface Row {
  label: string;
  pick: (page: PageSummary) => Stat;
  digits: number;
  scale?: number;
}

const ROWS: Row[] = [
  { label: 'time to idle, ms', pick: (page) => page.timeToIdleMs, digits: 0 },
  { label: 'CPU to idle, all browser processes, ms', pick: (page) => page.cpuMs, digits: 0 },
  ...(['total', ...BYTE_CATEGORIES] as const).flatMap((category): Row[] => [
    { label: `${category} raw, KB`, pick: (page) => page.bytes[category].raw, digits: 1, scale: 1000 },
    { label: `${category} gzip, KB`, pick: (page) => page.bytes[category].gzip, digits: 1, scale: 1000 },
    { label: `${category} on the wire, KB`, pick: (page) => page.bytes[category].transfer, digits: 1, scale: 1000 },
  ]),
  { label: 'requests', pick: (page) => page.requests, digits: 0 },
  { label: 'long tasks to idle', pick: (page) => page.longTaskCount, digits: 0 },
  { label: 'long tasks total, ms', pick: (page) => page.longTaskTotalMs, digits: 0 },
  { label: 'longest task, ms', pick: (page) => page.longTaskMaxMs, digits: 0 },
  { label: 'JS heap after load, MB', pick: (page) => page.heapBytes, digits: 1, scale: 1e6 },
];

function render(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatTable(summary: Summary): string {
  const { pages, atlas } = summary;
  const header = ['metric (median, min–max)', 'atlas', ...BASELINES, ...BASELINES.map((name) => `atlas/${name}`)];
  const rows = ROWS.map((row) => [
    row.label,
    formatStat(row.pick(pages.atlas), row.digits, row.scale),
    ...BASELINES.map((name) => formatStat(row.pick(pages[name]), row.digits, row.scale)),
    ...BASELINES.map((name) => ratio(row.pick(pages.atlas), row.pick(pages[name]))),
  ]);
  const atlasOnly: [string, Stat, number, number?][] = [
    ['click → popup painted, ms', atlas.clickToPopupMs, 1],
    ['first click → popup painted, ms', atlas.firstClickToPopupMs, 1],
    ['click → popup in the DOM, ms', atlas.clickToPopupDomMs, 1],
    ['click → map frame with its outline, ms', atlas.clickToOutlineMs, 1],
    ['layer toggle → map frame, ms', atlas.toggleMs, 1],
    ['layer toggle → map frame, frames', atlas.toggleFrames, 0],
    ['layer toggle → idle, ms', atlas.toggleIdleMs, 0],
    ['hover → highlight frame, ms', atlas.hoverMs, 1],
    ['hover frame main-thread time, ms', atlas.hoverFrameMs, 1],
    ['heap growth, selections 1–50, KiB', atlas.heapGrowthBytes, 0, 1024],
    ['heap growth, selections 51–100, KiB', atlas.heapGrowthMoreBytes, 0, 1024],
    ['JS objects growth, selections 1–50, KiB', atlas.objectGrowthBytes, 1, 1024],
    ['JS objects growth, selections 51–100, KiB', atlas.objectGrowthMoreBytes, 1, 1024],
    ['DOM nodes growth after 100 selections', atlas.domNodesGrowth, 0],
    ['listeners growth after 100 selections', atlas.listenersGrowth, 0],
    ['longest task after idle, ms', atlas.longTasksAfterIdleMaxMs, 0],
  ];
  for (const [label, value, digits, scale] of atlasOnly) {
    rows.push([label, formatStat(value, digits, scale), '', '', '', '', '', '']);
  }
  return render([header, ...rows]);
}

export function formatBudgets(checks: BudgetCheck[]): string {
  return render([
    ['budget', 'measured', 'met'],
    ...checks.map((check) => [check.budget, check.measured, check.pass ? 'yes' : 'NO']),
  ]);
}
