/**
 * The embed page around the map: a title; the map with its popups and attribution and, over it,
 * the legend of the visible layers (the page fills its iframe and never scrolls); a link to the
 * full map carrying the current state, a share button that shares that same full-map link, and
 * "Save image".
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { parseEmbedOptions, stateToUrl } from '../state/url-state';
import { useAtlas } from './atlas-context';
import { MapLegend } from './Legend';
import { SaveImage } from './SaveImage';
import { ShareButton } from './ShareButton';

/** The full map's address, next to embed.html. */
export function fullMapHref(url: string): string {
  return `./${url}`;
}

export function EmbedChrome({ map, overview }: { map: ComponentChildren; overview: Topology }) {
  const { t, state } = useAtlas();
  const options = useMemo(() => parseEmbedOptions(location.search), []);
  return (
    <div class="embed">
      <header class="embed-header">
        {options.showTitle ? <h1>{t('app.title')}</h1> : <h1 class="visually-hidden">{t('app.title')}</h1>}
        <span class="embed-links">
          <a class="embed-open" href={fullMapHref(stateToUrl(state))} target="_blank" rel="noopener">
            {t('embed.openFull')}
          </a>
          <ShareButton url={() => new URL(fullMapHref(stateToUrl(state)), location.href).href} />
          <SaveImage overview={overview} />
        </span>
      </header>
      <div class="embed-map">
        {map}
        {options.showLegend && <MapLegend embedded />}
      </div>
    </div>
  );
}
