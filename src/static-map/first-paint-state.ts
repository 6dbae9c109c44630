/**
 * The state the HTML's own SVG draws (scripts/first-paint/ renders it): a link asking for
 * exactly this keeps that SVG until MapLibre's first frame, and the static renderer is not
 * loaded for it. No projection code here: the entry script reads it.
 */
import { type AtlasState, DEFAULT_STATE } from '../state/atlas-state';

/** The default view, in Chinese (the pages' language before a link asks for another). */
export const FIRST_PAINT_STATE: Readonly<AtlasState> = DEFAULT_STATE;

/** Whether a state draws as the HTML's SVG does. */
export function drawsAsFirstPaint(state: AtlasState): boolean {
  return (
    state.lang === FIRST_PAINT_STATE.lang &&
    state.layers.join() === FIRST_PAINT_STATE.layers.join() &&
    state.population === FIRST_PAINT_STATE.population &&
    state.sel === FIRST_PAINT_STATE.sel &&
    state.passage === FIRST_PAINT_STATE.passage &&
    state.view === FIRST_PAINT_STATE.view
  );
}
