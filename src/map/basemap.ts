/**
 * The optional vector basemap (basemap-setting.ts): water, roads and buildings for context at
 * city zoom, added to the atlas's map once its own style has loaded. Loaded only when the page
 * names a basemap, as its own chunk; the PMTiles reader is a further chunk, loaded only for an
 * archive (or a style whose sources are archives).
 *
 * Whatever the basemap's style draws, only its vector sources are kept, and the atlas draws
 * their water, road and building layers itself (palette.ts, BASEMAP_COLOURS): no labels (the
 * atlas's place names are HTML and would collide with the basemap's), no glyphs or sprites to
 * fetch, and colours that sit with the atlas's fills rather than a second map's.
 */
import type {
  FilterSpecification,
  LayerSpecification,
  VectorSourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl';
import { isArchive, PMTILES_SCHEME } from './basemap-setting';
import { BASEMAP_COLOURS } from './palette';

/** What is shown: below this zoom the atlas's own rivers and borders are all the context needed. */
export const BASEMAP_MIN_ZOOM = 9;

/** The kinds of context drawn, by the source-layer names of the OpenMapTiles and Protomaps schemas. */
const KINDS = [
  { kind: 'water', names: /^(water|waterway|ocean|rivers?)$/ },
  { kind: 'road', names: /^(transportation|roads?)$/ },
  { kind: 'building', names: /^buildings?$/ },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

export function kindOf(sourceLayer: string): Kind | undefined {
  return KINDS.find(({ names }) => names.test(sourceLayer))?.kind;
}

/** A vector source and the source layers of it the atlas draws. */
export interface BasemapSource {
  id: string;
  spec: VectorSourceSpecification;
  sourceLayers: string[];
}

const polygons: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const lines: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const widthByZoom = (at9: number, at14: number) =>
  ['interpolate', ['linear'], ['zoom'], 9, at9, 14, at14] as unknown as number;

/** The atlas's layers for one source layer of the basemap, ids prefixed `basemap-`. */
export function contextLayers(source: string, sourceLayer: string): LayerSpecification[] {
  const base = { source, 'source-layer': sourceLayer, minzoom: BASEMAP_MIN_ZOOM };
  const id = (suffix: string) => `basemap-${source}-${sourceLayer}-${suffix}`;
  switch (kindOf(sourceLayer)) {
    case 'water':
      return [
        {
          ...base,
          id: id('fill'),
          type: 'fill',
          filter: polygons,
          paint: { 'fill-color': BASEMAP_COLOURS.water, 'fill-opacity': 0.45 },
        },
        {
          ...base,
          id: id('line'),
          type: 'line',
          filter: lines,
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': BASEMAP_COLOURS.water, 'line-width': widthByZoom(1.2, 4), 'line-opacity': 0.9 },
        },
      ];
    case 'road':
      return [
        {
          ...base,
          id: id('line'),
          type: 'line',
          filter: lines,
          layout: { 'line-join': 'round' },
          paint: { 'line-color': BASEMAP_COLOURS.road, 'line-width': widthByZoom(0.3, 1.4), 'line-opacity': 0.55 },
        },
      ];
    case 'building':
      return [
        {
          ...base,
          id: id('fill'),
          type: 'fill',
          minzoom: 13,
          filter: polygons,
          paint: { 'fill-color': BASEMAP_COLOURS.building, 'fill-opacity': 0.18 },
        },
      ];
    default:
      return [];
  }
}

/**
 * A URL of a style resolved against the style's own address (MapLibre would resolve it against
 * the page's), its `{z}/{x}/{y}` placeholders kept as they were rather than percent-encoded.
 */
export function resolved(url: string, base: string): string {
  if (url.startsWith(PMTILES_SCHEME)) return url;
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

interface StyleLike {
  sources?: Record<string, { type?: string; url?: string; tiles?: string[] } & Record<string, unknown>>;
  layers?: { source?: string; 'source-layer'?: string }[];
}

/** The vector sources of a style.json and the source layers its layers draw that the atlas draws too. */
export function sourcesOfStyle(style: StyleLike, styleUrl: string): BasemapSource[] {
  return Object.entries(style.sources ?? {}).flatMap(([id, source]): BasemapSource[] => {
    if (source.type !== 'vector') return [];
    const sourceLayers = [
      ...new Set(
        (style.layers ?? [])
          .filter((layer) => layer.source === id && typeof layer['source-layer'] === 'string')
          .map((layer) => layer['source-layer'] as string),
      ),
    ].filter((name) => kindOf(name) !== undefined);
    if (sourceLayers.length === 0) return [];
    const spec = {
      ...source,
      ...(source.url ? { url: resolved(source.url, styleUrl) } : {}),
      ...(source.tiles ? { tiles: source.tiles.map((tile) => resolved(tile, styleUrl)) } : {}),
    } as VectorSourceSpecification;
    return [{ id, spec, sourceLayers }];
  });
}

let pmtilesProtocol: Promise<import('pmtiles').Protocol> | undefined;

/** The `pmtiles://` protocol, registered with MapLibre once, on first use. */
function registerPmtiles(): Promise<import('pmtiles').Protocol> {
  pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => {
    const protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
    return protocol;
  });
  return pmtilesProtocol;
}

async function sourcesOfArchive(url: string): Promise<BasemapSource[]> {
  const archiveUrl = url.startsWith(PMTILES_SCHEME) ? url.slice(PMTILES_SCHEME.length) : url;
  const protocol = await registerPmtiles();
  const { PMTiles } = await import('pmtiles');
  const archive = new PMTiles(archiveUrl);
  protocol.add(archive);
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id?: unknown }[] } | undefined;
  const sourceLayers = (metadata?.vector_layers ?? [])
    .map((layer) => layer.id)
    .filter((name): name is string => typeof name === 'string' && kindOf(name) !== undefined);
  return [{ id: 'archive', spec: { type: 'vector', url: PMTILES_SCHEME + archiveUrl }, sourceLayers }];
}

/** The basemap's sources: from one archive, or from a style.json fetched at run time. */
export async function loadBasemapSources(url: string): Promise<BasemapSource[]> {
  if (isArchive(url)) return sourcesOfArchive(url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap style: ${response.status} ${response.statusText}`);
  const sources = sourcesOfStyle((await response.json()) as StyleLike, url);
  if (sources.some(({ spec }) => spec.url?.startsWith(PMTILES_SCHEME))) await registerPmtiles();
  return sources;
}

/** Adds the basemap's sources and the atlas's layers for them, under `beforeLayer`. */
export function addBasemap(map: MapLibreMap, sources: readonly BasemapSource[], beforeLayer: string): void {
  for (const { id, spec, sourceLayers } of sources) {
    const sourceId = `basemap-${id}`;
    map.addSource(sourceId, spec);
    for (const sourceLayer of sourceLayers) {
      for (const layer of contextLayers(sourceId, sourceLayer)) map.addLayer(layer, beforeLayer);
    }
  }
}
