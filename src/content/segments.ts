/**
 * Finds each passage's quote in an article's paragraphs (whitespace ignored, as quotes
 * are checked) and cuts the paragraphs into plain and quoted segments for the reader.
 * Pure. Overlapping quotes: the earlier one wins; the later still exists elsewhere.
 */
export interface Segment {
  text: string;
  passageId: string | null;
}

interface Located {
  id: string;
  start: number;
  end: number;
}

/** The text without whitespace, and for each of its characters the index in the original. */
function squeeze(text: string): { squeezed: string; positions: number[] } {
  let squeezed = '';
  const positions: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (/\s/.test(char)) continue;
    squeezed += char;
    positions.push(index);
  }
  return { squeezed, positions };
}

export function segmentParagraphs(paragraphs: string[], passages: Array<{ id: string; quote: string }>): Segment[][] {
  const separator = '\n';
  const joined = paragraphs.join(separator);
  const { squeezed, positions } = squeeze(joined);
  const located: Located[] = [];
  for (const passage of passages) {
    const needle = passage.quote.replace(/\s+/g, '');
    const at = needle ? squeezed.indexOf(needle) : -1;
    if (at < 0) continue;
    const start = positions[at] as number;
    const end = (positions[at + needle.length - 1] as number) + 1;
    located.push({ id: passage.id, start, end });
  }
  located.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Located[] = [];
  for (const candidate of located) {
    const last = chosen[chosen.length - 1];
    if (!last || candidate.start >= last.end) chosen.push(candidate);
  }
  const result: Segment[][] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    const paragraphEnd = offset + paragraph.length;
    const segments: Segment[] = [];
    let cursor = offset;
    for (const quote of chosen) {
      if (quote.end <= offset || quote.start >= paragraphEnd) continue;
      const from = Math.max(quote.start, offset);
      const to = Math.min(quote.end, paragraphEnd);
      if (from > cursor) segments.push({ text: joined.slice(cursor, from), passageId: null });
      segments.push({ text: joined.slice(from, to), passageId: quote.id });
      cursor = to;
    }
    if (cursor < paragraphEnd) segments.push({ text: joined.slice(cursor, paragraphEnd), passageId: null });
    result.push(segments);
    offset = paragraphEnd + separator.length;
  }
  return result;
}
