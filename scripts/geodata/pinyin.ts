import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin syllables of a Chinese name, for search. `overrides` fixes words whose
 * reading pinyin-pro gets wrong (丰都 is fēng dū, not fēng dōu).
 */
export function pinyinSyllables(name: string, overrides: Record<string, string>): string[] {
  customPinyin(overrides);
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).filter((syllable) => syllable !== '');
}
