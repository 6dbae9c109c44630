/**
 * The map's side of the embed protocol: announces readiness, the height it would like and
 * selections to the parent page, and obeys `cq-atlas:set` commands only from the parent
 * window. Inactive outside an iframe.
 */
import { type Dispatch, useEffect, useRef } from 'preact/hooks';
import { type MapMessage, PROTOCOL_VERSION, parseSetCommand } from '../embed/protocol';
import type { AtlasAction, AtlasState } from '../state/atlas-state';
import type { Vocabulary } from '../state/url-state';
import { normaliseView } from '../state/url-state';
import { preferredEmbedHeight } from './embed-height';

function post(message: MapMessage): void {
  // Only public map state is sent; the host checks the message's source and origin.
  window.parent.postMessage(message, '*');
}

export function useEmbedProtocol(
  enabled: boolean,
  state: AtlasState,
  dispatch: Dispatch<AtlasAction>,
  vocabulary: Vocabulary,
  /** A host's selection arrived: show it (camera; its details unless `popup` says otherwise), without taking focus. */
  showHostSelection: (popup: boolean | undefined) => void,
): void {
  const embedded = enabled && window.parent !== window;
  const lastSel = useRef(state.sel);

  useEffect(() => {
    if (!embedded) return;
    post({
      type: 'cq-atlas:ready',
      version: PROTOCOL_VERSION,
      state: {
        sel: state.sel,
        layers: state.layers,
        population: state.population,
        lang: state.lang,
        view: state.view,
      },
    });
    let lastHeight = -1;
    // The page fills the iframe: its own height is the iframe's, so it reports the one it would like.
    const map = document.querySelector('.embed-map');
    const reportHeight = () => {
      const page = document.body.getBoundingClientRect();
      const height = map ? preferredEmbedHeight(page, map.getBoundingClientRect().height) : Math.ceil(page.height);
      if (height === lastHeight) return;
      lastHeight = height;
      post({ type: 'cq-atlas:height', height });
    };
    const observer = new ResizeObserver(reportHeight);
    observer.observe(document.documentElement);
    observer.observe(document.body);
    // The header growing (a title in another language wraps) shrinks the map, not the page.
    if (map) observer.observe(map);
    reportHeight();

    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const command = parseSetCommand(event.data);
      if (!command) return;
      if (command.lang) dispatch({ type: 'set-lang', lang: command.lang });
      if (command.layers) dispatch({ type: 'set-layers', layers: command.layers });
      if (command.population) dispatch({ type: 'set-population-measure', measure: command.population });
      if (command.view) dispatch({ type: 'move', view: normaliseView(command.view) });
      if (command.sel !== undefined && (command.sel === null || vocabulary.isPlace(command.sel))) {
        showHostSelection(command.popup);
        dispatch({ type: 'select', sel: command.sel });
      } else if (command.popup !== undefined) {
        showHostSelection(command.popup);
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, [embedded]);

  useEffect(() => {
    if (!embedded || state.sel === lastSel.current) return;
    lastSel.current = state.sel;
    post({ type: 'cq-atlas:select', sel: state.sel });
  }, [embedded, state.sel]);
}
