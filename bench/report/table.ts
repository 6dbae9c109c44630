/** The one table `npm run bench` prints: every page side by side, then the ratios to the atlas. */
import type { PageName } from '../types';
import type { BudgetCheck } from './budgets';
import type { Stat } from './stats';
import { formatStat, INTERACTION_METRICS, PAGE_METRICS, type Summary } from './summary';

const BASELINES: PageName[] = ['floor', 'naive', 'leaflet'];

function ratio(atlas: Stat, baseline: Stat): string {
  if (!(baseline.median > 0) || !Number.isFinite(atlas.median)) return '–';
  return `${(atlas.median / baseline.median).toFixed(2)}×`;
}

function render(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatTable(summary: Summary): string {
  const { pages, atlas } = summary;
  const header = ['metric (median, min–max)', 'atlas', ...BASELINES, ...BASELINES.map((name) => `atlas/${name}`)];
  const rows = PAGE_METRICS.map((row) => [
    row.label,
    formatStat(row.pick(pages.atlas), row.digits, row.scale),
    ...BASELINES.map((name) => formatStat(row.pick(pages[name]), row.digits, row.scale)),
    ...BASELINES.map((name) => ratio(row.pick(pages.atlas), row.pick(pages[name]))),
  ]);
  for (const row of INTERACTION_METRICS) {
    rows.push([row.label, formatStat(row.pick(atlas), row.digits, row.scale), '', '', '', '', '', '']);
  }
  return render([header, ...rows]);
}

export function formatBudgets(checks: BudgetCheck[]): string {
  return render([
    ['budget', 'measured', 'met'],
    ...checks.map((check) => [check.budget, check.measured, check.pass ? 'yes' : 'NO']),
  ]);
}
