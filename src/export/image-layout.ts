/**
 * Where the saved image's parts go around the map: a band at the top with the title and the
 * selection's name, the map at the view's size, the legend of the layers shown beside the map
 * on a landscape view and below it on a portrait or narrow one, and a band at the bottom with
 * the attribution, the map-review caveat and the date. Nothing covers the map: the image grows
 * around it. Every text wraps to its box. Pure: text widths come from the `measure` given (the
 * page's canvas in the browser), so the same inputs give the same layout.
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
  /** The title's lines. */
  title: TextLine[];
  /** The selected place's name's lines; empty when none is selected. */
  selection: TextLine[];
  /** Where the map of the view's size is drawn. */
  map: Box;
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
  /** The legend's column beside a landscape map. */
  legendColumn: 300,
} as const;

/** A view at least this wide, and wider than tall, gets its legend beside the map; others below it. */
const LEGEND_BESIDE_MIN_WIDTH = 560;

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

const lineStep = (fontSize: number) => Math.round(fontSize * IMAGE_TYPE.lineHeight);

type TextType = { fontSize: number; fontWeight: number };

/** A text wrapped to `width` as lines from the baseline `top + fontSize` down; returns the lines and the y below them. */
function wrappedLines(
  text: string,
  type: TextType,
  place: { x: number; top: number; width: number },
  measure: Measure,
): { lines: TextLine[]; bottom: number } {
  const step = lineStep(type.fontSize);
  const texts = wrapText(text, place.width, (line) => measure(line, type.fontSize, type.fontWeight));
  const lines = texts.map((line, index) => ({
    text: line,
    x: place.x,
    y: place.top + type.fontSize + index * step,
    ...type,
  }));
  return { lines, bottom: place.top + (texts.length === 0 ? 0 : type.fontSize + (texts.length - 1) * step) };
}

export function layoutImage(
  mapSize: { width: number; height: number },
  texts: ImageTexts,
  measure: Measure,
): ImageLayout {
  const { padding } = IMAGE_TYPE;
  const beside = texts.legend.length > 0 && mapSize.width >= LEGEND_BESIDE_MIN_WIDTH && mapSize.width > mapSize.height;
  const width = mapSize.width + (beside ? IMAGE_TYPE.legendColumn : 0);
  const inner = Math.max(0, width - 2 * padding);

  // The top band: the title, then the selection's name, each wrapped to the image's width.
  const title = wrappedLines(texts.title, IMAGE_TYPE.title, { x: padding, top: padding, width: inner }, measure);
  const selection = texts.selection
    ? wrappedLines(
        texts.selection,
        IMAGE_TYPE.selection,
        {
          x: padding,
          top: title.bottom + lineStep(IMAGE_TYPE.selection.fontSize) - IMAGE_TYPE.selection.fontSize,
          width: inner,
        },
        measure,
      )
    : { lines: [], bottom: title.bottom };
  const header: Box = { x: 0, y: 0, width, height: Math.ceil(selection.bottom + padding * 0.75) };
  const map: Box = { x: 0, y: header.height, width: mapSize.width, height: mapSize.height };

  // The legend beside the map (a column on its right) or below it (the map's width).
  const legend = beside
    ? layoutLegend(
        texts.legend,
        { x: map.x + map.width + padding, top: map.y + padding, width: IMAGE_TYPE.legendColumn - 2 * padding },
        measure,
      )
    : layoutLegend(texts.legend, { x: padding, top: map.y + map.height + padding, width: inner }, measure);
  const legendBottom = legend ? legend.box.y + legend.box.height + padding : 0;
  const bodyBottom = Math.max(map.y + map.height, legendBottom);

  // The bottom band: each credit wrapped to the width, then the date.
  const creditStep = lineStep(IMAGE_TYPE.credit.fontSize);
  const creditTexts = [...texts.credits, texts.date].flatMap((credit) =>
    wrapText(credit, inner, (text) => measure(text, IMAGE_TYPE.credit.fontSize, IMAGE_TYPE.credit.fontWeight)),
  );
  const footerHeight = Math.ceil(padding + creditTexts.length * creditStep);
  const footer: Box = { x: 0, y: bodyBottom, width, height: footerHeight };
  const credits = creditTexts.map((text, index) => ({
    text,
    x: padding,
    y: footer.y + padding / 2 + IMAGE_TYPE.credit.fontSize + index * creditStep,
    ...IMAGE_TYPE.credit,
  }));

  return {
    width,
    height: footer.y + footer.height,
    header,
    title: title.lines,
    selection: selection.lines,
    map,
    legend,
    footer,
    credits,
  };
}

/** The legend's box, `width` wide from (`x`, `top`); its texts wrap within it, swatch rows beside their swatch. */
function layoutLegend(
  groups: readonly LegendGroup[],
  place: { x: number; top: number; width: number },
  measure: Measure,
): ImageLayout['legend'] {
  if (groups.length === 0) return null;
  const { padding, swatch: swatchSize, legendHeading, legendRow } = IMAGE_TYPE;
  const inset = padding * 0.75;
  const gap = 6;
  const width = Math.max(0, Math.floor(place.width));
  const textRoom = width - 2 * inset;
  const left = place.x + inset;
  const rowStep = Math.max(swatchSize + 4, lineStep(legendRow.fontSize));
  const textStep = lineStep(legendRow.fontSize);
  const lines: TextLine[] = [];
  const swatches: SwatchMark[] = [];
  let y = place.top + inset;
  groups.forEach((group, index) => {
    if (index > 0) y += gap;
    const heading = wrappedLines(group.heading, legendHeading, { x: left, top: y, width: textRoom }, measure);
    lines.push(...heading.lines);
    // Rows start a descender's depth below the heading's last baseline.
    y = heading.bottom + 4;
    for (const row of group.rows) {
      const indent = row.kind === 'swatch' ? swatchSize + gap : 0;
      const texts = wrapText(row.label, textRoom - indent, (text) =>
        measure(text, legendRow.fontSize, legendRow.fontWeight),
      );
      // The first line is centred on the swatch; more lines follow it.
      const firstBaseline = y + (rowStep + legendRow.fontSize) / 2 - 2;
      texts.forEach((text, line) => {
        lines.push({ text, x: left + indent, y: firstBaseline + line * textStep, ...legendRow });
      });
      if (row.kind === 'swatch') {
        swatches.push({
          swatch: row.swatch,
          colour: row.colour,
          box: { x: left, y: y + (rowStep - swatchSize) / 2, width: swatchSize, height: swatchSize },
        });
      }
      y += rowStep + Math.max(0, texts.length - 1) * textStep;
    }
  });
  const height = Math.ceil(y + inset - place.top);
  return { box: { x: place.x, y: place.top, width, height }, lines, swatches };
}
