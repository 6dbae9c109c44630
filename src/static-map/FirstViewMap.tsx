/**
 * The first view as SVG for a link the HTML's own SVG does not draw (another selection, layer,
 * language or view): the link's state at the camera MapLibre will start at, so that MapLibre's
 * first frame replaces it with nothing moving. Loaded only for such links.
 */
import { useMemo } from 'preact/hooks';
import type { MapFeatures } from '../data/map-features';
import type { Inset } from '../map/visible-area';
import { useAtlas } from '../ui/atlas-context';
import type { Camera, Size } from './camera';
import { canvasCamera } from './first-view';
import { StaticMap } from './StaticMap';

export interface FirstViewMapProps {
  features: MapFeatures;
  size: Size;
  inset: Inset;
  /** The first camera (first-view.ts): its centre that of the part of the map the inset leaves. */
  camera: Camera;
}

export function FirstViewMap({ features, size, inset, camera }: FirstViewMapProps) {
  const { t, places, content, state } = useAtlas();
  const themeDistricts = useMemo(() => content.themeDistricts(), [content]);
  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  return (
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
  );
}
