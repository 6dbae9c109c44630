/**
 * The map without WebGL: the static SVG map as the map itself. A click or tap on a district
 * selects it; the zoom buttons step through whole zoom levels; a drag pans. The camera follows
 * the URL's `#map=` and reports where the reader moved it, so links keep working, and moves to
 * a place chosen from a list (above the sheet that may cover the map). Loaded only when WebGL2
 * is missing or the map fails (d3-geo stays out of the first view's code).
 */

import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { coveredInset, type Inset, NO_INSET, sameInset } from '../map/visible-area';
import type { MapView } from '../state/atlas-state';
import type { LngLat } from '../types/atlas-data';
import { useAtlas } from '../ui/atlas-context';
import { markFirstViewComplete } from '../ui/first-view-complete';
import { AtlasStaticMap, useStaticMapFeatures } from './AtlasStaticMap';
import { cameraFitting, cameraShowing, drawnCamera } from './framing';
import { type Camera, projectionOf, type Size } from './projection';

/** How many zoom levels the buttons step in and out of the view that fits the municipality. */
const ZOOM_STEPS_IN = 4;
const ZOOM_STEPS_OUT = 1;
/** How far an arrow key pans the map, as the WebGL map's keyboard does. */
const KEY_PAN_PX = 100;
/** A pointer that moves less than this between down and up clicked rather than dragged. */
const CLICK_SLOP_PX = 4;
const FIT_PADDING_PX = 16;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export interface StaticMapPaneProps {
  overview: Topology;
  onMove(view: MapView): void;
  /** A click or tap on the map chose a place (or none): the camera stays where the reader has it. */
  onSelect(id: string | null): void;
  /** Changed when a list, search or the reader chose a place: the camera moves to show it. */
  focusRequest: number;
  /** What may cover part of the map (the bottom sheet on phones): places are shown in the rest. */
  cover?: RefObject<HTMLElement | null>;
  /** Set to a function that moves keyboard focus to the map, while there is one. */
  focusMap?: RefObject<(() => void) | null>;
  /** Shown over the map (the chosen place's details). */
  children?: ComponentChildren;
}

