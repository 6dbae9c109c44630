/** The tables `npm run bench` prints: every page side by side, then the ratios to the atlas. */
import { NETWORKS } from '../measure/first-paint';
import type { LighthouseSample } from '../measure/lighthouse';
import type { PageName } from '../types';
import type { BudgetCheck } from './budgets';
import { FIRST_PAINT_METRICS, type FirstPaintByNetwork, LIGHTHOUSE_METRICS } from './first-paint-summary';
import type { Stat } from './stats';
import { formatStat, INTERACTION_METRICS, PAGE_METRICS, type Summary } from './summary';

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
  const baselines: PageName[] = [...(pages.before ? ['before' as const] : []), 'floor', 'naive', 'leaflet'];
  const header = ['metric (median, min–max)', 'atlas', ...baselines, ...baselines.map((name) => `atlas/${name}`)];
  const rows = PAGE_METRICS.map((row) => {
    const of = (name: PageName) => {
      const page = pages[name];
      return page ? row.pick(page) : { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
    };
    return [
      row.label,
      formatStat(of('atlas'), row.digits, row.scale),
      ...baselines.map((name) => formatStat(of(name), row.digits, row.scale)),
      ...baselines.map((name) => ratio(of('atlas'), of(name))),
    ];
  });
  for (const row of INTERACTION_METRICS) {
    rows.push([row.label, formatStat(row.pick(atlas), row.digits, row.scale), ...baselines.flatMap(() => ['', ''])]);
  }
  return render([header, ...rows]);
}

/** The first map paint on each network, and Lighthouse's figures, for the atlas and its comparisons. */
export function formatFirstPaintTable(
  firstPaint: Partial<Record<PageName, FirstPaintByNetwork>>,
  lighthouse: Partial<Record<PageName, LighthouseSample[]>>,
): string {
  const baselines = (['before', 'naive'] as const).filter((name) => firstPaint[name] || lighthouse[name]);
  const header = ['metric (median, min–max)', 'atlas', ...baselines, ...baselines.map((name) => `atlas/${name}`)];
  const none: Stat = { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const rows: string[][] = [];
  for (const network of NETWORKS) {
    const of = (name: PageName) => firstPaint[name]?.[network];
    if (!of('atlas')) continue;
    for (const metric of FIRST_PAINT_METRICS) {
      const value = (name: PageName) => {
        const page = of(name);
        return page ? metric.pick(page) : none;
      };
      rows.push([
        `${metric.label} (${network === 'none' ? 'no throttling' : 'slow 4G'})`,
        formatStat(value('atlas'), metric.digits, metric.scale),
        ...baselines.map((name) => formatStat(value(name), metric.digits, metric.scale)),
        ...baselines.map((name) => ratio(value('atlas'), value(name))),
      ]);
    }
    rows.push([
      `map painted by; LCP element (${network === 'none' ? 'no throttling' : 'slow 4G'})`,
      ...(['atlas', ...baselines] as PageName[]).map((name) => {
        const page = of(name);
        return page ? `${page.paintedBy}; ${page.lcpElement}` : '–';
      }),
      ...baselines.map(() => ''),
    ]);
  }
  if (lighthouse.atlas) {
    for (const metric of LIGHTHOUSE_METRICS) {
      const value = (name: PageName) => {
        const runs = lighthouse[name];
        return runs ? metric.pick(runs) : none;
      };
      // Where Lighthouse measured nothing, its reason (NO_FCP) instead of a dash.
      const shown = (name: PageName) => {
        const text = formatStat(value(name), metric.digits);
        const error = lighthouse[name]?.find((run) => run.runtimeError)?.runtimeError;
        return text === '–' && error ? error : text;
      };
      rows.push([
        metric.label,
        shown('atlas'),
        ...baselines.map(shown),
        ...baselines.map((name) => ratio(value('atlas'), value(name))),
      ]);
    }
  }
  return render([header, ...rows]);
}

export function formatBudgets(checks: BudgetCheck[]): string {
  return render([
    ['budget', 'measured', 'met'],
    ...checks.map((check) => [check.budget, check.measured, check.pass ? 'yes' : 'NO']),
  ]);
}
