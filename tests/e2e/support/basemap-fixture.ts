/**
 * A small basemap for the end-to-end tests, served from a second local origin: vector tiles
 * cut at request time from the Natural Earth rivers the atlas's build reads (source layer
 * `water`), a style.json naming them (with a place-label layer and glyphs the atlas must
 * leave alone), and the committed PMTiles archive made from the same tiles
 * (tests/e2e/fixtures/basemap/make-pmtiles.ts). Every request is recorded.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';

const RIVERS = resolve(
  import.meta.dirname,
  '../../../geodata/sources/natural-earth/ne_10m_rivers_lake_centerlines_cq_region.geojson',
);
export const FIXTURE_ARCHIVE = resolve(import.meta.dirname, '../fixtures/basemap/rivers.pmtiles');

/** The source layer the tiles carry: a name the atlas draws as water. */
export const WATER_LAYER = 'water';
export const FIXTURE_MAX_ZOOM = 12;

/** Encodes the rivers' tile at z/x/y as a Mapbox Vector Tile, or null where there is none. */
export function riverTiles(): (z: number, x: number, y: number) => Uint8Array | null {
  const rivers = JSON.parse(readFileSync(RIVERS, 'utf8')) as FeatureCollection;
  const index = new GeoJSONVT(rivers, { maxZoom: FIXTURE_MAX_ZOOM, indexMaxZoom: 5 });
  return (z, x, y) => {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return vtpbf.fromGeojsonVt({ [WATER_LAYER]: tile }, { version: 2 });
  };
}

/** The fixture's style.json for a server at `origin`. */
export function fixtureStyle(origin: string) {
  return {
    version: 8,
    glyphs: `${origin}/fonts/{fontstack}/{range}.pbf`,
    sources: {
      rivers: { type: 'vector', tiles: [`${origin}/tiles/{z}/{x}/{y}.pbf`], maxzoom: FIXTURE_MAX_ZOOM },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#ff00ff' } },
      { id: 'rivers', type: 'line', source: 'rivers', 'source-layer': WATER_LAYER, paint: { 'line-color': '#00ff00' } },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'rivers',
        'source-layer': 'place',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'] },
      },
    ],
  };
}

export interface BasemapServer {
  server: Server;
  origin: string;
  /** The paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves the fixture on 127.0.0.1 at a free port, with CORS (the atlas is on another origin) and byte ranges. */
export function startBasemapServer(): Promise<BasemapServer> {
  const tileAt = riverTiles();
  const archive = readFileSync(FIXTURE_ARCHIVE);
  const requests: string[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    requests.push(path);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Range, If-Match');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Range, ETag');
    if (request.method === 'OPTIONS') {
      response.statusCode = 204;
      response.end();
      return;
    }
    const tile = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(path);
    if (path === '/style.json') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(fixtureStyle(origin)));
    } else if (tile) {
      const data = tileAt(Number(tile[1]), Number(tile[2]), Number(tile[3]));
      response.statusCode = data ? 200 : 204;
      response.setHeader('Content-Type', 'application/x-protobuf');
      response.end(data ? Buffer.from(data) : undefined);
    } else if (path === '/rivers.pmtiles') {
      const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(Number(range[2]), archive.length - 1);
        response.statusCode = 206;
        response.setHeader('Content-Range', `bytes ${start}-${end}/${archive.length}`);
        response.end(archive.subarray(start, end + 1));
      } else {
        response.end(archive);
      }
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      done({
        server,
        origin,
        requests,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
