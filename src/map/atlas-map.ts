/**
 * The MapLibre adapter: the only module that touches MapLibre, through its public API only.
 * The UI hands it state; it applies the difference (which layers are shown, label language,
 * feature-state flags, camera, popup) and reports what the reader does on the map through
 * callbacks. What the map shows is published read-only on its container (published-state.ts);
 * no MapLibre object leaves this module.
 */
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  Map as MapLibreMap,
  type MapMouseEvent,
  Popup,
  type PopupOptions,
  ScaleControl,
} from 'maplibre-gl';
import { FileLoadError, fileName } from '../data/file-load-error';
import type { MapFeatures } from '../data/map-features';
import type { PlaceIndex } from '../data/place-index';
import { type DistrictTheme, type LayerId, schematicPlace } from '../layers/registry';
import { type AtlasState, type MapView, orderLayers } from '../state/atlas-state';
import { normaliseView } from '../state/url-state';
import type { BBox, Lang, LngLat } from '../types/atlas-data';
import { afterNextPaint } from './after-paint';
import { basemapSetting } from './basemap-setting';
import { needsDetail } from './detail';
import { populationFillExpression } from './district-colours';
import { diffFlags, type FlagTarget } from './feature-state-diff';
import { highlightFlags, type SchematicLineRef } from './highlight';
import { MapLabelLayer, mapLabelsOf } from './map-labels';
import { MAPLIBRE_WORKER_URL } from './maplibre-setup';
import { COLOURS } from './palette';
import { type DetailLevel, type PublishedState, publishState } from './published-state';
import {
  BASEMAP_BEFORE_LAYER,
  baseCollection,
  buildStyle,
  clickableLayers,
  HIGHLIGHT_LAYERS,
  highlightLayerOpacity,
  isShownBy,
  layerSwitch,
  POPULATION_FILL,
  SOURCES,
  styleLayerVisibility,
} from './style';
import { type Inset, NO_INSET, sameInset } from './visible-area';
import { WORKER_CHECK_DELAY_MS, workerScriptFailure } from './worker-check';
import { zoomToShow } from './zoom-to-show';

const POPUP_OPTIONS = {
  closeButton: false,
  closeOnClick: false,
  // Focus moves only in answer to the reader (PopupContent's takeFocus): a popup opened by a
  // link, a host page or a preview must not pull the page, or the page around an embed, to it.
  focusAfterOpen: false,
  maxWidth: 'min(380px, calc(100vw - 24px))',
  className: 'atlas-popup',
} satisfies PopupOptions;

/** Clear of the map's own buttons (top left) and the attribution (bottom): never under a control. */
const POPUP_PADDING = { top: 8, left: 56, right: 8, bottom: 28 };
/** A map narrower than this (a small embed) needs all its width for the popup. */
const POPUP_PADDING_MIN_WIDTH = 480;

export interface AtlasMapCallbacks {
  /** The reader clicked or tapped a place (null: empty map). */
  onSelect(id: string | null): void;
  /** The camera settled; the view is rounded as the URL keeps it. */
  onMove(view: MapView): void;
  /** The reader closed the popup (Escape or its close button). */
  onPopupClose(): void;
  /** The mouse is over a district (its code, and the pointer in the map's pixels), or over none (null). */
  onHover?(code: string | null, point: { x: number; y: number } | null): void;
}

