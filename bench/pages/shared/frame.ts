/**
 * What every baseline page shares with the atlas: the default view (the atlas's
 * CHONGQING_BOUNDS and padding, src/map/atlas-map.ts) and the map's size in pixels, which
 * the benchmark passes as ?w=&h= (the atlas's canvas size) so every page draws as many pixels.
 */
export const CHONGQING_BOUNDS: [[number, number], [number, number]] = [
  [105.28, 28.16],
  [110.2, 32.2],
];
export const FIT_PADDING = 24;

export const DISTRICT_FILL = '#ece6d8';
export const DISTRICT_LINE = '#8c8372';

/**
 * The page's map container, sized as the benchmark asks (the whole window by default).
 * Styled through the CSSOM: the server's Content-Security-Policy allows no inline <style>.
 */
export function mapContainer(): HTMLElement {
  const element = document.getElementById('map');
  if (!element) throw new Error('the page has no #map');
  const query = new URLSearchParams(location.search);
  const width = Number(query.get('w'));
  const height = Number(query.get('h'));
  document.body.style.margin = '0';
  element.style.width = width > 0 ? `${width}px` : '100vw';
  element.style.height = height > 0 ? `${height}px` : '100vh';
  return element;
}
