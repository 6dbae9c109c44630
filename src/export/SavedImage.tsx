/**
 * The saved image as one SVG: the static map of the current view at the place image-layout.ts
 * gives it, with the texts around it (title, selection, legend, attribution, date). `scale` multiplies the
 * picture's size, not its drawing: the viewBox stays the layout's, so 2× is the same image with
 * twice the pixels. Presentation attributes only, as the static map.
 */
import type { JSX } from 'preact';
import { StaticMap, type StaticMapInput } from '../static-map/StaticMap';
import type { ImageLayout, SwatchMark, TextLine } from './image-layout';

export interface SavedImageProps {
  map: StaticMapInput;
  layout: ImageLayout;
  scale: number;
  fontFamily: string;
  /** The image's accessible name and `<title>`. */
  title: string;
}

const BAND_FILL = '#ffffff';
const INK = '#1f1f1f';
const INK_MUTED = '#4a4a4a';

function Text({ line, fill = INK, part }: { line: TextLine; fill?: string; part?: string }) {
  return (
    <text
      x={line.x}
      y={line.y.toFixed(1)}
      font-size={line.fontSize}
      font-weight={line.fontWeight === 400 ? undefined : line.fontWeight}
      fill={fill}
      data-part={part}
    >
      {line.text}
    </text>
  );
}

/** A legend swatch drawn as the map draws what it stands for (atlas.css's swatches, in SVG). */
function Swatch({ mark }: { mark: SwatchMark }) {
  const { x, y, width, height } = mark.box;
  const middle = y + height / 2;
  switch (mark.swatch) {
    case 'fill':
      return <rect x={x} y={y} width={width} height={height} fill={mark.colour} stroke="#8a8578" stroke-width={0.5} />;
    case 'tint':
      return (
        <rect x={x} y={y} width={width} height={height} fill={mark.colour} fill-opacity={0.4} stroke={mark.colour} />
      );
    case 'node':
      return (
        <circle cx={x + width / 2} cy={middle} r={width / 2 - 1} fill={mark.colour} stroke="#ffffff" stroke-width={2} />
      );
    default: {
      const dashed = mark.swatch === 'dashed' || mark.swatch === 'dashed-arrow';
      const arrow = mark.swatch === 'arrow' || mark.swatch === 'dashed-arrow';
      return (
        <g stroke={mark.colour} fill={mark.colour}>
          <line
            x1={x}
            y1={middle}
            x2={arrow ? x + width - 5 : x + width}
            y2={middle}
            stroke-width={3}
            stroke-dasharray={dashed ? '4 2' : undefined}
          />
          {arrow && (
            <path d={`M${x + width - 6},${middle - 4}L${x + width},${middle}L${x + width - 6},${middle + 4}Z`} />
          )}
        </g>
      );
    }
  }
}

export function SavedImage({ map, layout, scale, fontFamily, title }: SavedImageProps): JSX.Element {
  const { width, height } = layout;
  const band = (box: { x: number; y: number; width: number; height: number }, part: string) => (
    <rect x={box.x} y={box.y} width={box.width} height={box.height} fill={BAND_FILL} data-part={part} />
  );
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width * scale}
      height={height * scale}
      lang={map.state.lang === 'zh' ? 'zh-Hans' : 'en'}
      font-family={fontFamily}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      <rect width={width} height={height} fill={BAND_FILL} />
      <g data-part="map" transform={`translate(${layout.map.x} ${layout.map.y})`}>
        <StaticMap {...map} size={{ width: layout.map.width, height: layout.map.height }} clip />
      </g>
      <g data-part="header">
        {band(layout.header, 'header-band')}
        {layout.title.map((line, index) => (
          <Text key={index} line={line} part="title" />
        ))}
        {layout.selection.map((line, index) => (
          <Text key={index} line={line} part="selection" />
        ))}
      </g>
      {layout.legend && (
        <g data-part="legend">
          <rect
            x={layout.legend.box.x}
            y={layout.legend.box.y}
            width={layout.legend.box.width}
            height={layout.legend.box.height}
            rx={4}
            fill={BAND_FILL}
            stroke="#c9c4b8"
          />
          {layout.legend.swatches.map((mark, index) => (
            <Swatch key={index} mark={mark} />
          ))}
          {layout.legend.lines.map((line, index) => (
            <Text key={index} line={line} />
          ))}
        </g>
      )}
      <g data-part="footer">
        {band(layout.footer, 'footer-band')}
        {layout.credits.map((line, index) => (
          <Text key={index} line={line} fill={INK_MUTED} part="credit" />
        ))}
      </g>
    </svg>
  );
}
