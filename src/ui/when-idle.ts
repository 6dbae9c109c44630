/**
 * Runs a task when the browser has nothing else to do (or after `timeoutMs` at the latest),
 * for work that can be done ahead of a reader's first use. Safari has no requestIdleCallback:
 * there it runs after a short delay.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 200);
}
