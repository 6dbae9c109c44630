/**
 * Keeps MapLibre from drawing its sky on a map that never tilts.
 *
 * MapLibre draws the sky in every frame, before the layers: a quad over the whole canvas,
 * blended, whose shader paints only above the horizon. The atlas never tilts (its `maxPitch` is
 * 0), so the horizon is never in view and the quad draws nothing, yet a software renderer
 * (SwiftShader) spent 12 ms of a 58 ms frame on it, in every frame (BENCHMARKS.md, 33). A style
 * without a `sky` still gets MapLibre's default one, and there is no public switch.
 *
 * This gives the map's painter its own copy of MapLibre's table of drawing functions
 * (`painter.drawFunctions`, shared by every map on the page) with a sky that is drawn only while
 * the map is tilted. If a MapLibre version lacks the table, the map draws its sky as before.
 */
export interface PitchedMap {
  getPitch(): number;
}

type DrawFunction = (...args: unknown[]) => void;
interface PainterWithDrawFunctions {
  drawFunctions?: Record<string, unknown>;
}

/** Returns whether the sky is now drawn only while the map is tilted. */
export function skipSkyWhileFlat(map: PitchedMap): boolean {
  const painter = (map as PitchedMap & { painter?: PainterWithDrawFunctions }).painter;
  const table = painter?.drawFunctions;
  const drawSky = table?.sky;
  if (!painter || !table || typeof drawSky !== 'function') return false;
  painter.drawFunctions = {
    ...table,
    sky: (...args: unknown[]) => {
      if (map.getPitch() !== 0) (drawSky as DrawFunction)(...args);
    },
  };
  return true;
}
