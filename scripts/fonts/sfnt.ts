/**
 * Just enough of the OpenType file format for the font subset: the faces of a collection (.ttc),
 * one face written out as a font of its own (hb-subset reads only a collection's first face), a
 * face's names and the characters its cmap maps. Big-endian throughout, as the format is.
 */

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

const tagAt = (data: Buffer, offset: number) => data.toString('latin1', offset, offset + 4);

/** The offset of each face's table directory: one for a single font, several for a collection. */
export function faceOffsets(data: Buffer): number[] {
  if (tagAt(data, 0) !== 'ttcf') return [0];
  const count = data.readUInt32BE(8);
  return Array.from({ length: count }, (_, index) => data.readUInt32BE(12 + 4 * index));
}

function tableRecords(data: Buffer, faceOffset: number): TableRecord[] {
  const count = data.readUInt16BE(faceOffset + 4);
  return Array.from({ length: count }, (_, index) => {
    const at = faceOffset + 12 + 16 * index;
    return {
      tag: tagAt(data, at),
      checksum: data.readUInt32BE(at + 4),
      offset: data.readUInt32BE(at + 8),
      length: data.readUInt32BE(at + 12),
    };
  });
}

function table(data: Buffer, faceOffset: number, tag: string): Buffer | undefined {
  const record = tableRecords(data, faceOffset).find((candidate) => candidate.tag === tag);
  return record ? data.subarray(record.offset, record.offset + record.length) : undefined;
}

const align4 = (length: number) => (length + 3) & ~3;

function checksum(data: Buffer): number {
  const padded = Buffer.alloc(align4(data.length));
  data.copy(padded);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

/** One face of a collection as a font file of its own, its tables copied unchanged. */
export function extractFace(data: Buffer, faceOffset: number): Buffer {
  const records = tableRecords(data, faceOffset).sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const headerLength = 12 + 16 * records.length;
  const out = Buffer.alloc(headerLength + records.reduce((sum, record) => sum + align4(record.length), 0));
  data.copy(out, 0, faceOffset, faceOffset + 12);
  let offset = headerLength;
  let headOffset = -1;
  records.forEach((record, index) => {
    const at = 12 + 16 * index;
    out.write(record.tag, at, 'latin1');
    out.writeUInt32BE(record.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(record.length, at + 12);
    data.copy(out, offset, record.offset, record.offset + record.length);
    if (record.tag === 'head') headOffset = offset;
    offset += align4(record.length);
  });
  // The whole font's checksum lives in `head` and is computed with that field zeroed.
  if (headOffset >= 0) {
    out.writeUInt32BE(0, headOffset + 8);
    out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  }
  return out;
}

/** A face's name-table entry (1 family, 2 style, 5 version…) in its Windows/Unicode English record. */
export function faceName(data: Buffer, faceOffset: number, nameId: number): string | undefined {
  const names = table(data, faceOffset, 'name');
  if (!names) return undefined;
  const count = names.readUInt16BE(2);
  const strings = names.readUInt16BE(4);
  for (let index = 0; index < count; index += 1) {
    const at = 6 + 12 * index;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((field) =>
      names.readUInt16BE(at + field),
    ) as [number, number, number, number, number, number];
    if (id !== nameId || platform !== 3 || encoding !== 1 || language !== 0x409) continue;
    const utf16be = names.subarray(strings + offset, strings + offset + length);
    return Buffer.from(utf16be).swap16().toString('utf16le');
  }
  return undefined;
}

/** Every code point the face's cmap maps to a glyph other than .notdef (formats 4 and 12). */
export function mappedCodePoints(data: Buffer, faceOffset = 0): Set<number> {
  const cmap = table(data, faceOffset, 'cmap');
  const mapped = new Set<number>();
  if (!cmap) return mapped;
  const count = cmap.readUInt16BE(2);
  for (let index = 0; index < count; index += 1) {
    const platform = cmap.readUInt16BE(4 + 8 * index);
    const encoding = cmap.readUInt16BE(6 + 8 * index);
    if (!(platform === 3 && (encoding === 1 || encoding === 10)) && platform !== 0) continue;
    const sub = cmap.subarray(cmap.readUInt32BE(8 + 8 * index));
    const format = sub.readUInt16BE(0);
    if (format === 4) readFormat4(sub, mapped);
    else if (format === 12) readFormat12(sub, mapped);
  }
  return mapped;
}

function readFormat4(sub: Buffer, mapped: Set<number>): void {
  const segments = sub.readUInt16BE(6) / 2;
  const ends = 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let segment = 0; segment < segments; segment += 1) {
    const end = sub.readUInt16BE(ends + 2 * segment);
    const start = sub.readUInt16BE(starts + 2 * segment);
    const delta = sub.readInt16BE(deltas + 2 * segment);
    const rangeAt = rangeOffsets + 2 * segment;
    const rangeOffset = sub.readUInt16BE(rangeAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = sub.readUInt16BE(rangeAt + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) mapped.add(code);
    }
  }
}

function readFormat12(sub: Buffer, mapped: Set<number>): void {
  const groups = sub.readUInt32BE(12);
  for (let group = 0; group < groups; group += 1) {
    const at = 16 + 12 * group;
    const start = sub.readUInt32BE(at);
    const end = sub.readUInt32BE(at + 4);
    const firstGlyph = sub.readUInt32BE(at + 8);
    for (let code = start; code <= end; code += 1) if (firstGlyph + (code - start) !== 0) mapped.add(code);
  }
}
