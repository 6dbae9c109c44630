/**
 * Splits a built chunk's minified text by where it came from, using the chunk's source map:
 * the atlas bundles MapLibre and its own map code into one chunk, and the benchmark counts
 * the two apart. Each generated character belongs to the mapping segment it starts in.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's base64 VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`invalid VLQ character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export interface SourceMapLike {
  sources: (string | null)[];
  mappings: string;
}

/**
 * The chunk's text grouped by `group(source)`. Text no segment maps (bundler glue, line
 * breaks, stretches a library's own source map leaves out) goes with the mapped text before
 * it; `initial` takes what comes before any.
 */
export function splitBySource<G extends string>(
  code: string,
  map: SourceMapLike,
  group: (source: string) => G,
  initial: G,
): Map<G, string> {
  const parts = new Map<G, string[]>();
  const add = (key: G, text: string) => {
    if (!text) return;
    const list = parts.get(key);
    if (list) list.push(text);
    else parts.set(key, [text]);
  };
  const groups = map.sources.map((source) => group(source ?? ''));
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  let current = initial;
  lines.forEach((line, lineIndex) => {
    const carried = current;
    const starts: { column: number; key: G }[] = [];
    let column = 0;
    for (const segment of (mappingLines[lineIndex] ?? '').split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        current = groups[sourceIndex] ?? current;
      }
      starts.push({ column, key: current });
    }
    add(carried, line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, index) => {
      add(start.key, line.slice(start.column, starts[index + 1]?.column ?? line.length));
    });
    if (lineIndex < lines.length - 1) add(current, '\n');
  });
  return new Map([...parts].map(([key, texts]) => [key, texts.join('')]));
}
