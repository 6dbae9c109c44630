/**
 * Hosts the MapLibre adapter: creates it once, hands it every new state, and renders the
 * popup content into the adapter's popup through a portal. Also the map's own buttons
 * (zoom, reset) and the attribution, so every map action has a button.
 */

import type { RefObject } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { loadDetailTopology } from '../data/load-data';
import { buildMapFeatures } from '../data/map-features';
import { translate } from '../i18n/messages';
import type { AtlasMap } from '../map/atlas-map';
import { firstViewNeedsDetail } from '../map/detail';
import { coveredInset, type Inset, NO_INSET } from '../map/visible-area';
import { loadMapModule } from '../map/webgl';
import type { MapView } from '../state/atlas-state';
import type { Camera, Size } from '../static-map/camera';
import { drawsAsFirstPaint } from '../static-map/first-paint-state';
import { firstCamera } from '../static-map/first-view';
import { Attribution } from './Attribution';
import { useAtlas } from './atlas-context';
import { FirstView } from './FirstView';
import { takeFirstPaintMap } from './first-paint';
import { markFirstViewComplete } from './first-view-complete';
import { prepareNumberFormats } from './format';
import { createHoverFeed, MapHoverName } from './MapHoverName';
import { type MapFailure, mapFailureOf } from './map-failure';
import { PopupContent } from './PopupContent';
import { warmPopupLayout } from './warm-popup';
import { whenIdle } from './when-idle';

export interface MapPaneProps {
  /** The borders for small scales; the detailed ones are fetched when the map needs them. */
  overview: Topology;
  passagePlaces: string[];
  /** Set when the last change came from a list: the camera should move to it. */
  focusRequest: number;
  cooperativeGestures: boolean;
  /** Whether the panel becomes a bottom sheet over the map on narrow screens (the full map; an embed has none). */
  sheet: boolean;
  onSelect(id: string | null): void;
  onMove(view: MapView): void;
  onPopupClose(): void;
  onFailure(failure: MapFailure): void;
  /** Whether focus should move into the popup when it opens (only when the reader opened it). */
  popupTakesFocus: boolean;
  /** Whether the selection's details (the popup) are shown, or only the selection on the map. */
  showDetails: boolean;
  /** Set to a function that moves keyboard focus to the map, once there is one. */
  focusMap: RefObject<(() => void) | null>;
  /** What may cover part of the map (the bottom sheet on phones): the view is centred in the rest. */
  cover?: RefObject<HTMLElement | null>;
  /** The page shows a selection's details elsewhere (the sheet on phones): no popup. */
  detailsElsewhere?: boolean;
  /** The popup's "read all" button: show the place's full details beside the map. */
  onReadAll?(): void;
}

/** The part of the map the cover hides, measured now. */
function insetOf(container: HTMLElement, cover: HTMLElement | null | undefined) {
  return coveredInset(container.getBoundingClientRect(), cover?.getBoundingClientRect() ?? null);
}

