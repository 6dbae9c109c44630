/**
 * The name of the district under the mouse, beside the pointer (desktop only: the adapter
 * reports no hover for touch). Decorative for assistive technology, which has the place list.
 * It re-renders on its own at every mouse move, not the map pane around it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAtlas } from './atlas-context';

export interface HoverPoint {
  x: number;
  y: number;
}

type HoverListener = (code: string | null, point: HoverPoint | null) => void;

/** Carries the adapter's hover reports to the one tooltip listening. */
export interface HoverFeed {
  report: HoverListener;
  listen(listener: HoverListener): () => void;
}

export function createHoverFeed(): HoverFeed {
  let current: HoverListener | null = null;
  return {
    report: (code, point) => current?.(code, point),
    listen(listener) {
      current = listener;
      return () => {
        if (current === listener) current = null;
      };
    },
  };
}

/** The gap between the pointer and the name, px. */
const OFFSET = 14;

export function MapHoverName({ feed }: { feed: HoverFeed }) {
  const { places, lang } = useAtlas();
  const [hover, setHover] = useState<{ code: string; point: HoverPoint } | null>(null);
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => feed.listen((code, point) => setHover(code && point ? { code, point } : null)), [feed]);
  if (!hover) return null;
  const { x, y } = hover.point;
  // Right of the pointer, or left of it in the map's right third, so the name stays on the map.
  const width = element.current?.parentElement?.clientWidth ?? Number.POSITIVE_INFINITY;
  const shift = x > width * 0.67 ? `calc(-100% - ${OFFSET}px)` : `${OFFSET}px`;
  return (
    <div
      ref={element}
      class="map-hover-name"
      aria-hidden="true"
      lang={lang === 'zh' ? 'zh-Hans' : 'en'}
      style={{ transform: `translate(${x}px, ${y}px) translate(${shift}, ${OFFSET}px)` }}
    >
      {places.name(hover.code, lang)}
    </div>
  );
}
