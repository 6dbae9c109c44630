/**
 * Which of the reader's actions each long task after idle belongs to: the last action begun
 * before the task started. A budget line that says only "262 ms" sends the next person to a
 * profiler; one that names the action says where to look.
 */
import type { LongTask } from '../probe/probe';

/** An action the benchmark took, and when it began (the page's clock). */
export interface ActionMark {
  action: string;
  at: number;
}

export interface LongTasksByAction {
  count: number;
  maxMs: number;
  /** The action the longest task belongs to; null when there was no long task. */
  maxAction: string | null;
  /** The longest task after each action that had one. */
  maxMsByAction: Record<string, number>;
}

/** Tasks before `from` (the load's idle) are left out; those before the first action count as `idle`. */
export function longTasksByAction(
  tasks: readonly LongTask[],
  marks: readonly ActionMark[],
  from: number,
): LongTasksByAction {
  const ordered = [...marks].sort((a, b) => a.at - b.at);
  const result: LongTasksByAction = { count: 0, maxMs: 0, maxAction: null, maxMsByAction: {} };
  for (const task of tasks) {
    if (task.start < from) continue;
    let action = 'idle';
    for (const mark of ordered) {
      if (mark.at > task.start) break;
      action = mark.action;
    }
    result.count += 1;
    result.maxMsByAction[action] = Math.max(result.maxMsByAction[action] ?? 0, task.duration);
    if (task.duration > result.maxMs) {
      result.maxMs = task.duration;
      result.maxAction = action;
    }
  }
  return result;
}
