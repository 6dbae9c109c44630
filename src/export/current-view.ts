/**
 * The view on screen, read from what the map publishes on its element (`data-center`,
 * `data-zoom`) and the element's size, for the saved image and the printed map.
 */
import type { PlaceIndex } from '../data/place-index';
import type { AtlasState } from '../state/atlas-state';
import { type Camera, cameraOf, projectionOf, type Size } from '../static-map/projection';
import type { LngLat } from '../types/atlas-data';

/** The size of an image when no map is on the page to take it from. */
const DEFAULT_SIZE: Size = { width: 1200, height: 800 };
const FIT_PADDING_PX = 16;

function cameraAttributes(element: Element | null): Camera | null {
  const zoom = Number(element?.getAttribute('data-zoom'));
  const center = element?.getAttribute('data-center')?.split(',').map(Number);
  if (!element || !Number.isFinite(zoom) || center?.length !== 2 || center.some((value) => !Number.isFinite(value))) {
    return null;
  }
  return { center: [center[0] as number, center[1] as number], zoom };
}

/**
 * The view on screen: the WebGL map's published camera and its container's size, else the SVG
 * map's, else the URL's camera, else the whole municipality.
 */
export function currentView(state: AtlasState, places: PlaceIndex): { camera: Camera; size: Size } {
  for (const element of [
    document.querySelector('[data-testid="map"]'),
    document.querySelector('[data-testid="static-map"] svg[data-zoom]'),
  ]) {
    const camera = cameraAttributes(element);
    const box = element?.getBoundingClientRect();
    if (camera && box && box.width >= 1 && box.height >= 1) {
      return { camera, size: { width: Math.round(box.width), height: Math.round(box.height) } };
    }
  }
  if (state.view)
    return { camera: { center: [state.view.lon, state.view.lat], zoom: state.view.zoom }, size: DEFAULT_SIZE };
  const [west, south, east, north] = places.regions.get('chongqing')?.bbox ?? [105.3, 28.2, 110.2, 32.2];
  const view = {
    bounds: [
      [west, south],
      [east, north],
    ] as [[number, number], [number, number]],
    padding: FIT_PADDING_PX,
  };
  return { camera: cameraOf(view, DEFAULT_SIZE), size: DEFAULT_SIZE };
}

/** The west-south and east-north corners a view shows. */
export function viewBounds(camera: Camera, size: Size): [LngLat, LngLat] {
  const projection = projectionOf(camera, size);
  const southWest = projection.invert?.([0, size.height]) ?? camera.center;
  const northEast = projection.invert?.([size.width, 0]) ?? camera.center;
  return [
    [southWest[0], southWest[1]],
    [northEast[0], northEast[1]],
  ];
}
