import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../src/map/after-paint';

/** Animation frames that run only when the test says a frame is being rendered. */
function manualFrames() {
  let queued: (() => void)[] = [];
  return {
    requestAnimationFrame(callback: () => void) {
      queued.push(callback);
    },
    /** Runs the frame's callbacks, as the browser does just before it paints. */
    renderFrame() {
      const callbacks = queued;
      queued = [];
      for (const callback of callbacks) callback();
    },
  };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('afterNextPaint', () => {
  it('waits for the next frame, then for the task after it', async () => {
    const frames = manualFrames();
    const calls: string[] = [];
    afterNextPaint(() => calls.push('after paint'), frames);
    await nextTask();
    expect(calls).toEqual([]);
    frames.renderFrame();
    // Not inside the frame itself, which would hold back its paint.
    calls.push('frame done');
    expect(calls).toEqual(['frame done']);
    await nextTask();
    expect(calls).toEqual(['frame done', 'after paint']);
  });

  it('runs each callback once, in the order they were scheduled', async () => {
    const frames = manualFrames();
    const calls: number[] = [];
    afterNextPaint(() => calls.push(1), frames);
    afterNextPaint(() => calls.push(2), frames);
    frames.renderFrame();
    frames.renderFrame();
    await nextTask();
    await nextTask();
    expect(calls).toEqual([1, 2]);
  });
});
