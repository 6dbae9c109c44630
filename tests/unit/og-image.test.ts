/**
 * The link-preview image (scripts/og-image/): drawn from the built data to a 1200 × 630 PNG in
 * the committed font subset, which must hold every character the image writes.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { charactersMissingFrom } from '../../scripts/og-image/font-coverage';
import { OG_FONTS } from '../../scripts/og-image/fonts';
import { OG_IMAGE_SIZE } from '../../scripts/og-image/image-size';
import { drawnCharacters, type OgImageData, ogImageSvg } from '../../scripts/og-image/OgImage';
import { renderOgPng } from '../../scripts/og-image/render-png';
import { IMAGE_TEXTS } from '../../scripts/og-image/texts';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import { DEFAULT_LAYERS } from '../../src/layers/registry';
import { type DistrictFillProperties, districtFills } from '../../src/map/district-colours';
import { channels } from '../../src/map/palette';
import { loadContent, loadOverviewTopology, loadPlaces } from '../support/artifacts';

const data: OgImageData = { overview: loadOverviewTopology(), places: loadPlaces(), content: loadContent() };
const svg = ogImageSvg(data);

/** The colour a district is filled with in the default view (its topmost opaque fill). */
function defaultFill(code: string): string {
  const places = new PlaceIndex(data.places);
  const features = buildMapFeatures(data.overview, data.places, data.content);
  const feature = features.districts.features.find((candidate) => String(candidate.properties?.code) === code);
  const fills = districtFills(
    feature?.properties as DistrictFillProperties,
    new Set(DEFAULT_LAYERS),
    new ContentIndex(data.content, places).themeDistricts(),
    DEFAULT_POPULATION_MEASURE,
  );
  const opaque = fills.filter((fill) => fill.opacity === 1).at(-1);
  if (!opaque) throw new Error(`district ${code} has no opaque fill by default`);
  return opaque.colour;
}

describe('the link-preview image', () => {
  const png = PNG.sync.read(renderOgPng(svg));
  const pixel = (x: number, y: number) =>
    Array.from(png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3));
  const count = (region: { x0: number; x1: number; y0: number; y1: number }, test: (rgb: number[]) => boolean) => {
    let n = 0;
    for (let y = region.y0; y < region.y1; y += 1)
      for (let x = region.x0; x < region.x1; x += 1) if (test(pixel(x, y))) n += 1;
    return n;
  };

  it('is a 1200 × 630 PNG', () => {
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(OG_IMAGE_SIZE).toEqual({ width: 1200, height: 630 });
  });

  it('writes its title in dark text on the left, and leaves the map side free of it', () => {
    const dark = ([r, g, b]: number[]) => (r ?? 255) < 80 && (g ?? 255) < 80 && (b ?? 255) < 80;
    // The title's glyphs cover a good part of the text column; the font subset drew them.
    expect(count({ x0: 40, x1: 540, y0: 60, y1: 570 }, dark)).toBeGreaterThan(10_000);
    expect(count({ x0: 0, x1: 40, y0: 0, y1: 630 }, dark)).toBe(0);
  });

  it('fills the districts in the default view’s colours', () => {
    for (const code of ['500101', '500114', '500116']) {
      const target = channels(defaultFill(code));
      const matching = count({ x0: 560, x1: 1200, y0: 0, y1: 630 }, (rgb) => rgb.every((c, i) => c === target[i]));
      expect(matching, `${code} ${defaultFill(code)}`).toBeGreaterThan(2_000);
    }
  });

  it('draws the bilingual title and subtitle as text', () => {
    const drawn = drawnCharacters(svg);
    for (const text of [IMAGE_TEXTS.titleZh, IMAGE_TEXTS.subtitleZh]) expect(drawn).toContain(text);
    for (const word of [...IMAGE_TEXTS.titleEn.split(' '), ...IMAGE_TEXTS.subtitleEn.split(' ')]) {
      expect(drawn).toContain(word);
    }
  });
});

describe('the committed font subset', () => {
  it.each(OG_FONTS.map((font) => [font.file, font] as const))('%s holds every character the image draws', (_, font) => {
    // Fails after a change to the image's texts: run `npm run font:subset` and commit the fonts.
    expect(charactersMissingFrom(font, drawnCharacters(svg))).toEqual([]);
  });

  it('is all the renderer draws with: not the machine’s fonts', () => {
    const darkPixels = (text: string) => {
      const tiny = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="45" font-size="40" font-family="Noto Sans CJK SC, DejaVu Sans, sans-serif">${text}</text></svg>`;
      const image = PNG.sync.read(renderOgPng(tiny));
      let dark = 0;
      for (let at = 0; at < image.data.length; at += 4) if ((image.data[at] ?? 255) < 128) dark += 1;
      return dark;
    };
    // 鬱 is not in the subset, only in a full CJK font such as the one this machine may have: it is
    // drawn as the subset's missing-glyph box, exactly as a private-use character no font has.
    const missingBox = darkPixels('\u{E000}');
    expect(darkPixels('鬱')).toBe(missingBox);
    expect(darkPixels('重')).not.toBe(missingBox);
  });

  it('is only a subset: a character the image does not draw is missing', () => {
    for (const font of OG_FONTS) expect(charactersMissingFrom(font, '重鬱')).toEqual(['鬱']);
  });
});
