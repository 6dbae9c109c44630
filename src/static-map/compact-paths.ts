/**
 * Shorter SVG path data for the same drawing: d3's absolute `M`/`L` coordinates rewritten as
 * relative `m`/`l` steps between the same rounded points (no drift), numbers without their
 * leading zeros. About a third fewer bytes, before and after gzip.
 */
const COMMAND = /([MLZ])([^MLZ]*)/g;

const format = (value: number) => {
  const text = String(Math.round(value * 10) / 10);
  return text.replace(/^(-?)0\./, '$1.');
};

/** Joins numbers as SVG allows: a minus sign, or a dot after a number with a dot, separates them. */
function joinNumbers(numbers: string[]): string {
  let out = '';
  for (const number of numbers) {
    const needsSpace = out !== '' && !number.startsWith('-') && !(number.startsWith('.') && /\.\d*$/.test(out));
    out += (needsSpace ? ' ' : '') + number;
  }
  return out;
}

export function relativePath(d: string): string {
  let x = 0;
  let y = 0;
  let out = '';
  let last = '';
  for (const [, command, args] of d.matchAll(COMMAND)) {
    if (command === 'Z') {
      out += 'z';
      last = 'z';
      continue;
    }
    const [ax, ay] = (args ?? '').split(',').map(Number) as [number, number];
    const rx = Math.round(ax * 10) / 10;
    const ry = Math.round(ay * 10) / 10;
    const step = joinNumbers([format(rx - x), format(ry - y)]);
    const letter = command === 'M' ? 'm' : 'l';
    // After an `l` (or the `m` that starts a line) another pair needs no letter.
    const repeated = letter === 'l' && (last === 'l' || last === 'm');
    out += repeated ? (step.startsWith('-') ? step : ` ${step}`) : `${letter}${step}`;
    last = letter;
    x = rx;
    y = ry;
  }
  return out;
}

/** Every `d="…"` in an SVG rewritten by relativePath. */
export function compactPaths(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${relativePath(d)}"`);
}
