/**
 * The side panel (a bottom sheet on phones): tabs for places, layers and articles, or a
 * place's full details (on phones the place card, on desktop after a popup's "read all").
 * Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them). Whether the sheet is
 * collapsed is the atlas's to say: a chosen place or passage opens it.
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { useAtlas } from './atlas-context';
import { LayerControl } from './LayerControl';
import { PlaceBrowser } from './PlaceBrowser';
import { PopupContent } from './PopupContent';
import { Reader } from './Reader';

export type PanelTab = 'places' | 'layers' | 'articles';
const TABS: PanelTab[] = ['places', 'layers', 'articles'];

interface PanelProps {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  /** The bottom sheet shows only its handle (phones). */
  collapsed: boolean;
  onCollapsed(collapsed: boolean): void;
  /** The place whose full details the panel shows instead of its tabs, or null. */
  details: string | null;
  onCloseDetails(): void;
  /** Move focus into the details when they open (keyboard and list users). */
  detailsTakeFocus: boolean;
  /** The panel's element, which the map measures to know what of it the sheet covers. */
  sheet: RefObject<HTMLElement | null>;
}

export function Panel({
  tab,
  onTab,
  collapsed,
  onCollapsed,
  details,
  onCloseDetails,
  detailsTakeFocus,
  sheet,
}: PanelProps) {
  const { t } = useAtlas();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const drag = useRef<{ startY: number; startHeight: number; moved: boolean } | null>(null);
  /** A drag ends with a click on the handle: that click must not also open or close the sheet. */
  const dragged = useRef(false);

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
    drag.current = { startY: event.clientY, startHeight: sheet.current.getBoundingClientRect().height, moved: false };
    dragged.current = false;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const moveDrag = (event: PointerEvent) => {
    if (!drag.current || !sheet.current) return;
    if (Math.abs(event.clientY - drag.current.startY) < 6 && !drag.current.moved) return;
    drag.current.moved = true;
    const height = Math.min(
      window.innerHeight * 0.9,
      Math.max(56, drag.current.startHeight + drag.current.startY - event.clientY),
    );
    sheet.current.style.setProperty('--sheet-height', `${height}px`);
    if (height <= 64 !== collapsed) onCollapsed(height <= 64);
  };
  const endDrag = () => {
    dragged.current = drag.current?.moved ?? false;
    drag.current = null;
  };

  return (
    <aside
      ref={sheet}
      class={['panel', collapsed && 'collapsed', details && 'showing-details'].filter(Boolean).join(' ')}
      aria-label={t('app.panel')}
      data-testid="panel"
    >
      <div class="sheet-handle">
        <button
          type="button"
          class="sheet-toggle"
          aria-expanded={!collapsed}
          aria-controls="panel-body"
          onClick={() => {
            if (dragged.current) {
              dragged.current = false;
              return;
            }
            sheet.current?.style.removeProperty('--sheet-height');
            onCollapsed(!collapsed);
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
        {details && (
          <div class="panel-details">
            <PopupContent
              key={details}
              id={details}
              variant="panel"
              takeFocus={detailsTakeFocus}
              onClose={onCloseDetails}
            />
          </div>
        )}
        {/* Hidden, not removed, under a place's details: the list keeps its search and scroll. */}
        <div class="tabs" role="tablist" aria-label={t('app.panel')} hidden={details !== null}>
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
        <div
          class="tabpanel"
          role="tabpanel"
          id={`tabpanel-${tab}`}
          aria-labelledby={`tab-${tab}`}
          hidden={details !== null}
        >
          {tab === 'places' && <PlaceBrowser />}
          {tab === 'layers' && <LayerControl />}
          {tab === 'articles' && <Reader />}
        </div>
      </div>
    </aside>
  );
}