/** Where the map starts: the SVG drawn before MapLibre and MapLibre itself, at one camera. */
interface FirstViewPlan {
  size: Size;
  inset: Inset;
  camera: Camera;
  /** The HTML's own SVG, kept when the link's state is what it draws. */
  htmlMap: SVGSVGElement | null;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function MapPane(props: MapPaneProps) {
  const atlas = useAtlas();
  const { t, lang, places, content, state } = atlas;
  // The idle warm-up runs long after the effect that schedules it: it takes the latest value.
  const latestAtlas = useRef(atlas);
  latestAtlas.current = atlas;
  const container = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<AtlasMap | null>(null);
  const [adapter, setAdapter] = useState<AtlasMap | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const hoverFeed = useMemo(createHoverFeed, []);
  /** Whether the last attempt to load the detailed borders failed (the overview is drawn meanwhile). */
  const [detailFailed, setDetailFailed] = useState(false);
  const overviewFeatures = useMemo(
    () => buildMapFeatures(props.overview, places.data, content.data),
    [props.overview, places, content],
  );
  const firstView = useRef<FirstViewPlan | null>(null);
  const [shownFirstView, setShownFirstView] = useState<FirstViewPlan | null>(null);
  /** Whether MapLibre has drawn its first complete frame (until then the SVG stands in for it). */
  const [drawn, setDrawn] = useState(false);

  // Measured before the first paint, and before the map is created (an effect, later): the SVG
  // and MapLibre start from this one camera.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || element.clientWidth === 0 || element.clientHeight === 0) return;
    const size = { width: element.clientWidth, height: element.clientHeight };
    const inset = props.sheet ? insetOf(element, props.cover?.current) : NO_INSET;
    // Taken now, before the app removes the HTML's frame around it.
    const htmlMap = drawsAsFirstPaint(state) ? takeFirstPaintMap() : null;
    const view = { size, inset, camera: firstCamera(state, places, size, inset), htmlMap };
    firstView.current = view;
    setShownFirstView(view);
  }, []);

  useEffect(() => {
    let cancelled = false;
    let created: AtlasMap | null = null;
    const loadDetail = () =>
      loadDetailTopology()
        .then((topology) => buildMapFeatures(topology, places.data, content.data))
        .then(
          (features) => {
            if (!cancelled) setDetailFailed(false);
            return features;
          },
          (error: unknown) => {
            if (!cancelled) setDetailFailed(true);
            throw error;
          },
        );
    // A first view that wants the detail starts on the overview if the detail fails: the map
    // tries again at the next zoom.
    const firstDetail = firstViewNeedsDetail(state) ? loadDetail().catch(() => null) : null;
    void Promise.all([loadMapModule(), firstDetail])
      .then(([{ AtlasMap }, detail]) => {
        if (cancelled || !container.current) return;
        const first = firstView.current;
        created = new AtlasMap({
          container: container.current,
          features: detail ?? overviewFeatures,
          detailed: detail !== null,
          loadDetail,
          places,
          themeDistricts: content.themeDistricts(),
          state,
          passagePlaces: props.passagePlaces,
          cooperativeGestures: props.cooperativeGestures,
          reducedMotion: reducedMotion(),
          inset: props.sheet ? (first?.inset ?? insetOf(container.current, props.cover?.current)) : undefined,
          camera: first?.camera,
          popup: !props.detailsElsewhere,
          showDetails: props.showDetails,
          labels: {
            map: (mapLang) => translate(mapLang, 'map.label'),
            cooperativeGestures: (mapLang) => ({
              'CooperativeGesturesHandler.WindowsHelpText': translate(mapLang, 'map.cooperative.windows'),
              'CooperativeGesturesHandler.MacHelpText': translate(mapLang, 'map.cooperative.mac'),
              'CooperativeGesturesHandler.MobileHelpText': translate(mapLang, 'map.cooperative.mobile'),
            }),
          },
          callbacks: {
            onSelect: (id) => callbacks.current.onSelect(id),
            onMove: (view) => callbacks.current.onMove(view),
            onPopupClose: () => callbacks.current.onPopupClose(),
            onHover: hoverFeed.report,
          },
          onFatal: (error) => callbacks.current.onFailure(mapFailureOf(error)),
        });
        adapterRef.current = created;
        const shown = created;
        props.focusMap.current = () => shown.focusCanvas();
        setAdapter(created);
        void created.whenDrawn().then(() => {
          markFirstViewComplete();
          if (cancelled) return;
          setDrawn(true);
          // Number formatting's first use costs 30–40 ms, and the first popup's layout about as
          // much again: both done in idle time (two tasks), not on the reader's first click, and
          // after the first complete frame, not in the start's CPU.
          whenIdle(() => prepareNumberFormats(state.lang));
          whenIdle(() => {
            if (!cancelled && created) warmPopupLayout(created, latestAtlas.current);
          });
        });
      })
      .catch((error: unknown) => callbacks.current.onFailure(mapFailureOf(error)));
    return () => {
      cancelled = true;
      created?.destroy();
      adapterRef.current = null;
      props.focusMap.current = null;
    };
  }, [props.overview]);

  const lastFocusRequest = useRef(props.focusRequest);
  // Before the browser paints: a toggled layer or a new selection reaches the map in the
  // same frame as the rest of the UI, not one frame (and one map redraw) later.
  useLayoutEffect(() => {
    if (!adapter) return;
    const focus = props.focusRequest !== lastFocusRequest.current;
    lastFocusRequest.current = props.focusRequest;
    // The sheet's new height is laid out by now: measured here, the camera frames the place above it.
    const inset = props.sheet && container.current ? insetOf(container.current, props.cover?.current) : undefined;
    adapter.update(state, props.passagePlaces, {
      focus,
      inset,
      popup: !props.detailsElsewhere,
      details: props.showDetails,
    });
  }, [adapter, state, props.passagePlaces.join(), props.focusRequest, props.detailsElsewhere, props.showDetails]);

  // The reader drags the sheet or turns the phone: the map's visible part follows.
  useEffect(() => {
    const cover = props.cover?.current;
    const element = container.current;
    if (!props.sheet || !adapter || !element || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => adapter.setInset(insetOf(element, cover)));
    });
    observer.observe(element);
    if (cover) observer.observe(cover);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [adapter]);

  return (
    <div class="map-pane" data-first-view={drawn ? undefined : 'shown'}>
      <div
        ref={container}
        id="map"
        class="map-container"
        data-testid="map"
        data-ready={adapter ? 'true' : 'false'}
        lang={lang === 'zh' ? 'zh-Hans' : 'en'}
      />
      {shownFirstView && !drawn && (
        <FirstView
          features={overviewFeatures}
          size={shownFirstView.size}
          inset={shownFirstView.inset}
          camera={shownFirstView.camera}
          htmlMap={shownFirstView.htmlMap}
          onSelect={(id) => callbacks.current.onSelect(id)}
        />
      )}
      {/* A place chosen before MapLibre has drawn: its details where the popup will show them. */}
      {!drawn && state.sel && props.showDetails && !props.detailsElsewhere && (
        <div class="first-view-details" data-testid="first-view-details">
          <PopupContent
            key={state.sel}
            id={state.sel}
            variant="popup"
            onReadAll={props.onReadAll}
            takeFocus={props.popupTakesFocus}
            onClose={() => callbacks.current.onPopupClose()}
          />
        </div>
      )}
      <div class="map-buttons">
        <button type="button" onClick={() => adapter?.zoomBy(1)} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          onClick={() => adapter?.zoomBy(-1)}
          aria-label={t('map.zoomOut')}
          title={t('map.zoomOut')}
        >
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" onClick={() => adapter?.resetView()} aria-label={t('map.reset')} title={t('map.reset')}>
          <span aria-hidden="true">⌂</span>
        </button>
      </div>
      <MapHoverName feed={hoverFeed} />
      <Attribution />
      {detailFailed && (
        <p class="map-notice" role="status" data-testid="detail-notice">
          {t('errors.detailFailed')}
        </p>
      )}
      {adapter &&
        drawn &&
        state.sel &&
        props.showDetails &&
        !props.detailsElsewhere &&
        createPortal(
          <PopupContent
            key={state.sel}
            id={state.sel}
            variant="popup"
            onReadAll={props.onReadAll}
            takeFocus={props.popupTakesFocus}
            onClose={() => callbacks.current.onPopupClose()}
            onRendered={() => adapter.refreshPopup()}
          />,
          adapter.popupContent,
        )}
    </div>
  );
}