export interface AtlasMapOptions {
  container: HTMLElement;
  /** What the first view draws: the overview borders, or the detailed ones (see detail.ts). */
  features: MapFeatures;
  /** Whether `features` already has the detailed borders. */
  detailed: boolean;
  /** The features with the detailed borders, loaded when the map is first zoomed in. */
  loadDetail(): Promise<MapFeatures>;
  places: PlaceIndex;
  themeDistricts: Record<DistrictTheme, string[]>;
  state: AtlasState;
  /** Place ids the open passage concerns, highlighted on the map. */
  passagePlaces: readonly string[];
  labels: { map: (lang: Lang) => string; cooperativeGestures: (lang: Lang) => Record<string, string> };
  cooperativeGestures: boolean;
  reducedMotion: boolean;
  /** The part of the map covered by other things (a bottom sheet): the view is centred in the rest. */
  inset?: Inset;
  /** Whether a selection's details open in a popup (false: the page shows them elsewhere). */
  popup?: boolean;
  /** Whether the selection's details are shown (default true); false shows the selection only. */
  showDetails?: boolean;
  /**
   * The first camera (its centre that of the part the inset leaves visible), when the page has
   * already drawn the first view at it (static-map/first-view.ts): MapLibre starts there.
   */
  camera?: { center: LngLat; zoom: number };
  callbacks: AtlasMapCallbacks;
  /**
   * The map cannot be drawn: no WebGL context, or its worker script did not load (the error
   * then names the file). Called at most once; the map stays blank after it.
   */
  onFatal(error: Error): void;
}

export interface UpdateOptions {
  /** Move the camera to the selection or passage (chosen from a list, not clicked on the map). */
  focus?: boolean;
  /** The part of the map covered now (see AtlasMapOptions.inset); applied before the camera moves. */
  inset?: Inset;
  /** Whether a selection's details open in a popup. */
  popup?: boolean;
  /** Whether the selection's details are shown (default: as they were). */
  details?: boolean;
}

/** Chongqing's 38 units with a little margin: the default view. */
const CHONGQING_BOUNDS: LngLatBoundsLike = [
  [105.28, 28.16],
  [110.2, 32.2],
];

const VIEW_EPSILON = { zoom: 0.01, degrees: 2e-5 };

