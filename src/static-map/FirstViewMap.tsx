/**
 * The first view as SVG for a link the HTML's own SVG does not draw (another selection, layer,
 * language or view): the link's state at the camera MapLibre will start at, so that MapLibre's
 * first frame replaces it with nothing moving. Loaded only for such links.
 */
import type { MapFeatures } from '../data/map-features';
import type { Inset } from '../map/visible-area';
import { AtlasStaticMap } from './AtlasStaticMap';
import type { Camera, Size } from './camera';
import { canvasCamera } from './first-view';

export interface FirstViewMapProps {
  features: MapFeatures;
  size: Size;
  inset: Inset;
  /** The first camera (first-view.ts): its centre that of the part of the map the inset leaves. */
  camera: Camera;
}

export function FirstViewMap({ features, size, inset, camera }: FirstViewMapProps) {
  return <AtlasStaticMap features={features} view={canvasCamera(camera, size, inset)} size={size} />;
}
