/**
 * The embed page's minimal chrome: a title, the map with its popups and attribution, the
 * legend of the visible layers, and a link to the full map carrying the current state.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseEmbedOptions, stateToUrl } from '../state/url-state';
import { useAtlas } from './atlas-context';
import { MapLegend } from './Legend';

/** The full map's address, next to embed.html. */
export function fullMapHref(url: string): string {
  return `./${url}`;
}

export function EmbedChrome({ map }: { map: ComponentChildren }) {
  const { t, state } = useAtlas();
  const options = useMemo(() => parseEmbedOptions(location.search), []);
  return (
    <div class="embed">
      <header class="embed-header">
        {options.showTitle ? <h1>{t('app.title')}</h1> : <h1 class="visually-hidden">{t('app.title')}</h1>}
        <a class="embed-open" href={fullMapHref(stateToUrl(state))} target="_blank" rel="noopener">
          {t('embed.openFull')}
        </a>
      </header>
      <div class="embed-map">{map}</div>
      {options.showLegend && <MapLegend />}
    </div>
  );
}
