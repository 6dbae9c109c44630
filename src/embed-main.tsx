/** Entry of the embed page (embed.html): the same app with minimal chrome. */
import { render } from 'preact';
import { preloadAtlasData } from './data/load-data';
import { loadMapModule, supportsWebGl2 } from './map/webgl';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/atlas.css';

// The data first, then the map code beside it: both start before the first render.
preloadAtlasData();
if (supportsWebGl2()) void loadMapModule().catch(() => undefined);

render(
  <ErrorBoundary>
    <App mode="embed" />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
