/**
 * Place search over names precomputed at build time: Chinese (万州, 万州区), pinyin with
 * or without spaces or tones (wanzhou, wan zhou, wànzhōu), pinyin initials (wz) and
 * English names. Pure and dependency-free.
 */
import type { PlacesData } from '../types/atlas-data';

export interface SearchEntry {
  id: string;
  kind: 'district' | 'region';
  /** Lower-cased forms a query can match, best first. */
  keys: string[];
  initials: string;
}

export interface SearchHit {
  id: string;
  kind: SearchEntry['kind'];
  score: number;
}

/** Lower case, tone marks and ü folded, spaces and punctuation dropped. */
export function normaliseQuery(text: string): string {
  return text
    .replace(/[üǖǘǚǜÜǕǗǙǛ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s'’\-_.,，。·]/g, '');
}

const CHINESE_SUFFIXES = /(土家族苗族自治县|苗族土家族自治县|土家族自治县|自治县|区|县|市)$/;

export function buildSearchIndex(places: PlacesData): SearchEntry[] {
  const entry = (
    id: string,
    kind: SearchEntry['kind'],
    nameZh: string,
    english: string[],
    pinyin: string[],
  ): SearchEntry => ({
    id,
    kind,
    keys: [
      ...new Set(
        [nameZh, nameZh.replace(CHINESE_SUFFIXES, ''), ...english, pinyin.join('')].map(normaliseQuery).filter(Boolean),
      ),
    ],
    initials: pinyin.map((syllable) => syllable[0] ?? '').join(''),
  });
  return [
    ...places.districts.map((district) =>
      entry(district.code, 'district', district.nameZh, [district.nameEn, district.romanisation], district.pinyin),
    ),
    // A district-region is its district under a second id: found once, as the district.
    ...places.regions
      .filter((region) => region.kind !== 'district-region')
      .map((region) => entry(region.id, 'region', region.nameZh, [region.nameEn], region.pinyin)),
  ];
}

/** Matches ranked: exact name, then prefix, then initials, then anywhere in a name. */
export function searchPlaces(index: SearchEntry[], query: string, limit = 12): SearchHit[] {
  const needle = normaliseQuery(query);
  if (!needle) return [];
  const hits: SearchHit[] = [];
  for (const entry of index) {
    let score = 0;
    for (const key of entry.keys) {
      if (key === needle) score = Math.max(score, 100);
      else if (key.startsWith(needle)) score = Math.max(score, 80 - Math.min(20, key.length - needle.length));
      else if (key.includes(needle)) score = Math.max(score, 40);
    }
    if (/^[a-z]{2,}$/.test(needle) && entry.initials.startsWith(needle)) score = Math.max(score, 60);
    if (score > 0) hits.push({ id: entry.id, kind: entry.kind, score: score + (entry.kind === 'district' ? 1 : 0) });
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/** A run of a displayed name, [start, end) in UTF-16 units, that a query matched. */
export type MatchRange = [number, number];

/**
 * Where a query matches a name as displayed, for marking it: the name's own letters (tones,
 * case, spaces and punctuation ignored, as the search ignores them), else, for a Chinese name
 * with one pinyin syllable per character, the characters whose syllables or initials it spells.
 * Empty when the name itself does not show the match.
 */
export function matchRanges(name: string, query: string, pinyin: readonly string[] = []): MatchRange[] {
  const needle = normaliseQuery(query);
  if (!needle) return [];
  // The name normalised one character at a time, remembering where each letter came from.
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < name.length; index += 1) {
    const letters = normaliseQuery(name[index] as string);
    folded += letters;
    for (let count = 0; count < letters.length; count += 1) origin.push(index);
  }
  const at = folded.indexOf(needle);
  if (at >= 0) return [[origin[at] as number, (origin[at + needle.length - 1] as number) + 1]];
  // Pinyin lines up with the characters only when there is one syllable for each.
  if (pinyin.length === 0 || pinyin.length !== name.length) return [];
  for (let start = 0; start < pinyin.length; start += 1) {
    let spelled = '';
    for (let end = start; end < pinyin.length; end += 1) {
      spelled += pinyin[end];
      if (spelled.startsWith(needle)) return [[start, end + 1]];
      if (!needle.startsWith(spelled)) break;
    }
  }
  const initials = pinyin.map((syllable) => syllable[0] ?? '').join('');
  const initialsAt = initials.indexOf(needle);
  return initialsAt >= 0 ? [[initialsAt, initialsAt + needle.length]] : [];
}
