/**
 * What stands in the map's place until MapLibre's first complete frame. For a link asking for
 * what the HTML's SVG draws (first-paint-state.ts), that SVG itself, moved here from the page's
 * frame: nothing is drawn twice and the static renderer is not loaded. Its names are placed for
 * a typical map size (scripts/first-paint/render.tsx), which serves for the moments until
 * MapLibre places them for the real one. For any other state, or once the reader changes it,
 * the static renderer is loaded and draws the state. A click on a district or region selects
 * it, in either.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MapFeatures } from '../data/map-features';
import type { Inset } from '../map/visible-area';
import type { Camera, Size } from '../static-map/camera';
import { drawsAsFirstPaint } from '../static-map/first-paint-state';
import { FIRST_PAINT_PADDING } from '../static-map/first-view';
import { useAtlas } from './atlas-context';

type FirstViewMapModule = typeof import('../static-map/FirstViewMap');

let mapModule: Promise<FirstViewMapModule> | null = null;
const loadFirstViewMap = () => {
  mapModule ??= import('../static-map/FirstViewMap');
  return mapModule;
};

export interface FirstViewProps {
  features: MapFeatures;
  size: Size;
  inset: Inset;
  /** The first camera (first-view.ts): its centre that of the part of the map the inset leaves. */
  camera: Camera;
  /** The HTML's own SVG, taken from its frame when the link's state is what it draws. */
  htmlMap: SVGSVGElement | null;
  onSelect(id: string): void;
}

const px = (value: number) => `${value}px`;

export function FirstView({ features, size, inset, camera, htmlMap, onSelect }: FirstViewProps) {
  const { state } = useAtlas();
  const [DrawnMap, setDrawnMap] = useState<FirstViewMapModule['FirstViewMap'] | null>(null);
  const needsDrawing = htmlMap === null || !drawsAsFirstPaint(state);
  useEffect(() => {
    if (!needsDrawing || DrawnMap) return;
    let cancelled = false;
    loadFirstViewMap().then(
      (module) => {
        if (!cancelled) setDrawnMap(() => module.FirstViewMap);
      },
      // The HTML's SVG (if any) stays until MapLibre draws; MapLibre reports its own failures.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [needsDrawing]);

  // The HTML's SVG fits its viewBox (the municipality) into this box, as MapLibre's first camera
  // fits the municipality into the visible part of the map less the same padding.
  const fit = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (htmlMap && fit.current && htmlMap.parentNode !== fit.current) fit.current.append(htmlMap);
  }, [DrawnMap]);

  const onClick = (event: MouseEvent) => {
    const id = (event.target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id');
    if (id) onSelect(id);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a pointer shortcut while the map loads; the place list selects the same places by keyboard
    <div class="first-view" data-testid="first-view" onClick={onClick}>
      {DrawnMap ? (
        <DrawnMap features={features} size={size} inset={inset} camera={camera} />
      ) : (
        htmlMap && (
          <div
            ref={fit}
            class="first-view-fit"
            style={{
              top: px(inset.top + FIRST_PAINT_PADDING),
              right: px(inset.right + FIRST_PAINT_PADDING),
              bottom: px(inset.bottom + FIRST_PAINT_PADDING),
              left: px(inset.left + FIRST_PAINT_PADDING),
            }}
          />
        )
      )}
    </div>
  );
}
