/**
 * Which map labels to show: greedy placement in priority order, as MapLibre places symbols.
 * A label is shown if its box lies inside the map and clear of every label placed before it.
 * Pure (screen boxes in, decisions out), so it is tested without a browser.
 */

/** A label's box on screen, in CSS pixels from the map's top-left corner. */
export interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space kept clear around each placed label (MapLibre's default `text-padding`). */
export const LABEL_PADDING = 2;

/** The box of a label of the given size centred on a point, or hanging below it by `offsetY`. */
export function labelBox(
  point: { x: number; y: number },
  size: { width: number; height: number },
  anchor: 'center' | 'top',
  offsetY = 0,
): LabelBox {
  const left = point.x - size.width / 2;
  const top = anchor === 'center' ? point.y - size.height / 2 : point.y + offsetY;
  return { left, top, width: size.width, height: size.height };
}

function overlaps(a: LabelBox, b: LabelBox, padding: number): boolean {
  return (
    a.left < b.left + b.width + padding &&
    b.left < a.left + a.width + padding &&
    a.top < b.top + b.height + padding &&
    b.top < a.top + a.height + padding
  );
}

function inside(box: LabelBox, viewport: { width: number; height: number }): boolean {
  return (
    box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width && box.top + box.height <= viewport.height
  );
}

/**
 * For boxes in priority order (first = most important), whether each is shown. A label that
 * does not fit, or would be cut by the map's edge, is left out rather than drawn over another.
 */
export function placeLabels(
  boxes: readonly LabelBox[],
  viewport: { width: number; height: number },
  padding = LABEL_PADDING,
): boolean[] {
  const placed: LabelBox[] = [];
  return boxes.map((box) => {
    if (!inside(box, viewport) || placed.some((other) => overlaps(box, other, padding))) return false;
    placed.push(box);
    return true;
  });
}

/** District label size by zoom: 11 px at zoom 6 to 14 px at zoom 10, as the style had it. */
export function districtLabelSize(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 6) / 4));
  return 11 + 3 * t;
}

/** The index of the point nearest `at` within `radius` px (a click on a node marker), or -1. */
export function nearestWithin(
  points: readonly ({ x: number; y: number } | null)[],
  at: { x: number; y: number },
  radius: number,
): number {
  let best = -1;
  let bestDistance = radius;
  points.forEach((point, index) => {
    if (!point) return;
    const distance = Math.hypot(point.x - at.x, point.y - at.y);
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
