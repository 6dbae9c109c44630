/**
 * The map the HTML paints before any script runs (written in by the build, scripts/first-paint/):
 * it stays while the app loads its data, and goes once the app shows something of its own in
 * its place (its own first view, the map without WebGL, or an error).
 */
const FIRST_PAINT = '[data-first-paint]';

/** Empties the app's element of the HTML's loading texts, keeping the HTML's map. */
export function keepOnlyFirstPaint(root: HTMLElement): void {
  const firstPaint = root.querySelector(FIRST_PAINT);
  root.replaceChildren(...(firstPaint ? [firstPaint] : []));
}

export function removeFirstPaint(): void {
  document.querySelector(FIRST_PAINT)?.remove();
}

/** Takes the HTML's map out of its frame, for the app to show in its own map's place. */
export function takeFirstPaintMap(): SVGSVGElement | null {
  const svg = document.querySelector<SVGSVGElement>(`${FIRST_PAINT} .first-paint-map > svg`);
  svg?.remove();
  return svg;
}
