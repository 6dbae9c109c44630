import { describe, expect, it } from 'vitest';
import { postponePendingFrame } from '../../src/map/postpone-frame';

/** A map with MapLibre's frame bookkeeping: at most one pending frame, cancelled by its controller. */
function fakeMap() {
  const map = {
    _frameRequest: null as AbortController | null,
    requested: 0,
    triggerRepaint() {
      if (map._frameRequest) return;
      map._frameRequest = new AbortController();
      map.requested += 1;
    },
  };
  return map;
}

function manualSchedule() {
  const queued: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queued.push(callback),
    /** The browser paints; what was scheduled after it runs. */
    paint() {
      for (const callback of queued.splice(0)) callback();
    },
    get waiting() {
      return queued.length;
    },
  };
}

describe('postponePendingFrame', () => {
  it('cancels the pending frame and requests it again after the paint', () => {
    const map = fakeMap();
    map.triggerRepaint();
    const pending = map._frameRequest;
    const frames = manualSchedule();
    expect(postponePendingFrame(map, frames.schedule)).toBe(true);
    expect(pending?.signal.aborted).toBe(true);
    expect(map._frameRequest).toBeNull();
    frames.paint();
    expect(map._frameRequest).not.toBeNull();
    expect(map._frameRequest).not.toBe(pending);
    expect(map.requested).toBe(2);
  });

  it('does nothing when no frame is pending', () => {
    const map = fakeMap();
    const frames = manualSchedule();
    expect(postponePendingFrame(map, frames.schedule)).toBe(false);
    expect(frames.waiting).toBe(0);
    expect(map.requested).toBe(0);
  });

  it('does nothing to a map without the frame request it knows (another MapLibre version)', () => {
    const frames = manualSchedule();
    let repaints = 0;
    const map = { _frameRequest: 42, triggerRepaint: () => (repaints += 1) };
    expect(postponePendingFrame(map, frames.schedule)).toBe(false);
    expect(map._frameRequest).toBe(42);
    expect(frames.waiting).toBe(0);
    expect(repaints).toBe(0);
  });

  it('leaves one frame when the map asks for another before the paint', () => {
    const map = fakeMap();
    map.triggerRepaint();
    const frames = manualSchedule();
    postponePendingFrame(map, frames.schedule);
    map.triggerRepaint();
    frames.paint();
    expect(map.requested).toBe(2);
  });
});
