import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ContentIndex } from '../content/queries';
import type { PlaceIndex } from '../data/place-index';
import type { Translate } from '../i18n/messages';
import type { PopulationMeasureId } from '../layers/population-measures';
import type { LayerId } from '../layers/registry';
import type { AtlasState } from '../state/atlas-state';
import type { Lang } from '../types/atlas-data';

/** What every panel needs: the data, the language and the actions that change state. */
export interface AtlasContextValue {
  lang: Lang;
  t: Translate;
  places: PlaceIndex;
  content: ContentIndex;
  state: AtlasState;
  /** Select a place from a list or search: the map moves to it and opens its popup. */
  selectPlace(id: string | null): void;
  toggleLayer(layer: LayerId, visible: boolean): void;
  /** Show one of the layers that colour the districts in place of the one shown, or none. */
  setDistrictColouring(layer: LayerId | null): void;
  /** Shade the population layer by another measure. */
  setPopulationMeasure(measure: PopulationMeasureId): void;
  /** Open the reader at a passage; its places light up on the map. */
  openPassage(id: string | null): void;
  /**
   * Whether the reader should take keyboard focus to the passage it now marks: true once after
   * the reader opened a passage (not when a link opened it: a page must not move focus on load).
   */
  takeReaderFocus(): boolean;
  setLang(lang: Lang): void;
}

export const AtlasContext = createContext<AtlasContextValue | null>(null);

export function useAtlas(): AtlasContextValue {
  const value = useContext(AtlasContext);
  if (!value) throw new Error('useAtlas outside <AtlasContext.Provider>');
  return value;
}
