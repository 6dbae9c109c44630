/**
 * Where the saved image's texts go over the map: a band at the top with the title and the
 * selection's name, the legend of the layers shown in a box at the bottom left, and a band at
 * the bottom with the attribution, the map-review caveat and the date. Pure: text widths come
 * from the `measure` given (the page's canvas in the browser), so the same inputs give the
 * same layout, and the image keeps the map's size whatever the texts.
 */
import type { LegendSwatch } from '../layers/registry';
import type { LegendGroup } from './legend-rows';

/** The width of a text in px at a font size and weight. */
export type Measure = (text: string, fontSize: number, fontWeight: number) => number;

export interface ImageTexts {
  title: string;
  /** The selected place's name, or null. */
  selection: string | null;
  legend: readonly LegendGroup[];
  /** Attribution lines, the map-review caveat among them. */
  credits: readonly string[];
  /** The date line ("Made 5 December 2026"). */
  date: string;
}

export interface TextLine {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  fontSize: number;
  fontWeight: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SwatchMark {
  swatch: LegendSwatch;
  colour: string;
  /** The swatch's box; its text is among the legend's lines. */
  box: Box;
}

export interface ImageLayout {
  width: number;
  height: number;
  header: Box;
  title: TextLine;
  selection: TextLine | null;
  legend: { box: Box; lines: TextLine[]; swatches: SwatchMark[] } | null;
  footer: Box;
  credits: TextLine[];
}

export const IMAGE_TYPE = {
  padding: 12,
  title: { fontSize: 20, fontWeight: 700 },
  selection: { fontSize: 15, fontWeight: 600 },
  legendHeading: { fontSize: 12, fontWeight: 700 },
  legendRow: { fontSize: 11, fontWeight: 400 },
  credit: { fontSize: 10, fontWeight: 400 },
  lineHeight: 1.35,
  swatch: 14,
} as const;

/** Chinese characters break anywhere; other text at spaces. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g;

/** A text broken into lines no wider than `width` (a single word wider than that keeps its own line). */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    const next = line + token;
    if (line.trim() !== '' && measure(next.trimEnd()) > width && token.trim() !== '') {
      lines.push(line.trimEnd());
      line = token;
    } else {
      line = line === '' ? token.trimStart() : next;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The text cut to `width`, with an ellipsis where it was cut. */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const characters = [...text];
  while (characters.length > 0 && measure(`${characters.join('')}…`) > width) characters.pop();
  return `${characters.join('')}…`;
}

const lineStep = (fontSize: number) => Math.round(fontSize * IMAGE_TYPE.lineHeight);

export function layoutImage(size: { width: number; height: number }, texts: ImageTexts, measure: Measure): ImageLayout {
  const { padding } = IMAGE_TYPE;
  const inner = Math.max(0, size.width - 2 * padding);
  const measureIn = (type: { fontSize: number; fontWeight: number }) => (text: string) =>
    measure(text, type.fontSize, type.fontWeight);

  // The top band: the title, then the selection's name.
  let y = padding + IMAGE_TYPE.title.fontSize;
  const title: TextLine = {
    text: fitText(texts.title, inner, measureIn(IMAGE_TYPE.title)),
    x: padding,
    y,
    ...IMAGE_TYPE.title,
  };
  let selection: TextLine | null = null;
  if (texts.selection) {
    y += lineStep(IMAGE_TYPE.selection.fontSize);
    selection = {
      text: fitText(texts.selection, inner, measureIn(IMAGE_TYPE.selection)),
      x: padding,
      y,
      ...IMAGE_TYPE.selection,
    };
  }
  const header: Box = { x: 0, y: 0, width: size.width, height: Math.ceil(y + padding * 0.75) };

  // The bottom band: each credit wrapped to the width, then the date.
  const creditStep = lineStep(IMAGE_TYPE.credit.fontSize);
  const creditTexts = [...texts.credits, texts.date].flatMap((credit) =>
    wrapText(credit, inner, measureIn(IMAGE_TYPE.credit)),
  );
  const footerHeight = Math.ceil(padding + creditTexts.length * creditStep);
  const footer: Box = { x: 0, y: size.height - footerHeight, width: size.width, height: footerHeight };
  const credits = creditTexts.map((text, index) => ({
    text,
    x: padding,
    y: footer.y + padding / 2 + IMAGE_TYPE.credit.fontSize + index * creditStep,
    ...IMAGE_TYPE.credit,
  }));

  return {
    width: size.width,
    height: size.height,
    header,
    title,
    selection,
    legend: layoutLegend(texts.legend, { x: padding, bottom: footer.y - padding, maxWidth: inner }, measure),
    footer,
    credits,
  };
}

/** The legend's box stands on `bottom`; its rows are as wide as their longest text. */
function layoutLegend(
  groups: readonly LegendGroup[],
  place: { x: number; bottom: number; maxWidth: number },
  measure: Measure,
): ImageLayout['legend'] {
  if (groups.length === 0) return null;
  const { padding, swatch: swatchSize, legendHeading, legendRow } = IMAGE_TYPE;
  const inset = padding * 0.75;
  const gap = 6;
  const textWidth = Math.max(
    ...groups.flatMap((group) => [
      measure(group.heading, legendHeading.fontSize, legendHeading.fontWeight),
      ...group.rows.map(
        (row) =>
          measure(row.label, legendRow.fontSize, legendRow.fontWeight) + (row.kind === 'swatch' ? swatchSize + gap : 0),
      ),
    ]),
  );
  const width = Math.ceil(Math.min(place.maxWidth, textWidth + 2 * inset));
  const textRoom = width - 2 * inset;
  const headingStep = lineStep(legendHeading.fontSize) + 2;
  const rowStep = Math.max(swatchSize + 4, lineStep(legendRow.fontSize));
  // Laid out from y = 0, then moved to stand on the bottom.
  const lines: TextLine[] = [];
  const swatches: SwatchMark[] = [];
  let y = inset;
  groups.forEach((group, index) => {
    if (index > 0) y += gap;
    y += headingStep;
    lines.push({
      text: fitText(group.heading, textRoom, (text) => measure(text, legendHeading.fontSize, legendHeading.fontWeight)),
      x: place.x + inset,
      y: y - headingStep + legendHeading.fontSize,
      ...legendHeading,
    });
    for (const row of group.rows) {
      const indent = row.kind === 'swatch' ? swatchSize + gap : 0;
      const baseline = y + (rowStep + legendRow.fontSize) / 2 - 2;
      lines.push({
        text: fitText(row.label, textRoom - indent, (text) => measure(text, legendRow.fontSize, legendRow.fontWeight)),
        x: place.x + inset + indent,
        y: baseline,
        ...legendRow,
      });
      if (row.kind === 'swatch') {
        swatches.push({
          swatch: row.swatch,
          colour: row.colour,
          box: { x: place.x + inset, y: y + (rowStep - swatchSize) / 2, width: swatchSize, height: swatchSize },
        });
      }
      y += rowStep;
    }
  });
  const height = Math.ceil(y + inset);
  const top = place.bottom - height;
  return {
    box: { x: place.x, y: top, width, height },
    lines: lines.map((line) => ({ ...line, y: line.y + top })),
    swatches: swatches.map((mark) => ({ ...mark, box: { ...mark.box, y: mark.box.y + top } })),
  };
}
