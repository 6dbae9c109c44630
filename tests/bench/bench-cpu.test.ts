import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumProcessType,
  clockTicksPerSecond,
  cpuMsBetween,
  descendantTicks,
  parseProcStat,
  readBrowserTicks,
} from '../../bench/measure/cpu';

/** A /proc/<pid>/stat line: pid, name, state, parent, then fields 5–13 as zeros, utime, stime. */
const statLine = (pid: number, name: string, parent: number, utime: number, stime: number) =>
  `${pid} (${name}) S ${parent} ${Array(9).fill(0).join(' ')} ${utime} ${stime} 0 0 20 0 12 0 4242\n`;

describe('the benchmark CPU reading (bench/measure/cpu.ts)', () => {
  it('reads a process stat line, whatever its name holds', () => {
    expect(parseProcStat(statLine(4321, 'chromium', 17, 250, 40))).toEqual({ pid: 4321, parent: 17, ticks: 290 });
    // Thread and process names may hold spaces and parentheses.
    expect(parseProcStat(statLine(12, 'Web Content (x) 2', 3, 5, 6))).toEqual({ pid: 12, parent: 3, ticks: 11 });
    expect(parseProcStat('not a stat line')).toBeNull();
  });

  it("counts the launched browser's whole process tree and nothing else", () => {
    const processes = [
      { pid: 100, parent: 1, ticks: 5 }, // the benchmark itself
      { pid: 200, parent: 100, ticks: 50 }, // browser
      { pid: 210, parent: 200, ticks: 30 }, // zygote
      { pid: 211, parent: 210, ticks: 70 }, // renderer, under the zygote
      { pid: 220, parent: 200, ticks: 40 }, // GPU process
      { pid: 300, parent: 1, ticks: 999 }, // another program
    ];
    expect(descendantTicks(processes, 100)).toEqual(
      new Map([
        [200, 50],
        [210, 30],
        [211, 70],
        [220, 40],
      ]),
    );
  });

  it("tells Chromium's renderer processes from its GPU process and the browser", () => {
    const cmdline = (...args: string[]) => `${args.join('\0')}\0`;
    expect(chromiumProcessType(cmdline('/usr/lib/chromium/chromium', '--type=renderer', '--lang=en'))).toBe('renderer');
    expect(chromiumProcessType(cmdline('/usr/lib/chromium/chromium', '--type=gpu-process'))).toBe('gpu-process');
    expect(chromiumProcessType(cmdline('/usr/lib/chromium/chromium', '--headless', '--no-sandbox'))).toBe('browser');
    // As Chromium's children show it, their title rewritten into one space-separated string.
    expect(chromiumProcessType('/usr/lib/chromium/chromium --type=renderer --crashpad-handler-pid=0\0')).toBe(
      'renderer',
    );
  });

  it('turns two readings into milliseconds: an ended process adds nothing, a new one all its time', () => {
    const before = new Map([
      [200, 50],
      [211, 70],
      [230, 10], // a renderer that has ended by the second reading
    ]);
    const after = new Map([
      [200, 60],
      [211, 95],
      [240, 15], // a renderer started in between
    ]);
    expect(cpuMsBetween(before, after, 100)).toBe(500);
    expect(cpuMsBetween(before, after, 1000)).toBe(50);
  });

  const folder = mkdtempSync(join(tmpdir(), 'atlas-proc-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a /proc tree from disk, and gives null where there is none', () => {
    const proc = join(folder, 'proc');
    for (const [pid, name, parent, utime] of [
      [500, 'node', 1, 9],
      [501, 'chromium', 500, 20],
      [502, 'chromium', 501, 30],
      [600, 'other', 1, 99],
    ] as const) {
      mkdirSync(join(proc, String(pid)), { recursive: true });
      writeFileSync(join(proc, String(pid), 'stat'), statLine(pid, name, parent, utime, 1));
    }
    mkdirSync(join(proc, 'self'));
    expect(readBrowserTicks(500, proc)).toEqual(
      new Map([
        [501, 21],
        [502, 31],
      ]),
    );
    expect(readBrowserTicks(500, join(folder, 'missing'))).toBeNull();
  });

  it.runIf(process.platform === 'linux')('measures the CPU a child process really spends', async () => {
    const before = readBrowserTicks();
    // A child that keeps a core busy for 400 ms of wall time, then waits to be read.
    const child = spawn(process.execPath, [
      '-e',
      'const end = Date.now() + 400; while (Date.now() < end); setTimeout(() => {}, 10000);',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const after = readBrowserTicks();
    child.kill();
    expect(before).not.toBeNull();
    expect(after?.has(child.pid as number)).toBe(true);
    // However busy the machine, the loop ran for a good part of its 400 ms.
    expect(
      cpuMsBetween(before as Map<number, number>, after as Map<number, number>, clockTicksPerSecond()),
    ).toBeGreaterThan(50);
  });
});
