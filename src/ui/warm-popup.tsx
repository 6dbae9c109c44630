/**
 * Lays out one popup, hidden, while the page is idle, so the reader's first click does not pay
 * for what only a first popup costs: the browser's first layout of the popup's styles and fonts
 * (about 30 ms here, against 3–6 ms for every later popup) and the first run of its components'
 * code. Measured in BENCHMARKS.md, 31.
 */
import { render } from 'preact';
import type { AtlasMap } from '../map/atlas-map';
import { AtlasContext, type AtlasContextValue } from './atlas-context';
import { PopupContent } from './PopupContent';

export function warmPopupLayout(adapter: AtlasMap, atlas: AtlasContextValue): void {
  // The fullest popup, so that every part a popup can have is laid out.
  const id = atlas.content.mostDiscussed(atlas.places.districts.keys());
  if (!id) return;
  adapter.layOutHiddenPopup((content) => {
    render(
      <AtlasContext.Provider value={atlas}>
        <PopupContent id={id} takeFocus={false} onClose={() => undefined} />
      </AtlasContext.Provider>,
      content,
    );
    return () => render(null, content);
  });
}
