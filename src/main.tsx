/** Entry of the full map (index.html). */
import { render } from 'preact';
import { loadMapModule, supportsWebGl2 } from './map/webgl';
import { App } from './ui/App';
import './ui/atlas.css';

// Fetch the map code alongside the data instead of after it.
if (supportsWebGl2()) void loadMapModule().catch(() => undefined);

render(<App mode="full" />, document.getElementById('app') as HTMLElement);
