/**
 * The first view as SVG, drawn by the app over the map's place while MapLibre loads: the state
 * of the link (its layers, selection, passage) at the camera MapLibre will start at, so that
 * MapLibre's first frame replaces it with nothing moving. A click on a district selects it.
 */
import { useMemo } from 'preact/hooks';
import type { MapFeatures } from '../data/map-features';
import type { Inset } from '../map/visible-area';
import { useAtlas } from '../ui/atlas-context';
import { canvasCamera } from './first-view';
import type { Camera, Size } from './projection';
import { StaticMap } from './StaticMap';

export interface FirstViewMapProps {
  features: MapFeatures;
  size: Size;
  inset: Inset;
  /** The first camera (first-view.ts): its centre that of the part of the map the inset leaves. */
  camera: Camera;
  onSelect(id: string): void;
}

export function FirstViewMap({ features, size, inset, camera, onSelect }: FirstViewMapProps) {
  const { t, places, content, state } = useAtlas();
  const themeDistricts = useMemo(() => content.themeDistricts(), [content]);
  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  const onClick = (event: MouseEvent) => {
    const id = (event.target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id');
    if (id) onSelect(id);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a pointer shortcut while the map loads; the place list selects the same places by keyboard
    <div class="first-view" data-testid="first-view" onClick={onClick}>
      <StaticMap
        features={features}
        places={places}
        themeDistricts={themeDistricts}
        state={state}
        passagePlaces={passagePlaces}
        view={canvasCamera(camera, size, inset)}
        size={size}
        title={t('map.label')}
      />
    </div>
  );
}
