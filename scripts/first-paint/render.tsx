/**
 * The first paint written into index.html and embed.html: the page's frame around the map (as
 * the app lays it out, so the map stands where the app's will) with the default view drawn as
 * SVG (src/static-map/), which the browser paints with the HTML, before any script.
 *
 * Kept small, since everything before it blocks the first paint: the borders are thinned to
 * within 0.75 px at the size drawn (simplify.ts; MapLibre's tiles simplify by up to a px
 * themselves) and the path data written as relative steps of a tenth of a px (src/static-map/compact-paths.ts, shared with the saved image).
 * With both, the default view's SVG is about 33 KB gzip instead of 86 KB.
 */
import { readFileSync } from 'node:fs';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Topology } from 'topojson-specification';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { translate } from '../../src/i18n/messages';
import { type LayerId, type LegendEntry, layerColour, layerTitle, visualsOf } from '../../src/layers/registry';
import { COLOURS, URBAN_SYSTEM_FILLS, URBAN_SYSTEM_ORDER } from '../../src/map/palette';
import { compactPaths } from '../../src/static-map/compact-paths';
import { FIRST_PAINT_STATE } from '../../src/static-map/first-paint-state';
import { firstPaintSize, MUNICIPALITY_BOUNDS } from '../../src/static-map/first-view';
import { cameraOf, projectionOf } from '../../src/static-map/projection';
import { StaticMap } from '../../src/static-map/StaticMap';
import type { PlacesData } from '../../src/types/atlas-data';
import type { ContentData } from '../../src/types/content';
import { simplifyTopology } from './simplify';

export type FirstPaintPage = 'full' | 'embed';

/**
 * The width each page's SVG is drawn at, near its map's usual width less the padding: a
 * desktop's map (about 900 px), an embed in an article's column (about 600 px). Its names are
 * placed for that size; the app places them again for the real one when it starts.
 */
const DRAWN_WIDTH: Record<FirstPaintPage, number> = { full: 800, embed: 480 };

/** How far a thinned border may stray from the data's, in px of the SVG as drawn. */
const TOLERANCE_PX = 0.75;

const generated = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../src/generated/${name}`, import.meta.url), 'utf8'));

const t = (key: Parameters<typeof translate>[1]) => translate(FIRST_PAINT_STATE.lang, key);

/** A legend swatch as SVG: presentation attributes, since the page's CSP forbids style attributes. */
function Swatch({ colour, line }: { colour: string; line: boolean }) {
  return (
    <svg class="first-paint-swatch" width="18" height="12" viewBox="0 0 18 12" aria-hidden="true">
      {line ? (
        <rect y="4.5" width="18" height="3" fill={colour} />
      ) : (
        <rect x="0.5" y="0.5" width="17" height="11" fill={colour} stroke="rgba(0,0,0,0.35)" />
      )}
    </svg>
  );
}

function LegendItems({ layer, entry, places }: { layer: LayerId; entry: LegendEntry; places: PlaceIndex }) {
  if ('swatch' in entry) {
    const colour = entry.colour === 'own' ? layerColour(layer, COLOURS.hover) : COLOURS[entry.colour];
    return (
      <li>
        <Swatch colour={colour} line={entry.swatch === 'line' || entry.swatch === 'dashed'} />
        {t(entry.label)}
      </li>
    );
  }
  if (entry.scale !== 'urban-system') return null;
  return (
    <>
      {URBAN_SYSTEM_ORDER.map((id) => (
        <li key={id}>
          <Swatch colour={URBAN_SYSTEM_FILLS[id] as string} line={false} />
          {places.name(id, FIRST_PAINT_STATE.lang)}
        </li>
      ))}
    </>
  );
}

/** The default layers' legend, as the embed shows it over the map. */
function Legend({ places }: { places: PlaceIndex }) {
  return (
    <details class="map-legend" open>
      <summary>{t('layers.legend')}</summary>
      {FIRST_PAINT_STATE.layers.map((layer) => (
        <section key={layer} aria-label={t(layerTitle(layer))}>
          <p class="legend-heading">{t(layerTitle(layer))}</p>
          <ul class="legend">
            {visualsOf(layer).map(({ legend }) => (
              <LegendItems
                key={'swatch' in legend ? legend.label : legend.scale}
                layer={layer}
                entry={legend}
                places={places}
              />
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}

/**
 * The default view's SVG: the municipality's bounds filling its viewBox, fitted by CSS into the
 * map's box less its padding; the neighbours around are drawn beyond the viewBox.
 */
export function firstPaintMap(page: FirstPaintPage): JSX.Element {
  const size = firstPaintSize(DRAWN_WIDTH[page]);
  const places: PlacesData = generated('places.json');
  const content: ContentData = generated('content.json');
  const placeIndex = new PlaceIndex(places);
  const view = { bounds: MUNICIPALITY_BOUNDS, padding: 0 };
  const projection = projectionOf(cameraOf(view, size), size);
  const topology = simplifyTopology(
    generated('atlas-overview.topo.json') as Topology,
    (lngLat) => projection(lngLat) ?? [0, 0],
    TOLERANCE_PX,
  );
  return (
    <StaticMap
      features={buildMapFeatures(topology, places, content)}
      places={placeIndex}
      themeDistricts={new ContentIndex(content, placeIndex).themeDistricts()}
      state={FIRST_PAINT_STATE}
      view={view}
      size={size}
      title={t('map.label')}
    />
  );
}

/** The frame of the page around the map, as App/AtlasView and EmbedChrome lay it out. */
function FirstPaint({ page }: { page: FirstPaintPage }) {
  const map = <div class="first-paint-map">{firstPaintMap(page)}</div>;
  if (page === 'embed') {
    const places = new PlaceIndex(generated('places.json'));
    return (
      <div class="first-paint" data-first-paint="">
        <div class="embed">
          <header class="embed-header">
            <h1>{t('app.title')}</h1>
            <span class="embed-links">
              <a class="embed-open" href="./" target="_blank" rel="noopener">
                {t('embed.openFull')}
              </a>
            </span>
          </header>
          <div class="embed-map">
            {map}
            <Legend places={places} />
          </div>
        </div>
      </div>
    );
  }
  return (
    <div class="first-paint" data-first-paint="">
      <div class="atlas">
        <header class="app-header">
          <div class="app-titles">
            <h1>{t('app.title')}</h1>
            <p>{t('app.subtitle')}</p>
          </div>
        </header>
        <main class="app-main">
          <div class="map-area">{map}</div>
          <div class="panel" />
        </main>
      </div>
    </div>
  );
}

export function renderFirstPaint(page: FirstPaintPage): string {
  return compactPaths(renderToString(<FirstPaint page={page} />));
}
