/** Entry of the embed page (embed.html): the same app with minimal chrome. */
import { render } from 'preact';
import { loadMapModule, supportsWebGl2 } from './map/webgl';
import { App } from './ui/App';
import './ui/atlas.css';

if (supportsWebGl2()) void loadMapModule().catch(() => undefined);

render(<App mode="embed" />, document.getElementById('app') as HTMLElement);
