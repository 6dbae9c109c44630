/**
 * "Save image" in the browser: the current view (the camera the map publishes on its
 * container, at the container's size) composed into one SVG (SavedImage.tsx), saved as it is
 * or drawn to a canvas and saved as PNG. Loaded on the first save, not with the page.
 *
 * The PNG is drawn from a blob: URL of the SVG, which is why the Content-Security-Policy allows
 * `img-src blob:`. An SVG drawn as an image may use the device's fonts but load none: the page
 * uses device fonts only, so the image's texts are set in the page's own font list.
 */
import { render } from 'preact';
import type { Topology } from 'topojson-specification';
import type { ContentIndex } from '../content/queries';
import { loadDetailTopology } from '../data/load-data';
import { buildMapFeatures } from '../data/map-features';
import type { PlaceIndex } from '../data/place-index';
import type { Translate } from '../i18n/messages';
import { needsDetail } from '../map/detail';
import type { AtlasState } from '../state/atlas-state';
import { compactPaths } from '../static-map/compact-paths';
import type { Size } from '../static-map/projection';
import type { Lang } from '../types/atlas-data';
import { currentView } from './current-view';
import { layoutImage, type Measure } from './image-layout';
import { type ImageFormat, imageFileName, imageTexts } from './image-texts';
import { SavedImage } from './SavedImage';

export interface SaveImageInput {
  format: ImageFormat;
  scale: number;
  overview: Topology;
  t: Translate;
  lang: Lang;
  places: PlaceIndex;
  content: ContentIndex;
  state: AtlasState;
}

/** The page's own font list: the image's texts are set in it. */
export function pageFontFamily(): string {
  return getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
}

function canvasMeasure(fontFamily: string): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text, fontSize, fontWeight) => {
    if (!context) return text.length * fontSize;
    context.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
    return context.measureText(text).width;
  };
}

/**
 * The composed image as SVG text, and its size (the map's, grown by the texts around it). Path
 * data is written as relative steps of a tenth of a px: finer than a pixel at 2×, and about
 * half the bytes of absolute coordinates.
 */
export async function composeImageSvg(input: SaveImageInput): Promise<{ svg: string; size: Size }> {
  const { state, places, content, t, lang, scale } = input;
  const { camera, size } = currentView(state, places);
  // More pixels per degree at 2×: the detailed borders are wanted a zoom level sooner.
  const topology = needsDetail(camera.zoom + Math.log2(scale)) ? await loadDetailTopology() : input.overview;
  const features = buildMapFeatures(topology, places.data, content.data);
  const fontFamily = pageFontFamily();
  const texts = imageTexts({
    t,
    lang,
    places,
    content,
    layers: state.layers,
    population: state.population,
    sel: state.sel,
    date: new Date(),
  });
  const layout = layoutImage(size, texts, canvasMeasure(fontFamily));
  const passagePlaces = state.passage ? (content.passages.get(state.passage)?.places ?? []) : [];
  const holder = document.createElement('div');
  render(
    <SavedImage
      map={{
        features,
        places,
        themeDistricts: content.themeDistricts(),
        state: { lang, layers: state.layers, population: state.population, sel: state.sel },
        passagePlaces,
        view: camera,
        size,
        title: t('map.label'),
      }}
      layout={layout}
      scale={scale}
      fontFamily={fontFamily}
      title={texts.selection ? `${texts.title}: ${texts.selection}` : texts.title}
    />,
    holder,
  );
  const element = holder.firstElementChild;
  if (!element) throw new Error('the image did not render');
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${compactPaths(new XMLSerializer().serializeToString(element))}\n`;
  render(null, holder);
  return { svg, size: { width: layout.width, height: layout.height } };
}

/** The SVG drawn on a canvas of its pixel size, as PNG. */
async function rasterise(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG was not made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has taken the blob by the next task; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function saveImage(input: SaveImageInput): Promise<void> {
  const { svg, size } = await composeImageSvg(input);
  const name = imageFileName(input.places, input.state.sel, input.scale, input.format);
  if (input.format === 'svg') {
    saveBlob(name, new Blob([svg], { type: 'image/svg+xml' }));
    return;
  }
  saveBlob(name, await rasterise(svg, size.width * input.scale, size.height * input.scale));
}
