import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longTasksByAction } from '../../bench/measure/long-tasks';

describe('longTasksByAction (the benchmark)', () => {
  it('gives each task after idle to the last action begun before it', () => {
    const marks = [
      { action: 'switch innovation on', at: 500 },
      { action: 'click → popup', at: 100 },
    ];
    const tasks = [
      { start: 10, duration: 400 }, // before idle: not counted
      { start: 60, duration: 70 }, // after idle, before any action
      { start: 120, duration: 90 },
      { start: 300, duration: 150 },
      { start: 520, duration: 262 },
      { start: 800, duration: 80 },
    ];
    expect(longTasksByAction(tasks, marks, 50)).toEqual({
      count: 5,
      maxMs: 262,
      maxAction: 'switch innovation on',
      maxMsByAction: { idle: 70, 'click → popup': 150, 'switch innovation on': 262 },
    });
  });

  it('reports no action when there was no long task', () => {
    expect(longTasksByAction([], [{ action: 'hover', at: 0 }], 0)).toEqual({
      count: 0,
      maxMs: 0,
      maxAction: null,
      maxMsByAction: {},
    });
  });

  it('keeps every task after idle, and its longest is the longest of any action', () => {
    const task = fc.record({ start: fc.integer({ min: 0, max: 1000 }), duration: fc.integer({ min: 50, max: 500 }) });
    const mark = fc.record({ action: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(task), fc.array(mark), fc.integer({ min: 0, max: 1000 }), (tasks, marks, from) => {
        const result = longTasksByAction(tasks, marks, from);
        const after = tasks.filter((item) => item.start >= from);
        expect(result.count).toBe(after.length);
        expect(result.maxMs).toBe(Math.max(0, ...after.map((item) => item.duration)));
        expect(Math.max(0, ...Object.values(result.maxMsByAction))).toBe(result.maxMs);
      }),
    );
  });
});
