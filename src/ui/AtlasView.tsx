/**
 * The atlas once its data is loaded: owns the state (one reducer), keeps it and the URL in
 * step (pushState for selections, replaceState for the rest, Back/Forward restore), and
 * lays out the map, the panel and the dialogs.
 */

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { ContentIndex } from '../content/queries';
import type { AtlasData } from '../data/load-data';
import { PlaceIndex } from '../data/place-index';
import { HTML_LANG, translator } from '../i18n/messages';
import type { PopulationMeasureId } from '../layers/population-measures';
import type { LayerId } from '../layers/registry';
import { supportsWebGl2 } from '../map/webgl';
import { type AtlasAction, type AtlasState, type MapView, reduceAtlasState } from '../state/atlas-state';
import { parseEmbedOptions, parseUrlState, stateToUrl, type Vocabulary } from '../state/url-state';
import type { Lang } from '../types/atlas-data';
import { AboutDialog } from './AboutDialog';
import { AtlasContext, type AtlasContextValue } from './atlas-context';
import { EmbedChrome } from './EmbedChrome';
import { MapLegend } from './Legend';
import { MapPane } from './MapPane';
import type { MapFailure } from './map-failure';
import { Panel, type PanelTab } from './Panel';
import { PlaceListFallback } from './PlaceListFallback';
import { PrintView } from './PrintView';
import { SaveImage } from './SaveImage';
import { ShareButton } from './ShareButton';
import { useEmbedProtocol } from './use-embed-protocol';
import { useNarrowScreen } from './use-narrow-screen';

export type AtlasMode = 'full' | 'embed';

function canonicalSelection(state: AtlasState, places: PlaceIndex): AtlasState {
  const sel = state.sel && places.canonicalId(state.sel);
  return sel === state.sel ? state : { ...state, sel };
}

function currentUrl(): string {
  return `${location.search}${location.hash}`;
}

