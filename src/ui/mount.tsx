/** Starts the app in the page's #app element: the entry of index.html and of embed.html. */
import { render } from 'preact';
import { preloadAtlasData } from '../data/load-data';
import { loadMapModule, supportsWebGl2 } from '../map/webgl';
import { App } from './App';
import type { AtlasMode } from './AtlasView';
import { ErrorBoundary } from './ErrorBoundary';
import { keepOnlyFirstPaint } from './first-paint';

export function mountAtlas(mode: AtlasMode): void {
  // The data first, then the map code beside it: both start before the first render.
  preloadAtlasData();
  if (supportsWebGl2()) void loadMapModule().catch(() => undefined);
  const root = document.getElementById('app') as HTMLElement;
  // The HTML's own loading text and its "has not started" notice: the app shows its own status
  // from here on (Preact would keep what it did not render). The HTML's map stays until the
  // app draws its own (first-paint.ts).
  keepOnlyFirstPaint(root);
  render(
    <ErrorBoundary>
      <App mode={mode} />
    </ErrorBoundary>,
    root,
  );
}
