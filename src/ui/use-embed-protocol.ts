/**
 * The map's side of the embed protocol: announces readiness and selections to the parent page
 * (its height from the start, embed-height.ts), and obeys `cq-atlas:set` commands only from the
 * parent window. Inactive outside an iframe.
 */
import { type Dispatch, useEffect, useRef } from 'preact/hooks';
import { type MapMessage, PROTOCOL_VERSION, parseSetCommand } from '../embed/protocol';
import type { AtlasAction, AtlasState } from '../state/atlas-state';
import type { Vocabulary } from '../state/url-state';
import { normaliseView } from '../state/url-state';

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
      window.removeEventListener('message', onMessage);
    };
  }, [embedded]);

  useEffect(() => {
    if (!embedded || state.sel === lastSel.current) return;
    lastSel.current = state.sel;
    post({ type: 'cq-atlas:select', sel: state.sel });
  }, [embedded, state.sel]);
}
