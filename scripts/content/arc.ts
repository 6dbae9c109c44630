import type { LngLat } from '../../src/types/atlas-data';

/** How far the arc's control point sits off the straight line, as a share of its length. */
const BULGE = 0.25;

const round5 = (value: number) => Number(value.toFixed(5));

/**
 * A gentle arc from `from` to `to` (a quadratic Bézier curving to the left of the
 * direction of travel), as `count` points including both ends. Computed in a local
 * equirectangular frame so the curve keeps its shape at Chongqing's latitude.
 */
export function arcPath(from: LngLat, to: LngLat, count = 16): LngLat[] {
  if (count < 2) throw new Error('an arc needs at least two points');
  const scale = Math.cos((((from[1] + to[1]) / 2) * Math.PI) / 180);
  const start = { x: from[0] * scale, y: from[1] };
  const end = { x: to[0] * scale, y: to[1] };
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const control = { x: (start.x + end.x) / 2 - dy * BULGE, y: (start.y + end.y) / 2 + dx * BULGE };
  return Array.from({ length: count }, (_, index) => {
    const t = index / (count - 1);
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    const x = a * start.x + b * control.x + c * end.x;
    const y = a * start.y + b * control.y + c * end.y;
    return [round5(x / scale), round5(y)] as LngLat;
  });
}
