/**
 * The height an embed asks its host for (the host script sizes its iframe to it): what the page
 * has around the map, plus a map three quarters as tall as it is wide, within 340–560 px. The
 * page fills whatever height its iframe has, so this is what it would like, never what it needs.
 */
const MAP_HEIGHT = { perWidth: 0.75, min: 340, max: 560 };

export function preferredEmbedHeight(page: { width: number; height: number }, mapHeight: number): number {
  const map = Math.min(MAP_HEIGHT.max, Math.max(MAP_HEIGHT.min, page.width * MAP_HEIGHT.perWidth));
  return Math.ceil(page.height - mapHeight + map);
}
