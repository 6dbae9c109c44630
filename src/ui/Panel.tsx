/**
 * The side panel (a bottom sheet on phones): tabs for places, layers and articles.
 * Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAtlas } from './atlas-context';
import { LayerControl } from './LayerControl';
import { PlaceBrowser } from './PlaceBrowser';
import { Reader } from './Reader';

export type PanelTab = 'places' | 'layers' | 'articles';
const TABS: PanelTab[] = ['places', 'layers', 'articles'];

interface PanelProps {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
}

export function Panel({ tab, onTab }: PanelProps) {
  const { t, state } = useAtlas();
  const [collapsed, setCollapsed] = useState(false);

  // On a phone the sheet covers the map: when a place is chosen, make way for the map and its popup.
  useEffect(() => {
    if (state.sel && window.matchMedia?.('(max-width: 640px)').matches) {
      sheet.current?.style.removeProperty('--sheet-height');
      setCollapsed(true);
    }
  }, [state.sel]);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const sheet = useRef<HTMLElement>(null);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  const moveTab = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] as PanelTab;
    onTab(next);
    tabRefs.current[next]?.focus();
  };

  // On phones the sheet's handle can be dragged to set its height.
  const startDrag = (event: PointerEvent) => {
    if (!sheet.current) return;
    drag.current = { startY: event.clientY, startHeight: sheet.current.getBoundingClientRect().height };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const moveDrag = (event: PointerEvent) => {
    if (!drag.current || !sheet.current) return;
    const height = Math.min(
      window.innerHeight * 0.9,
      Math.max(56, drag.current.startHeight + drag.current.startY - event.clientY),
    );
    sheet.current.style.setProperty('--sheet-height', `${height}px`);
    setCollapsed(height <= 64);
  };
  const endDrag = () => {
    drag.current = null;
  };

  return (
    <aside ref={sheet} class={collapsed ? 'panel collapsed' : 'panel'} aria-label={t('app.panel')} data-testid="panel">
      <div class="sheet-handle">
        <button
          type="button"
          class="sheet-toggle"
          aria-expanded={!collapsed}
          aria-controls="panel-body"
          onClick={() => {
            sheet.current?.style.removeProperty('--sheet-height');
            setCollapsed(!collapsed);
          }}
          onPointerDown={startDrag}
          onPointerMove={moveDrag}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        >
          <span class="sheet-grip" aria-hidden="true" />
          <span class="visually-hidden">{collapsed ? t('app.showPanel') : t('app.hidePanel')}</span>
        </button>
      </div>
      <div id="panel-body" class="panel-body" hidden={collapsed}>
        <div class="tabs" role="tablist" aria-label={t('app.panel')}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(element) => {
                tabRefs.current[id] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`tabpanel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => onTab(id)}
              onKeyDown={moveTab}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        <div class="tabpanel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'places' && <PlaceBrowser />}
          {tab === 'layers' && <LayerControl />}
          {tab === 'articles' && <Reader />}
        </div>
      </div>
    </aside>
  );
}
