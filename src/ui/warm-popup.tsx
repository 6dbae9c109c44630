/**
 * Lays out one popup, hidden, while the page is idle, so the reader's first click does not pay
 * for what only a first popup costs: the browser's first layout of the popup's styles and fonts
 * (about 30 ms here whatever the popup holds, against 3–11 ms for any later one) and the first
 * run of its components' code.
 */
import { render } from 'preact';
import type { AtlasMap } from '../map/atlas-map';
import { AtlasContext, type AtlasContextValue } from './atlas-context';
import { PopupContent } from './PopupContent';

export function warmPopupLayout(adapter: AtlasMap, atlas: AtlasContextValue): void {
  // Every part a popup can have, in as little text as possible: the first layout costs about the
  // same whatever the popup holds, and more text only makes the idle task longer.
  const id = atlas.content.smallestCompletePlace(atlas.places.districts.keys());
  if (!id) return;
  adapter.layOutHiddenPopup((content) => {
    render(
      <AtlasContext.Provider value={atlas}>
        <PopupContent id={id} variant="popup" takeFocus={false} onClose={() => undefined} />
      </AtlasContext.Provider>,
      content,
    );
    return () => render(null, content);
  });
}
