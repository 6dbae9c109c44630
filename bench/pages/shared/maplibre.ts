/** MapLibre set up exactly as the atlas does (src/map/maplibre-setup.ts): same build, same-origin worker, its CSS. */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
