import { describe, expect, it, vi } from 'vitest';
import { skipSkyWhileFlat } from '../../src/map/skip-sky';

/** A map as MapLibre keeps it: a painter whose table of drawing functions every map shares. */
function fakeMap(table: Record<string, unknown>, pitch = 0) {
  const state = { pitch };
  return {
    state,
    map: { painter: { drawFunctions: table }, getPitch: () => state.pitch },
  };
}

describe('skipSkyWhileFlat', () => {
  it('draws no sky while the map is flat, and the sky again once it is tilted', () => {
    const sky = vi.fn();
    const fill = vi.fn();
    const { map, state } = fakeMap({ sky, fill });
    expect(skipSkyWhileFlat(map)).toBe(true);
    const drawFunctions = map.painter.drawFunctions as Record<string, (...args: unknown[]) => void>;
    drawFunctions.sky?.('mesh', 'context');
    expect(sky).not.toHaveBeenCalled();
    state.pitch = 30;
    drawFunctions.sky?.('mesh', 'context');
    expect(sky).toHaveBeenCalledWith('mesh', 'context');
    // Every other drawing function is MapLibre's own.
    expect(drawFunctions.fill).toBe(fill);
  });

  it("leaves MapLibre's shared table alone: another map on the page still draws its sky", () => {
    const sky = vi.fn();
    const shared = { sky };
    const first = fakeMap(shared);
    const second = fakeMap(shared);
    skipSkyWhileFlat(first.map);
    expect(shared.sky).toBe(sky);
    expect(second.map.painter.drawFunctions.sky).toBe(sky);
  });

  it('does nothing on a MapLibre without the table', () => {
    expect(skipSkyWhileFlat({ getPitch: () => 0 })).toBe(false);
    expect(skipSkyWhileFlat(fakeMap({ fill: vi.fn() }).map)).toBe(false);
  });
});