export function StaticMapPane({
  overview,
  onMove,
  onSelect,
  focusRequest,
  cover,
  focusMap,
  children,
}: StaticMapPaneProps) {
  const { t, places, content, state } = useAtlas();
  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [inset, setInset] = useState<Inset>(NO_INSET);
  const municipality = places.regions.get('chongqing')?.bbox;
  const fit = useMemo<Camera | null>(
    () => (size && municipality ? cameraFitting(municipality, size, inset, FIT_PADDING_PX) : null),
    [size, inset, municipality?.join()],
  );
  // A link with a selection and no view opens on the selection, as the WebGL map does.
  const firstSelection = useRef(state.view ? null : state.sel);
  const firstBox = firstSelection.current ? places.bbox([firstSelection.current]) : null;
  const first = size && firstBox ? cameraShowing(firstBox, size, inset) : fit;
  const fromUrl = (view: MapView | null): Camera | null =>
    view ? { center: [view.lon, view.lat], zoom: view.zoom } : null;
  const [camera, setCamera] = useState<Camera | null>(fromUrl(state.view));
  const shown = camera ?? first;
  const drag = useRef<{ x: number; y: number; start: Camera; moved: boolean } | null>(null);

  /** The part of the map the cover hides, measured now. */
  const measureInset = (): Inset => {
    const element = container.current;
    const covering = cover?.current;
    if (!element || !covering) return NO_INSET;
    return coveredInset(element.getBoundingClientRect(), covering.getBoundingClientRect());
  };

  useEffect(() => {
    if (!focusMap) return;
    focusMap.current = () => container.current?.focus();
    return () => {
      focusMap.current = null;
    };
  }, [focusMap]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      setSize({ width: element.clientWidth, height: element.clientHeight });
      const next = measureInset();
      setInset((current) => (sameInset(current, next) ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const covering = cover?.current;
    if (covering) observer.observe(covering);
    return () => observer.disconnect();
  }, []);

  // Drawn once measured: the first view is complete without WebGL.
  useEffect(() => {
    if (size) markFirstViewComplete();
  }, [size !== null]);

  // A place chosen from a list, search or the reader: shown in the part of the map left
  // visible. Measured before the paint, once the sheet has its new height.
  const lastFocusRequest = useRef(focusRequest);
  useLayoutEffect(() => {
    if (focusRequest === lastFocusRequest.current || !size) return;
    lastFocusRequest.current = focusRequest;
    const box = places.bbox(state.sel ? [state.sel] : passagePlaces);
    if (!box) return;
    const covered = measureInset();
    setInset(covered);
    moveTo(cameraShowing(box, size, covered));
  }, [focusRequest, size !== null]);

  // A hand-edited #map= or Back/Forward moves the camera.
  useEffect(() => {
    const next = fromUrl(state.view);
    if (next) setCamera(next);
  }, [state.view?.zoom, state.view?.lat, state.view?.lon]);

  const features = useStaticMapFeatures(overview, shown?.zoom ?? null);

  const moveTo = (next: Camera) => {
    setCamera(next);
    onMove({ zoom: round(next.zoom, 2), lat: round(next.center[1], 5), lon: round(next.center[0], 5) });
  };

  const zoomBy = (step: number) => {
    if (!shown || !fit) return;
    const base = Math.round(fit.zoom * 4) / 4;
    const zoom = Math.min(base + ZOOM_STEPS_IN, Math.max(base - ZOOM_STEPS_OUT, Math.round(shown.zoom + step)));
    moveTo({ center: shown.center, zoom });
  };

  /** Pans by a number of px, as a drag of the map the other way would. */
  const panBy = (dx: number, dy: number) => {
    if (!shown || !size) return;
    const centre = projectionOf(shown, size).invert?.([size.width / 2 + dx, size.height / 2 + dy]);
    if (centre) moveTo({ center: [centre[0], centre[1]] as LngLat, zoom: shown.zoom });
  };

  // The WebGL map's keys: arrows pan, + and − zoom.
  const onKeyDown = (event: KeyboardEvent) => {
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_PAN_PX, 0],
      ArrowRight: [KEY_PAN_PX, 0],
      ArrowUp: [0, -KEY_PAN_PX],
      ArrowDown: [0, KEY_PAN_PX],
    };
    const pan = pans[event.key];
    if (pan) panBy(...pan);
    else if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else return;
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent) => {
    if (!shown || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, start: shown, moved: false };
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent) => {
    const current = drag.current;
    if (!current || !size) return;
    const dx = event.clientX - current.x;
    const dy = event.clientY - current.y;
    if (!current.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    current.moved = true;
    const projection = projectionOf(current.start, size);
    const centre = projection.invert?.([size.width / 2 - dx, size.height / 2 - dy]);
    if (centre) setCamera({ center: [centre[0], centre[1]] as LngLat, zoom: current.start.zoom });
  };

  const onPointerUp = (event: PointerEvent) => {
    const current = drag.current;
    drag.current = null;
    if (!current) return;
    if (current.moved) {
      if (shown) moveTo(shown);
      return;
    }
    // Pointer capture retargets the events to the container: find the shape under the pointer.
    const under = document.elementFromPoint(event.clientX, event.clientY);
    const id = under?.closest('[data-id]')?.getAttribute('data-id') ?? null;
    if (id) onSelect(id);
  };

  return (
    <div class="static-map-pane">
      <div
        ref={container}
        class="static-map"
        data-testid="static-map"
        // Focusable as the WebGL map's canvas is: arrows pan, + and − zoom; places are chosen in the lists.
        role="application"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application takes its own keys (above), so it must take focus
        tabIndex={0}
        aria-label={t('map.label')}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
        }}
      >
        {size && shown && <AtlasStaticMap features={features} view={drawnCamera(shown, size, inset)} size={size} />}
      </div>
      {children}
      <div class="map-buttons">
        <button type="button" onClick={() => zoomBy(1)} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" onClick={() => zoomBy(-1)} aria-label={t('map.zoomOut')} title={t('map.zoomOut')}>
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" onClick={() => fit && moveTo(fit)} aria-label={t('map.reset')} title={t('map.reset')}>
          <span aria-hidden="true">⌂</span>
        </button>
      </div>
    </div>
  );
}