export class AtlasMap {
  private readonly map: MapLibreMap;
  /** Preact renders the popup's content into this element (a portal). */
  readonly popupContent: HTMLElement;
  private readonly popup: Popup;
  private flags: FlagTarget[] = [];
  private state: AtlasState;
  private passagePlaces: readonly string[] = [];
  private hovered: string | null = null;
  /** Where the last map click happened, so the popup it opens stands there. */
  private pendingPopupAt: LngLat | null = null;
  private popupFor: string | null = null;
  private closingProgrammatically = false;
  private showDetails: boolean;
  /** Feature state can be set once the sources exist, even while tiles reload during a move. */
  private styleReady = false;
  private readonly loaded: Promise<void>;
  private readonly drawn: Promise<void>;
  private detail: DetailLevel;
  private destroyed = false;
  private highlightsScheduled = false;
  /** Whether the last pointer was a finger (see bindEvents). */
  private pointerIsTouch = false;
  /** Place names and schematic nodes, drawn as HTML over the canvas (see map-labels.ts). */
  private readonly labels: MapLabelLayer;
  /** The schematic lines, each with the place it stands for (its selection emphasises it). */
  private readonly schematicLines: SchematicLineRef[];
  private viewport = { width: 0, height: 0 };
  private popupEnabled: boolean;
  /** The map's padding: the part covered by the sheet (see visible-area.ts). */
  private inset: Inset;
  private fatal = false;
  private workerCheck: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: AtlasMapOptions) {
    const { state } = options;
    this.state = state;
    this.popupEnabled = options.popup ?? true;
    this.inset = options.inset ?? NO_INSET;
    this.showDetails = options.showDetails ?? true;
    // The land colour shows through the canvas, which MapLibre clears to transparent and
    // composites with premultiplied alpha: the same pixels as a background layer, without its
    // pass over the whole canvas in every frame.
    options.container.style.backgroundColor = COLOURS.background;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle({
        features: options.features,
        visibleLayers: state.layers,
        populationMeasure: state.population,
        themeDistricts: options.themeDistricts,
      }),
      minZoom: 4,
      maxZoom: 16,
      maxBounds: [
        [98, 22],
        [118, 38],
      ],
      attributionControl: false,
      // Labels appear at once instead of fading in over 300 ms of extra frames.
      fadeDuration: 0,
      dragRotate: false,
      // A flat map: nothing tilts it.
      maxPitch: 0,
      pitchWithRotate: false,
      touchPitch: false,
      cooperativeGestures: options.cooperativeGestures,
      locale: options.labels.cooperativeGestures(state.lang),
    });
    // The first view is placed once the padding is known (before the first frame is drawn).
    this.map.setPadding(this.inset);
    if (options.camera) this.map.jumpTo(options.camera);
    else if (state.view) this.map.jumpTo(this.viewShowingSelection(state.view, state.sel));
    else this.map.fitBounds(this.initialBounds(state), { padding: 24, animate: false });
    this.map.touchZoomRotate.disableRotation();
    // A scale bar in HTML (not drawn on the canvas), metric as the articles' figures are.
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'top-left');
    this.map.keyboard.disableRotation();
    this.setCanvasLabel(state.lang);
    this.schematicLines = options.features.schematicLines.features.map((feature) => ({
      id: String(feature.properties?.id),
      place: schematicPlace(feature.properties?.layer),
    }));
    this.labels = new MapLabelLayer(
      this.map.getCanvasContainer(),
      mapLabelsOf(options.features),
      state.lang,
      state.layers,
    );
    this.measureViewport();
    this.publish({ idle: false, selection: null, passagePlaces: [], hover: null, layers: orderLayers(state.layers) });

    this.popupContent = document.createElement('div');
    this.popupContent.className = 'atlas-popup-content';
    this.popup = new Popup(POPUP_OPTIONS);
    this.popup.on('close', () => {
      this.popupFor = null;
      // Taking the map down (a failure, the app leaving) is not the reader closing the popup.
      if (!this.closingProgrammatically && !this.destroyed) options.callbacks.onPopupClose();
    });

    this.fitPopupToMap();
    this.map.on('resize', () => {
      this.fitPopupToMap();
      this.measureViewport();
    });
    // Labels follow every frame the map draws, from the first complete one: none float over an
    // empty map while it loads.
    this.map.on('render', () => this.updateLabels());
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    // 'idle': every source loaded and drawn, nothing moving — the first complete frame.
    this.drawn = new Promise((resolve) => this.map.once('idle', () => resolve()));
    // Nothing left to draw: the idle event follows every frame that leaves nothing pending.
    this.map.on('idle', () => this.publish({ idle: true }));
    this.map.on('movestart', () => this.publish({ idle: false }));
    this.map.on('dataloading', () => this.publish({ idle: false }));
    void this.loaded.then(() => {
      this.styleReady = true;
      this.publishCamera();
      this.updateLabels();
      // The first view is fitted without a move event: report it so the URL says what is shown.
      options.callbacks.onMove(this.currentView());
      this.applyHighlights();
      this.syncPopup(null);
    });
    this.passagePlaces = options.passagePlaces;
    this.detail = options.detailed ? 'detail' : 'overview';
    this.publish({ detail: this.detail });
    this.watchForFatalErrors();
    this.bindEvents();
    this.loadDetailIfNeeded();
    this.loadBasemap();
  }

  /**
   * Adds the basemap the page names, if any, once the atlas's own style has loaded: the first
   * view never waits for it, and a basemap that fails to load leaves the atlas as it is.
   */
  private loadBasemap(): void {
    const setting = basemapSetting();
    if (!setting) {
      this.publish({ basemap: 'none' });
      return;
    }
    this.publish({ basemap: 'loading' });
    void import('./basemap')
      .then(async ({ addBasemap, loadBasemapSources }) => {
        const [sources] = await Promise.all([loadBasemapSources(setting.url), this.loaded]);
        if (this.destroyed) return;
        addBasemap(this.map, sources, BASEMAP_BEFORE_LAYER);
        // Its tiles are yet to load: the next idle event says when they are drawn.
        this.publish({ basemap: 'added', idle: false });
      })
      .catch((error: unknown) => {
        console.warn('basemap not loaded:', error);
        if (!this.destroyed) this.publish({ basemap: 'failed' });
      });
  }

  /** Reports what leaves the map blank; tile and source hiccups are not fatal. */
  private watchForFatalErrors(): void {
    const report = (error: Error) => {
      if (this.fatal || this.destroyed) return;
      this.fatal = true;
      this.options.onFatal(error);
    };
    // Names the worker script and why it failed; `reason` stands in when the script itself loads.
    const checkWorker = (reason?: string) =>
      void workerScriptFailure(MAPLIBRE_WORKER_URL).then((failure) => {
        if (failure && !this.styleReady) report(failure);
        else if (reason) report(new FileLoadError(fileName(MAPLIBRE_WORKER_URL), reason));
      });
    this.map.on('error', (event) => {
      const message = String(event.error?.message);
      if (/worker/i.test(message)) checkWorker(message);
      else if (/webgl/i.test(message)) report(new Error(message));
    });
    // A lost context leaves the canvas blank until the browser gives it back, if it ever does:
    // the app shows the static map instead.
    this.map.on('webglcontextlost', () => report(new Error('the WebGL context was lost')));
    this.workerCheck = setTimeout(() => checkWorker(), WORKER_CHECK_DELAY_MS);
    void this.loaded.then(() => clearTimeout(this.workerCheck));
  }

  /**
   * Swaps the overview borders for the detailed ones the first time the map is zoomed in far
   * enough. The base source is re-tiled once, in the worker; feature state (selection, hover)
   * is kept by id. A failed load leaves the overview and is tried again at the next zoom.
   */
  private loadDetailIfNeeded(): void {
    if (this.detail !== 'overview' || !needsDetail(this.map.getZoom())) return;
    this.setDetail('loading');
    Promise.all([this.options.loadDetail(), this.loaded])
      .then(([features]) => {
        if (this.destroyed) return;
        (this.map.getSource(SOURCES.base) as GeoJSONSource).setData(baseCollection(features));
        this.setDetail('detail');
      })
      .catch(() => {
        this.setDetail('overview');
      });
  }

  private setDetail(detail: DetailLevel): void {
    this.detail = detail;
    this.publish({ detail });
  }

  private initialBounds(state: AtlasState): LngLatBoundsLike {
    const box = state.sel ? this.options.places.bbox([state.sel]) : null;
    return box ? toBounds(box) : CHONGQING_BOUNDS;
  }

  private bindEvents(): void {
    const { map, options } = this;
    map.on('moveend', () => {
      this.publishCamera();
      options.callbacks.onMove(this.currentView());
    });
    map.on('zoom', () => this.loadDetailIfNeeded());
    // A tap also sends a mousemove (for pages written for mice). Pointer events come first and
    // say what the input was: a touch gets no hover outline, which would stay on after the tap
    // and add a map redraw to the frame that shows the tap's popup.
    options.container.addEventListener('pointerdown', (event) => this.notePointer(event), { capture: true });
    options.container.addEventListener('pointermove', (event) => this.notePointer(event), { capture: true });
    map.on('mousemove', 'districts-hit', (event) => {
      if (this.pointerIsTouch) return;
      const code = event.features?.[0]?.id;
      this.setHover(code === undefined ? null : String(code));
      if (this.hovered) options.callbacks.onHover?.(this.hovered, { x: event.point.x, y: event.point.y });
    });
    map.on('mouseleave', 'districts-hit', () => this.setHover(null));
    map.on('click', (event) => this.handleClick(event));
    options.container.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.popup.isOpen()) {
        event.stopPropagation();
        this.popup.remove();
      }
    });
  }

  private handleClick(event: MapMouseEvent): void {
    const { map } = this;
    const slop = 8;
    const box: [[number, number], [number, number]] = [
      [event.point.x - slop, event.point.y - slop],
      [event.point.x + slop, event.point.y + slop],
    ];
    const node = this.labels.nodeAt(event.point);
    const visibleClickable = clickableLayers().filter((id) => this.isShown(id));
    const schematic = node ? undefined : map.queryRenderedFeatures(box, { layers: visibleClickable })[0];
    const picked = node ? schematicPlace(node.layer) : schematic ? this.placeOfFeature(schematic) : null;
    const district = map.queryRenderedFeatures(event.point, { layers: ['districts-hit'] })[0];
    const id = picked ?? (district?.id !== undefined ? String(district.id) : null);
    const at: LngLat = [event.lngLat.lng, event.lngLat.lat];
    this.pendingPopupAt = id ? at : null;
    this.options.callbacks.onSelect(id);
  }

  /** Schematic features and flows select the place they stand for. */
  private placeOfFeature(feature: MapGeoJSONFeature): string | null {
    const properties = feature.properties as Record<string, unknown>;
    if (typeof properties.from === 'string') return properties.from;
    return schematicPlace(properties.layer) ?? (typeof properties.place === 'string' ? properties.place : null);
  }

  private notePointer(event: PointerEvent): void {
    this.pointerIsTouch = event.pointerType === 'touch';
    if (this.pointerIsTouch) this.setHover(null);
  }

  private setHover(code: string | null): void {
    if (code === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.base, id: this.hovered }, { hover: false });
    this.hovered = code;
    if (code) this.map.setFeatureState({ source: SOURCES.base, id: code }, { hover: true });
    this.publish({ idle: false, hover: code });
    if (this.styleReady) this.applyHighlightLayers();
    this.map.getCanvas().style.cursor = code ? 'pointer' : '';
    if (!code) this.options.callbacks.onHover?.(null, null);
  }

  private currentView(): MapView {
    const center = this.map.getCenter();
    return normaliseView({ zoom: this.map.getZoom(), lat: center.lat, lon: center.lng });
  }

  /**
   * The camera for a view from a link: its centre, at its zoom or, when the selection would not
   * fit the visible part of the map at that zoom, lower just enough to show it. Never panned.
   */
  private viewShowingSelection(view: MapView, sel: string | null) {
    const box = sel ? this.options.places.bbox([sel]) : null;
    const padding = this.inset;
    const size = {
      width: this.map.getContainer().clientWidth - padding.left - padding.right,
      height: this.map.getContainer().clientHeight - padding.top - padding.bottom,
    };
    const zoom = box ? Math.max(this.map.getMinZoom(), zoomToShow(view, box, size)) : view.zoom;
    return { center: [view.lon, view.lat] as [number, number], zoom };
  }

  /**
   * Sets the part of the map covered by other things. What is on the screen stays where it is;
   * the view's centre becomes the centre of the part left visible. Says whether it changed.
   */
  setInset(inset: Inset): boolean {
    if (sameInset(this.inset, inset)) return false;
    this.inset = inset;
    const { width, height } = this.viewport;
    const centre = this.map.unproject([
      inset.left + (width - inset.left - inset.right) / 2,
      inset.top + (height - inset.top - inset.bottom) / 2,
    ]);
    this.map.jumpTo({ center: centre, padding: inset });
    return true;
  }

  /** Applies a new state: only what changed is touched. */
  update(next: AtlasState, passagePlaces: readonly string[], options: UpdateOptions = {}): void {
    const previous = this.state;
    this.state = next;
    // A new inset re-centres the view on what stays on screen: the state's view is the one before.
    const insetChanged = options.inset ? this.setInset(options.inset) : false;
    if (options.popup !== undefined) this.popupEnabled = options.popup;
    if (next.lang !== previous.lang) this.applyLang(next.lang);
    if (orderLayers(next.layers).join() !== orderLayers(previous.layers).join()) this.applyLayers(next.layers);
    if (next.population !== previous.population) {
      this.map.setPaintProperty(POPULATION_FILL, 'fill-color', populationFillExpression(next.population));
    }
    const passageChanged = passagePlaces.join() !== this.passagePlaces.join();
    this.passagePlaces = passagePlaces;
    if (next.sel !== previous.sel || passageChanged) this.applyHighlightsAfterPaint();
    if (next.view && !insetChanged && !this.isAt(next.view)) {
      this.map.jumpTo(this.viewShowingSelection(next.view, next.sel));
    } else if (options.focus) {
      const focusIds = next.sel ? [next.sel] : [...passagePlaces];
      const box = this.options.places.bbox(focusIds);
      if (box) this.focusOn(box);
    }
    if (options.details !== undefined) this.showDetails = options.details;
    if (this.detailsFor() !== this.popupFor) {
      this.syncPopup(this.pendingPopupAt);
    }
    this.pendingPopupAt = null;
  }

  private isAt(view: MapView): boolean {
    const current = this.currentView();
    return (
      Math.abs(current.zoom - view.zoom) <= VIEW_EPSILON.zoom &&
      Math.abs(current.lat - view.lat) <= VIEW_EPSILON.degrees &&
      Math.abs(current.lon - view.lon) <= VIEW_EPSILON.degrees
    );
  }

  private focusOn(box: BBox): void {
    const small = box[2] - box[0] < 0.3;
    this.map.fitBounds(toBounds(box), {
      padding: { top: 40, bottom: 40, left: 40, right: 40 },
      maxZoom: small ? 12 : 10,
      animate: !this.options.reducedMotion,
      duration: 800,
    });
  }

  private applyLang(lang: Lang): void {
    this.labels.setLang(lang);
    this.updateLabels();
    this.setCanvasLabel(lang);
  }

  private measureViewport(): void {
    const container = this.map.getContainer();
    this.viewport = { width: container.clientWidth, height: container.clientHeight };
  }

  private updateLabels(): void {
    if (!this.styleReady || this.destroyed) return;
    this.labels.update({
      project: (lngLat) => this.map.project(lngLat),
      width: this.viewport.width,
      height: this.viewport.height,
      zoom: this.map.getZoom(),
    });
  }

  private setCanvasLabel(lang: Lang): void {
    const canvas = this.map.getCanvas();
    canvas.setAttribute('aria-label', this.options.labels.map(lang));
    canvas.setAttribute('role', 'region');
  }

  private applyLayers(layers: readonly LayerId[]): void {
    for (const [id, visibility] of styleLayerVisibility(new Set(layers))) this.setShown(id, visibility === 'visible');
    this.labels.setLayers(layers);
    this.updateLabels();
    this.publish({ layers: orderLayers(layers) });
  }

  /** Shows or hides a style layer by its switch (see layerSwitch): layer opacity or visibility. */
  private setShown(id: string, shown: boolean): void {
    const layer = this.map.getLayer(id);
    if (!layer || this.isShown(id) === shown) return;
    const property = layerSwitch(layer.type);
    if (property === 'visibility') this.map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
    else this.map.setPaintProperty(id, property, shown ? 1 : 0);
    this.publish({ idle: false });
  }

  /** Whether a style layer is drawn, whichever way it is switched (see layerSwitch). */
  private isShown(id: string): boolean {
    const layer = this.map.getLayer(id);
    if (!layer) return false;
    const property = layerSwitch(layer.type);
    const switchValue = property === 'visibility' ? undefined : this.map.getPaintProperty(id, property);
    return isShownBy(layer.type, this.map.getLayoutProperty(id, 'visibility'), switchValue);
  }

  private applyHighlights(): void {
    if (!this.styleReady) return;
    const next = highlightFlags(this.options.places, this.state.sel, this.passagePlaces, this.schematicLines);
    const { off, on } = diffFlags(this.flags, next);
    const sourceOf = (target: FlagTarget) => (target.kind === 'schematic' ? SOURCES.thematic : SOURCES.base);
    for (const target of off)
      this.map.setFeatureState({ source: sourceOf(target), id: target.id }, { [target.key]: false });
    for (const target of on)
      this.map.setFeatureState({ source: sourceOf(target), id: target.id }, { [target.key]: true });
    this.flags = next;
    if (off.length + on.length > 0) this.publish({ idle: false });
    this.publish({ selection: this.state.sel, passagePlaces: this.passagePlaces });
    // Only alongside a feature-state change, which redraws anyway: switching a layer off costs no frame of its own.
    if (off.length + on.length > 0) this.applyHighlightLayers();
  }

  /**
   * A new selection or passage shows its popup or text first and its outline in the map's
   * next frame: on a slow GPU that frame takes 50–150 ms, and drawn in the same frame it held
   * back the popup's paint by as much. Later calls before it runs collapse
   * into one, which applies the state current then.
   */
  private applyHighlightsAfterPaint(): void {
    if (this.highlightsScheduled) return;
    this.highlightsScheduled = true;
    afterNextPaint(() => {
      this.highlightsScheduled = false;
      if (!this.destroyed) this.applyHighlights();
    });
  }

  /** Switches the highlight layers on only while they have something to draw (see style.ts). */
  private applyHighlightLayers(): void {
    const opacity = highlightLayerOpacity(this.flags, this.hovered !== null);
    for (const id of HIGHLIGHT_LAYERS) this.setShown(id, opacity[id] === 1);
  }

  /** The place whose popup should be open, if any: details shown, and not shown elsewhere on the page. */
  private detailsFor(): string | null {
    return this.showDetails && this.popupEnabled ? this.state.sel : null;
  }

  private syncPopup(at: LngLat | null): void {
    const sel = this.detailsFor();
    if (!sel) {
      if (this.popup.isOpen()) {
        this.closingProgrammatically = true;
        this.popup.remove();
        this.closingProgrammatically = false;
      }
      this.popupFor = null;
      return;
    }
    const anchor = at ?? this.options.places.label(sel);
    if (!anchor) return;
    this.popupFor = sel;
    this.popup.setLngLat(anchor).setDOMContent(this.popupContent);
    if (!this.popup.isOpen()) this.popup.addTo(this.map);
  }

  /**
   * Opens a second, hidden popup like the reader's, lets `mount` fill it, and removes it, all in
   * one task: MapLibre's placement of it forces the browser to lay it out, which is what a
   * first popup costs (see src/ui/warm-popup.tsx).
   */
  layOutHiddenPopup(mount: (content: HTMLElement) => () => void): void {
    if (this.destroyed) return;
    const popup = new Popup({
      ...POPUP_OPTIONS,
      className: `${POPUP_OPTIONS.className} popup-warmup`,
    });
    const content = document.createElement('div');
    content.className = this.popupContent.className;
    const unmount = mount(content);
    try {
      popup.setLngLat(this.map.getCenter()).setDOMContent(content).addTo(this.map);
    } finally {
      popup.remove();
      unmount();
    }
  }

  /** Re-anchors the popup after its content changed size. */
  refreshPopup(): void {
    if (this.popup.isOpen()) this.popup.setLngLat(this.popup.getLngLat());
  }

  zoomBy(delta: number): void {
    this.map.easeTo({ zoom: this.map.getZoom() + delta, animate: !this.options.reducedMotion });
  }

  resetView(): void {
    this.map.fitBounds(CHONGQING_BOUNDS, { padding: 24, animate: !this.options.reducedMotion });
  }

  /** Caps the popup at a little under half the map's height, so it fits above or below its anchor. */
  private fitPopupToMap(): void {
    const height = this.options.container.clientHeight;
    const wide = this.options.container.clientWidth >= POPUP_PADDING_MIN_WIDTH;
    this.popup.setPadding(wide ? POPUP_PADDING : { top: 8, left: 8, right: 8, bottom: 8 });
    // Short maps (a 300 px embed) get a short, scrolling popup rather than one that overflows.
    this.options.container.style.setProperty('--popup-max-height', `${Math.max(96, Math.floor(height * 0.5 - 36))}px`);
  }

  /** Settles when the map's first complete frame is drawn: what was shown before it can go. */
  whenDrawn(): Promise<void> {
    return this.drawn;
  }

  /** Resolves once the style and data are loaded and the first frame is drawn. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** Moves keyboard focus to the map, which pans and zooms with the arrow and +/- keys. */
  focusCanvas(): void {
    this.map.getCanvas().focus();
  }

  private publish(state: Partial<PublishedState>): void {
    if (!this.destroyed) publishState(this.options.container, state);
  }

  private publishCamera(): void {
    const center = this.map.getCenter();
    this.publish({ zoom: this.map.getZoom(), center: [center.lng, center.lat] });
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.workerCheck);
    this.popup.remove();
    this.labels.remove();
    this.map.remove();
  }
}

function toBounds(box: BBox): LngLatBoundsLike {
  return [
    [box[0], box[1]],
    [box[2], box[3]],
  ];
}
