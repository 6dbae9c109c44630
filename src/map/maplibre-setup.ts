/**
 * MapLibre 6 is ESM-only and needs its worker's URL once; with Vite, `?url` emits the
 * self-contained worker file as a hashed asset (the recipe of maplibre-gl 6.17, pinned).
 * Served from our own origin it satisfies `worker-src 'self'`. With the relative base
 * (vite.config.ts) the URL is resolved against this module's own address, so the worker is found
 * wherever the build is served, at a domain's root or under a path.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** Where the worker script is served (checked when the map is slow to load: see worker-check.ts). */
export const MAPLIBRE_WORKER_URL = workerUrl;

setWorkerUrl(workerUrl);
// Start the worker as soon as the map code arrives: it loads and compiles its script while
// the data are parsed and the page renders, instead of after the map is created.
prewarm();
