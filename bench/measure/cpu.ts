/**
 * The CPU time a page's load costs the browser: user plus system time of every process of the
 * benchmark's Chromium (browser, renderer, GPU and utility processes, every thread), read from
 * Linux's /proc between navigation and idle. On a machine with few cores the renderer's main
 * thread, MapLibre's worker, the GPU process's software rasteriser and the compositor all share
 * them, so a load's time to idle follows the work it does, wherever it is done.
 *
 * The renderer processes' share (the page's main thread, its workers and its compositor and
 * raster threads) is read apart: it is what a reader's device pays too, whereas the GPU
 * process's time here is SwiftShader rasterising in software, which readers never use.
 * Null where /proc cannot be read (not Linux).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTimes {
  pid: number;
  parent: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

/** One `/proc/<pid>/stat` line; the command name may hold spaces and parentheses. */
export function parseProcStat(line: string): ProcessTimes | null {
  const close = line.lastIndexOf(')');
  const pid = Number.parseInt(line, 10);
  if (close < 0 || !Number.isInteger(pid)) return null;
  // Fields after the name, from field 3 (state): parent is field 4, utime 14, stime 15.
  const fields = line
    .slice(close + 2)
    .trim()
    .split(' ');
  const parent = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isInteger(parent) || !Number.isFinite(ticks)) return null;
  return { pid, parent, ticks };
}

/** The processes descended from `root` (not `root` itself), with their CPU ticks. */
export function descendantTicks(processes: readonly ProcessTimes[], root: number): Map<number, number> {
  const children = new Map<number, ProcessTimes[]>();
  for (const entry of processes) {
    const siblings = children.get(entry.parent);
    if (siblings) siblings.push(entry);
    else children.set(entry.parent, [entry]);
  }
  const found = new Map<number, number>();
  const pending = [root];
  while (pending.length > 0) {
    for (const child of children.get(pending.pop() as number) ?? []) {
      if (found.has(child.pid)) continue;
      found.set(child.pid, child.ticks);
      pending.push(child.pid);
    }
  }
  return found;
}

/**
 * CPU milliseconds spent between two readings. A process that has ended since the first
 * counts nothing (its last ticks are gone); one started since counts all of its time.
 */
export function cpuMsBetween(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
  ticksPerSecond: number,
): number {
  let ticks = 0;
  for (const [pid, now] of after) ticks += Math.max(0, now - (before.get(pid) ?? 0));
  return (ticks * 1000) / ticksPerSecond;
}

let ticksPerSecond: number | undefined;
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * Chromium's process type from its command line (`--type=renderer`); `browser` for the one
 * without. Chromium rewrites its child processes' titles, so their /proc cmdline is one
 * space-separated string rather than NUL-separated arguments.
 */
export function chromiumProcessType(cmdline: string): string {
  const type = cmdline.split(/[\0 ]/).find((argument) => argument.startsWith('--type='));
  return type ? type.slice('--type='.length) : 'browser';
}

/** The CPU ticks of this process's descendants (the browser it launched); null without /proc. */
export function readBrowserTicks(root = process.pid, proc = '/proc', onlyType?: string): Map<number, number> | null {
  let names: string[];
  try {
    names = readdirSync(proc).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const processes: ProcessTimes[] = [];
  for (const name of names) {
    try {
      const parsed = parseProcStat(readFileSync(`${proc}/${name}/stat`, 'utf8'));
      if (parsed) processes.push(parsed);
    } catch {
      // The process ended while the list was read.
    }
  }
  const descendants = descendantTicks(processes, root);
  if (onlyType === undefined) return descendants;
  for (const pid of [...descendants.keys()]) {
    let type: string | null = null;
    try {
      type = chromiumProcessType(readFileSync(`${proc}/${pid}/cmdline`, 'utf8'));
    } catch {
      // Ended in between: counts nothing either way.
    }
    if (type !== onlyType) descendants.delete(pid);
  }
  return descendants;
}

export interface CpuReading {
  /** Every process of the browser. */
  allMs: number | null;
  /** The renderer processes only: main thread, workers, compositor and raster threads. */
  rendererMs: number | null;
}

/** Starts a reading; the returned function gives the browser's CPU ms since (null without /proc). */
export function startCpuReading(): () => CpuReading {
  const before = readBrowserTicks();
  const rendererBefore = readBrowserTicks(process.pid, '/proc', 'renderer');
  return () => {
    const after = readBrowserTicks();
    const rendererAfter = readBrowserTicks(process.pid, '/proc', 'renderer');
    const perSecond = clockTicksPerSecond();
    return {
      allMs: before && after ? cpuMsBetween(before, after, perSecond) : null,
      rendererMs: rendererBefore && rendererAfter ? cpuMsBetween(rendererBefore, rendererAfter, perSecond) : null,
    };
  };
}
