/**
 * Moves a map frame that is already requested to after the browser's next paint.
 *
 * MapLibre requests a frame at `mouseup` (and `touchend`) because its pan handler stops, with
 * nothing on the map changed (mapbox/mapbox-gl-js#9825). The click comes in the same task, so
 * that frame is drawn just before the popup the click opens is painted, and on a slow GPU holds
 * the popup back by the 50–150 ms it takes (BENCHMARKS.md, 30). Postponed, the popup is painted
 * first and the map is drawn in the frame after, with whatever changed by then.
 *
 * MapLibre has no public way to cancel a requested frame: this reads `Map._frameRequest`, the
 * AbortController of the pending `requestAnimationFrame`. If a MapLibre version lacks it,
 * nothing is postponed and the map draws as before.
 */
import { afterNextPaint } from './after-paint';

export interface RepaintingMap {
  triggerRepaint(): void;
}

/** Returns whether a frame was pending and has been postponed. */
export function postponePendingFrame(
  map: RepaintingMap,
  schedule: (callback: () => void) => void = afterNextPaint,
): boolean {
  const internal = map as RepaintingMap & { _frameRequest?: unknown };
  const request = internal._frameRequest;
  if (!(request instanceof AbortController)) return false;
  request.abort();
  internal._frameRequest = null;
  // triggerRepaint requests a frame only when none is pending, which is now the case again.
  schedule(() => map.triggerRepaint());
  return true;
}
