/**
 * The static map's place names: the same labels in the same priority order as the map's HTML
 * names (map-labels.ts), placed by the same greedy layout (label-layout.ts). Without a DOM to
 * measure, a label's box is estimated from its text: a CJK character is about one em wide, a
 * Latin one about 0.56 em.
 */
import type { MapFeatures } from '../data/map-features';
import type { LayerId } from '../layers/registry';
import { districtLabelSize, labelBox, placeLabels } from '../map/label-layout';
import { type MapLabel, mapLabelsOf } from '../map/map-labels';
import type { Lang, LngLat } from '../types/atlas-data';
import type { Size } from './projection';

/** Font sizes and spacing as atlas.css sets them for the HTML names. */
const SCHEMATIC_SIZE = 12;
const PROVINCE_SIZE = 14;
const PROVINCE_LETTER_SPACING_EM = 0.2;
export const LABEL_LINE_HEIGHT = 1.2;
/** A schematic name hangs this far below its node, in em (map-labels.ts). */
const SCHEMATIC_OFFSET_EM = 1.2;
/** The HTML names wrap at spaces beyond these widths (atlas.css `.map-label` max-width). */
const WRAP_EM = { district: 6, province: 8, schematic: 8 } as const;

export interface PlacedLabel {
  label: MapLabel;
  text: string;
  /** The text as the HTML name wraps it, a line each (Chinese names never wrap: no spaces). */
  lines: string[];
  /** The centre of its box, in px. */
  x: number;
  y: number;
  fontSize: number;
  letterSpacing: number;
}

const wide = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A text's estimated width in em. */
export function textWidthEm(text: string, letterSpacingEm = 0): number {
  let width = 0;
  for (const char of text) width += (wide.test(char) ? 1 : 0.56) + letterSpacingEm;
  return width;
}

/** Lines broken at spaces so that each fits `maxEm` where it can, as CSS wraps `white-space: normal`. */
export function wrapLines(text: string, maxEm: number, letterSpacingEm = 0): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? word : `${last} ${word}`;
    if (last !== undefined && textWidthEm(joined, letterSpacingEm) <= maxEm) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines;
}

function fontSizeOf(label: MapLabel, zoom: number): number {
  if (label.kind === 'schematic') return SCHEMATIC_SIZE;
  if (label.kind === 'province') return PROVINCE_SIZE;
  return Math.round(districtLabelSize(zoom) * 4) / 4;
}

/** The labels shown on a map of a size at a zoom, with where each goes. */
export function placeStaticLabels(
  features: MapFeatures,
  layers: ReadonlySet<LayerId>,
  lang: Lang,
  project: (lngLat: LngLat) => { x: number; y: number },
  size: Size,
  zoom: number,
): PlacedLabel[] {
  const candidates = mapLabelsOf(features).filter(
    (label) => label.kind !== 'schematic' || (label.layer !== undefined && layers.has(label.layer)),
  );
  const measured = candidates.map((label) => {
    const text = lang === 'zh' ? label.nameZh : label.nameEn;
    const fontSize = fontSizeOf(label, zoom);
    const spacing = label.kind === 'province' ? PROVINCE_LETTER_SPACING_EM : 0;
    const lines = wrapLines(text, WRAP_EM[label.kind], spacing);
    const box = {
      width: Math.max(...lines.map((line) => textWidthEm(line, spacing))) * fontSize,
      height: LABEL_LINE_HEIGHT * fontSize * lines.length,
    };
    const point = project(label.lngLat);
    return {
      label,
      text,
      lines,
      fontSize,
      letterSpacing: spacing * fontSize,
      box:
        label.kind === 'schematic'
          ? labelBox(point, box, 'top', SCHEMATIC_OFFSET_EM * SCHEMATIC_SIZE)
          : labelBox(point, box, 'center'),
    };
  });
  const shown = placeLabels(
    measured.map((item) => item.box),
    size,
  );
  return measured.flatMap((item, index) =>
    shown[index]
      ? [
          {
            label: item.label,
            text: item.text,
            lines: item.lines,
            x: item.box.left + item.box.width / 2,
            y: item.box.top + item.box.height / 2,
            fontSize: item.fontSize,
            letterSpacing: item.letterSpacing,
          },
        ]
      : [],
  );
}
