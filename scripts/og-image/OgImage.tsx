/**
 * The link-preview picture (1200 × 630): the
 * default view of the static map on the right, the bilingual title and subtitle on the left, the
 * data's credits (places.json) below them.
 * Pure, as the static map is; its text is drawn in the committed font subset only, so every
 * character here must be in it (`npm run font:subset` reads them from this picture).
 */

import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Topology } from 'topojson-specification';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import { DEFAULT_LAYERS } from '../../src/layers/registry';
import { COLOURS } from '../../src/map/palette';
import { StaticMap } from '../../src/static-map/StaticMap';
import type { PlacesData } from '../../src/types/atlas-data';
import type { ContentData } from '../../src/types/content';
import { OG_FONT_FAMILY } from './fonts';
import { OG_IMAGE_SIZE } from './image-size';
import { IMAGE_TEXTS, PREVIEW_IMAGE_ALT } from './texts';
import { wrapLines } from './wrap-lines';

/** The data the picture is drawn from: the overview topology, places and content (src/generated). */
export interface OgImageData {
  overview: Topology;
  places: PlacesData;
  content: ContentData;
}

const MAP_LEFT = 560;
const MAP_PADDING = 28;
const TEXT_LEFT = 64;
const TEXT_WIDTH = MAP_LEFT - TEXT_LEFT - 24;
const SUBTITLE_COLOUR = '#4a463e';

interface TextStyle {
  lang: 'zh-Hans' | 'en';
  size: number;
  weight: 400 | 700;
  colour: string;
}

interface Block extends TextStyle {
  text: string;
  /** Space above the block, in px. */
  gap: number;
}

const BLOCKS: readonly Block[] = [
  { text: IMAGE_TEXTS.titleZh, lang: 'zh-Hans', size: 54, weight: 700, colour: COLOURS.label, gap: 0 },
  { text: IMAGE_TEXTS.titleEn, lang: 'en', size: 36, weight: 700, colour: COLOURS.label, gap: 14 },
  { text: IMAGE_TEXTS.subtitleZh, lang: 'zh-Hans', size: 22, weight: 400, colour: SUBTITLE_COLOUR, gap: 36 },
  { text: IMAGE_TEXTS.subtitleEn, lang: 'en', size: 20, weight: 400, colour: SUBTITLE_COLOUR, gap: 12 },
];
const LINE_HEIGHT = 1.3;
/** Noto Sans CJK's descent below the baseline, in em: a line's baseline sits that far above its box's bottom. */
const DESCENT = 0.12;
const CREDIT_SIZE = 13;
const CREDIT_BOTTOM = 26;

interface Line {
  text: string;
  style: TextStyle;
  baseline: number;
}

/** The blocks' lines and baselines, the whole text centred on the picture's height. */
function layOut(): Line[] {
  const lines: Line[] = [];
  let y = 0;
  for (const block of BLOCKS) {
    y += block.gap;
    for (const text of wrapLines(block.text, TEXT_WIDTH, block.size)) {
      y += block.size * LINE_HEIGHT;
      lines.push({ text, style: block, baseline: y - block.size * (LINE_HEIGHT - 1 + DESCENT) });
    }
  }
  const top = (OG_IMAGE_SIZE.height - y) / 2;
  return lines.map((line) => ({ ...line, baseline: Math.round(top + line.baseline) }));
}

/** The data's credits, one a line, Chinese then English. */
function layOutCredits(places: PlacesData): Omit<Line, 'baseline'>[] {
  return (['zh', 'en'] as const).flatMap((lang) => {
    const style: TextStyle = {
      lang: lang === 'zh' ? 'zh-Hans' : 'en',
      size: CREDIT_SIZE,
      weight: 400,
      colour: SUBTITLE_COLOUR,
    };
    return places.attribution.flatMap((entry) =>
      wrapLines(entry[lang], TEXT_WIDTH, CREDIT_SIZE).map((text) => ({ text, style })),
    );
  });
}

/** Lines set from the bottom margin up. */
function fromBottom(lines: Omit<Line, 'baseline'>[]): Line[] {
  const step = CREDIT_SIZE * LINE_HEIGHT;
  return lines.map((line, index) => ({
    ...line,
    baseline: Math.round(OG_IMAGE_SIZE.height - CREDIT_BOTTOM - (lines.length - 1 - index) * step),
  }));
}

export function OgImage({ overview, places, content }: OgImageData): JSX.Element {
  const placeIndex = new PlaceIndex(places);
  const features = buildMapFeatures(overview, places, content);
  const themeDistricts = new ContentIndex(content, placeIndex).themeDistricts();
  const municipality = placeIndex.regions.get('chongqing')?.bbox;
  if (!municipality) throw new Error('places.json has no region "chongqing" to fit the picture to');
  const [west, south, east, north] = municipality;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={OG_IMAGE_SIZE.width}
      height={OG_IMAGE_SIZE.height}
      viewBox={`0 0 ${OG_IMAGE_SIZE.width} ${OG_IMAGE_SIZE.height}`}
      role="img"
      aria-label={PREVIEW_IMAGE_ALT}
    >
      <rect width={OG_IMAGE_SIZE.width} height={OG_IMAGE_SIZE.height} fill={COLOURS.background} />
      <g transform={`translate(${MAP_LEFT} 0)`}>
        <StaticMap
          features={features}
          places={placeIndex}
          themeDistricts={themeDistricts}
          state={{ lang: 'zh', layers: DEFAULT_LAYERS, population: DEFAULT_POPULATION_MEASURE, sel: null }}
          view={{
            bounds: [
              [west, south],
              [east, north],
            ],
            padding: MAP_PADDING,
          }}
          size={{ width: OG_IMAGE_SIZE.width - MAP_LEFT, height: OG_IMAGE_SIZE.height }}
          labels={false}
        />
      </g>
      <g font-family={OG_FONT_FAMILY} data-kind="og-text">
        {[...layOut(), ...fromBottom(layOutCredits(places))].map(({ text, style, baseline }) => (
          <text
            key={`${style.lang}-${baseline}`}
            x={TEXT_LEFT}
            y={baseline}
            font-size={style.size}
            font-weight={style.weight}
            fill={style.colour}
            lang={style.lang}
          >
            {text}
          </text>
        ))}
      </g>
    </svg>
  );
}

export const ogImageSvg = (data: OgImageData): string => renderToString(<OgImage {...data} />);

/** Every character the picture draws as text, in the order drawn (entities decoded). */
export function drawnCharacters(svg: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
    .map((match) =>
      (match[1] ?? '').replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, name: string) =>
        name.startsWith('#x') || name.startsWith('#X')
          ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
          : name.startsWith('#')
            ? String.fromCodePoint(Number(name.slice(1)))
            : (entities[name] ?? entity),
      ),
    )
    .join('');
}
