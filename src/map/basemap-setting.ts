/**
 * The optional basemap, as the build wrote it into the page (`ATLAS_BASEMAP`, vite.config.ts):
 * a `<meta name="atlas-basemap">` whose content is `{"url": …, "attribution": …}`. Read from
 * the page rather than compiled in, so that one build can be pointed at another basemap by
 * editing its HTML (the end-to-end test does) and the default build carries no URL at all.
 * No meta, or one that does not parse: no basemap, and the map makes no request elsewhere.
 */
export interface BasemapSetting {
  /** A MapLibre style.json, or a PMTiles archive (`.pmtiles`, or `pmtiles://…`). */
  url: string;
  /** Its credit line, shown with the atlas's own. */
  attribution: string;
}

export const BASEMAP_META_NAME = 'atlas-basemap';

export function parseBasemapSetting(content: string | null | undefined): BasemapSetting | null {
  if (!content) return null;
  try {
    const value: unknown = JSON.parse(content);
    if (typeof value !== 'object' || value === null) return null;
    const { url, attribution } = value as Record<string, unknown>;
    if (typeof url !== 'string' || url.trim() === '') return null;
    return { url, attribution: typeof attribution === 'string' ? attribution : '' };
  } catch {
    return null;
  }
}

/** The page's basemap, its URL made absolute (a relative one is next to the page, on its origin). */
export function basemapSetting(doc: Document = document): BasemapSetting | null {
  const setting = parseBasemapSetting(doc.querySelector(`meta[name="${BASEMAP_META_NAME}"]`)?.getAttribute('content'));
  if (!setting) return null;
  const archive = setting.url.startsWith(PMTILES_SCHEME);
  try {
    const absolute = new URL(archive ? setting.url.slice(PMTILES_SCHEME.length) : setting.url, doc.baseURI).href;
    return { ...setting, url: archive ? PMTILES_SCHEME + absolute : absolute };
  } catch {
    return null;
  }
}

export const PMTILES_SCHEME = 'pmtiles://';

/** Whether the basemap is one PMTiles archive (else a MapLibre style.json). */
export function isArchive(url: string): boolean {
  return url.startsWith(PMTILES_SCHEME) || /\.pmtiles(?:[?#]|$)/.test(url);
}
