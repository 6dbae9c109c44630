/**
 * Thins a TopoJSON topology's arcs for drawing at one scale (Douglas–Peucker in screen px).
 * Arcs are what neighbouring shapes share, and their ends are kept: two districts' common
 * border stays one line, with no gap or overlap between them however much it is thinned.
 */
import type { Arc, Topology } from 'topojson-specification';

type Point = [number, number];

/** The distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Which points a line keeps, thinned to within `tolerance` of the original. */
export function douglasPeucker(points: readonly Point[], tolerance: number): boolean[] {
  const keep = points.map((_, index) => index === 0 || index === points.length - 1);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let distance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const d = segmentDistance(points[index] as Point, points[first] as Point, points[last] as Point);
      if (d > distance) {
        distance = d;
        farthest = index;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = true;
    stack.push([first, farthest], [farthest, last]);
  }
  return keep;
}

/** The topology with each arc thinned to within `tolerance` px where `project` puts it. */
export function simplifyTopology(topology: Topology, project: (lngLat: Point) => Point, tolerance: number): Topology {
  const transform = topology.transform;
  const lngLatOf = ([x, y]: Point): Point =>
    transform
      ? [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]]
      : [x, y];
  const arcs = topology.arcs.map((arc): Arc => {
    // A quantised topology's arcs are delta-encoded.
    let x = 0;
    let y = 0;
    const absolute = arc.map(([dx = 0, dy = 0]): Point => {
      if (!transform) return [dx, dy];
      x += dx;
      y += dy;
      return [x, y];
    });
    const keep = douglasPeucker(
      absolute.map((point) => project(lngLatOf(point))),
      tolerance,
    );
    const kept = absolute.filter((_, index) => keep[index]);
    if (!transform) return kept;
    let previous: Point = [0, 0];
    return kept.map((point) => {
      const delta: Point = [point[0] - previous[0], point[1] - previous[1]];
      previous = point;
      return delta;
    });
  });
  return { ...topology, arcs };
}