export function AtlasView({ data, mode }: { data: AtlasData; mode: AtlasMode }) {
  const places = useMemo(() => new PlaceIndex(data.places), [data.places]);
  const content = useMemo(() => new ContentIndex(data.content, places), [data.content, places]);
  const vocabulary = useMemo<Vocabulary>(
    () => ({ isPlace: (id) => places.has(id), passage: (id) => content.currentPassageId(id) }),
    [places, content],
  );
  // A place has one id in the state, whichever of its ids a link or a click gave (see PlaceIndex.canonicalId).
  const readUrl = useCallback(
    () => canonicalSelection(parseUrlState(location.search, location.hash, vocabulary), places),
    [vocabulary, places],
  );
  const [state, dispatchAny] = useReducer(reduceAtlasState, undefined, readUrl);
  const dispatch = useCallback(
    (action: AtlasAction) =>
      dispatchAny(
        action.type === 'select' && action.sel
          ? { ...action, sel: places.canonicalId(action.sel) }
          : action.type === 'replace'
            ? { ...action, state: canonicalSelection(action.state, places) }
            : action,
      ),
    [places],
  );
  const [focusRequest, setFocusRequest] = useState(0);
  const [popupTakesFocus, setPopupTakesFocus] = useState(false);
  // An embed may show its selection without its details (`popup=0`, or the host's `set`) until the reader asks.
  const [showDetails, setShowDetails] = useState(
    () => mode !== 'embed' || parseEmbedOptions(location.search).showPopup,
  );
  const [panelTab, setPanelTab] = useState<PanelTab>(state.passage ? 'articles' : 'places');
  const [mapFailure, setMapFailure] = useState<MapFailure | null>(null);
  // On phones a place's details are its card in the bottom sheet, not a popup over the map.
  const detailsInSheet = useNarrowScreen() && mode === 'full';
  // Both are said of one selection: a newly chosen place opens the sheet on its details again.
  const [sheetCollapse, setSheetCollapse] = useState({ collapsed: false, sel: null as string | null });
  const [panelDetails, setPanelDetails] = useState({ shown: false, sel: null as string | null });
  const sheetCollapsed = sheetCollapse.collapsed && (state.sel === null || sheetCollapse.sel === state.sel);
  const detailsFor =
    state.sel === null
      ? null
      : detailsInSheet
        ? panelDetails.sel === state.sel && !panelDetails.shown
          ? null
          : state.sel
        : panelDetails.sel === state.sel && panelDetails.shown
          ? state.sel
          : null;
  const selection = useRef(state.sel);
  selection.current = state.sel;
  const sheet = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [aboutOpen, setAboutOpen] = useState(false);
  const [embedOpen, setEmbedOpen] = useState(false);
  /** Where focus goes back to when the popup closes; null: the map. */
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const focusMap = useRef<(() => void) | null>(null);
  const webgl = useMemo(supportsWebGl2, []);
  const t = useMemo(() => translator(state.lang), [state.lang]);
  /** The state Back/Forward restored, until a render has caught up with it. */
  const restoring = useRef<AtlasState | null>(null);

  // URL ← state. Selections and passages add a history entry; views, layers and language replace it.
  useEffect(() => {
    const target = restoring.current;
    if (target) {
      // A render queued before Back/Forward was handled: the URL already says what comes next.
      if (state.sel !== target.sel || state.passage !== target.passage) return;
      restoring.current = null;
    }
    const url = stateToUrl(state);
    if (url === currentUrl()) return;
    const shown = readUrl();
    const newEntry = shown.sel !== state.sel || shown.passage !== state.passage;
    history[newEntry ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${url}`);
  }, [state]);

  // State ← URL on Back/Forward (and hand-edited hashes).
  useEffect(() => {
    const restore = () => {
      const next = readUrl();
      restoring.current = next;
      dispatch({ type: 'replace', state: next });
    };
    window.addEventListener('popstate', restore);
    window.addEventListener('hashchange', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      window.removeEventListener('hashchange', restore);
    };
  }, [readUrl]);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[state.lang];
    document.title = t('app.title');
  }, [state.lang]);

  const announceSelection = useCallback(
    (id: string | null, lang: Lang) => {
      const tr = translator(lang);
      setAnnouncement(id ? tr('announce.selected', { name: places.name(id, lang) }) : tr('announce.cleared'));
    },
    [places],
  );

  const selectPlace = useCallback(
    (id: string | null) => {
      setPanelDetails({ shown: false, sel: null });
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setPopupTakesFocus(true);
      setShowDetails(true);
      setFocusRequest((count) => count + 1);
      dispatch({ type: 'select', sel: id });
      announceSelection(id, state.lang);
    },
    [state.lang, announceSelection],
  );

  const onMapSelect = useCallback(
    (id: string | null) => {
      setPanelDetails({ shown: false, sel: null });
      returnFocusTo.current = null;
      setPopupTakesFocus(id !== null);
      setShowDetails(true);
      dispatch({ type: 'select', sel: id });
      announceSelection(id, state.lang);
    },
    [state.lang, announceSelection],
  );

  const closePopup = useCallback(() => {
    dispatch({ type: 'select', sel: null });
    announceSelection(null, state.lang);
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    // Back to where the reader came from; the map canvas if that element is gone.
    requestAnimationFrame(() => {
      if (target?.isConnected) target.focus();
      else focusMap.current?.();
    });
  }, [state.lang, announceSelection]);

  const toggleLayer = useCallback(
    (layer: LayerId, visible: boolean) => {
      dispatch({ type: 'toggle-layer', layer, visible });
      const name = t(`layer.${layer}.name`);
      setAnnouncement(t(visible ? 'announce.layerOn' : 'announce.layerOff', { name }));
    },
    [t],
  );

  const setDistrictColouring = useCallback(
    (layer: LayerId | null) => {
      dispatch({ type: 'set-district-colouring', layer });
      setAnnouncement(layer ? t('announce.layerOn', { name: t(`layer.${layer}.name`) }) : t('announce.noColouring'));
    },
    [t],
  );

  const setPopulationMeasure = useCallback((measure: PopulationMeasureId) => {
    dispatch({ type: 'set-population-measure', measure });
  }, []);

  const readerFocusPending = useRef(false);
  const takeReaderFocus = useCallback(() => {
    const pending = readerFocusPending.current;
    readerFocusPending.current = false;
    return pending;
  }, []);
  const openPassage = useCallback((id: string | null) => {
    dispatch({ type: 'open-passage', passage: id });
    readerFocusPending.current = id !== null;
    if (id) {
      // The reader, at the passage, in place of the details: on a phone the sheet opens to it.
      setPanelDetails({ shown: false, sel: selection.current });
      setSheetCollapse({ collapsed: false, sel: null });
      setPanelTab('articles');
      setFocusRequest((count) => count + 1);
    }
  }, []);

  const chooseTab = useCallback((tab: PanelTab) => {
    setPanelDetails({ shown: false, sel: selection.current });
    setPanelTab(tab);
  }, []);

  const setLang = useCallback((lang: Lang) => dispatch({ type: 'set-lang', lang }), []);
  const onMove = useCallback((view: MapView) => dispatch({ type: 'move', view }), []);

  // The host page's `set`: the camera moves to the place, keyboard focus stays where the reader has it.
  const showHostSelection = useCallback((details: boolean | undefined) => {
    setPopupTakesFocus(false);
    if (details !== undefined) setShowDetails(details);
    setFocusRequest((count) => count + 1);
  }, []);
  useEmbedProtocol(mode === 'embed', state, dispatch, vocabulary, showHostSelection);

  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  const context: AtlasContextValue = {
    lang: state.lang,
    t,
    places,
    content,
    state,
    selectPlace,
    toggleLayer,
    setDistrictColouring,
    setPopulationMeasure,
    openPassage,
    takeReaderFocus,
    setLang,
  };

  const map =
    webgl && !mapFailure ? (
      <MapPane
        overview={data.overview}
        passagePlaces={passagePlaces}
        focusRequest={focusRequest}
        cooperativeGestures={mode === 'embed'}
        sheet={mode === 'full'}
        popupTakesFocus={popupTakesFocus}
        showDetails={showDetails}
        onSelect={onMapSelect}
        onMove={onMove}
        onPopupClose={closePopup}
        onFailure={setMapFailure}
        focusMap={focusMap}
        cover={mode === 'full' ? sheet : undefined}
        detailsElsewhere={detailsInSheet}
        onReadAll={() => setPanelDetails({ shown: true, sel: selection.current })}
      />
    ) : (
      <PlaceListFallback
        failure={mapFailure}
        overview={data.overview}
        onMove={onMove}
        onSelect={onMapSelect}
        focusRequest={focusRequest}
        cover={mode === 'full' ? sheet : undefined}
        detailsElsewhere={detailsInSheet}
        onCloseDetails={closePopup}
        focusMap={focusMap}
      />
    );

  return (
    <AtlasContext.Provider value={context}>
      {mode === 'embed' ? (
        <EmbedChrome map={map} overview={data.overview} />
      ) : (
        <div class="atlas">
          {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to its target; the handler only shows the tab the target lives in */}
          <a
            class="skip-link"
            href="#place-browser"
            onClick={(event) => {
              // The place browser lives in a tab: show it, then move focus there.
              event.preventDefault();
              setPanelTab('places');
              requestAnimationFrame(() => document.getElementById('place-browser')?.focus());
            }}
          >
            {t('app.skipToPlaces')}
          </a>
          <header class="app-header">
            <div class="app-titles">
              <h1>{t('app.title')}</h1>
              <p>{t('app.subtitle')}</p>
            </div>
            <nav class="app-actions">
              <button
                type="button"
                class="button-quiet"
                lang={state.lang === 'zh' ? 'en' : 'zh-Hans'}
                aria-label={t('app.switchLanguageLabel')}
                onClick={() => setLang(state.lang === 'zh' ? 'en' : 'zh')}
              >
                {t('app.switchLanguage')}
              </button>
              <ShareButton url={() => new URL(`${location.pathname}${stateToUrl(state)}`, location.href).href} />
              <SaveImage overview={data.overview} />
              <button type="button" class="button-quiet" onClick={() => setEmbedOpen(true)}>
                <span class="action-icon" aria-hidden="true">
                  {'</>'}
                </span>
                <span class="action-label">{t('app.embed')}</span>
              </button>
              <button type="button" class="button-quiet" onClick={() => setAboutOpen(true)}>
                <span class="action-icon" aria-hidden="true">
                  ⓘ
                </span>
                <span class="action-label">{t('app.about')}</span>
              </button>
            </nav>
          </header>
          <main class="app-main">
            <div class="map-area">
              {map}
              <MapLegend embedded={false} />
            </div>
            <Panel
              tab={panelTab}
              onTab={chooseTab}
              collapsed={sheetCollapsed}
              onCollapsed={(collapsed) => setSheetCollapse({ collapsed, sel: selection.current })}
              details={detailsFor}
              detailsTakeFocus={popupTakesFocus}
              onCloseDetails={() =>
                detailsInSheet ? closePopup() : setPanelDetails({ shown: false, sel: selection.current })
              }
              sheet={sheet}
            />
          </main>
          {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
          {embedOpen && <LazyEmbedDialog onClose={() => setEmbedOpen(false)} />}
        </div>
      )}
      <PrintView overview={data.overview} />
      <div class="visually-hidden" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </AtlasContext.Provider>
  );
}

/** The embed dialog is code most readers never need: it loads when first opened. */
function LazyEmbedDialog({ onClose }: { onClose(): void }) {
  const [Dialog, setDialog] = useState<null | typeof import('./EmbedDialog').EmbedDialog>(null);
  useEffect(() => {
    void import('./EmbedDialog').then((module) => setDialog(() => module.EmbedDialog));
  }, []);
  return Dialog ? <Dialog onClose={onClose} /> : null;
}
