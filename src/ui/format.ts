/** Number and figure formatting shared by the panels. */
import type { Lang } from '../types/atlas-data';
import type { Figure } from '../types/content';

/**
 * One formatter per language and precision, made on first use: building an Intl.NumberFormat
 * costs far more than formatting with one (the first in a page loads its locale's data: about
 * 30 ms of the first popup's 110 ms in the benchmark's browser, BENCHMARKS.md 20).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}/${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Builds the formatters a popup uses, ahead of it (MapPane calls this when the page is idle
 * after the first map frame): otherwise the first one's locale data load lands on the
 * reader's first click.
 */
export function prepareNumberFormats(lang: Lang): void {
  for (const digits of [0, 1, 2, 4]) numberFormat(lang, digits);
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, maximumFractionDigits).format(value);
}

/**
 * A figure's value with its unit, in the reader's language; the digits are the source's
 * (万 becomes millions in English, never rounded further). Null is "no data", never a number.
 */
export function formatFigureValue(figure: Figure, lang: Lang, noData: string): string {
  const { value, unit } = figure;
  if (value === null) return noData;
  const zh = lang === 'zh';
  switch (unit) {
    case '%':
      return `${formatNumber(value, lang, 2)}%`;
    case '万人':
      return zh ? `${formatNumber(value, lang, 4)}万人` : `${formatNumber(value / 100, lang, 6)} million people`;
    case 'people':
      return zh ? `${formatNumber(value, lang, 0)}人` : `${formatNumber(value, lang, 0)} people`;
    case '亿元':
      return zh ? `${formatNumber(value, lang, 2)}亿元` : `CNY ${formatNumber(value / 10, lang, 5)} billion`;
    case 'km²':
      return zh ? `${formatNumber(value, lang, 2)}平方公里` : `${formatNumber(value, lang, 2)} km²`;
    case 'rank':
      return zh ? `第${formatNumber(value, lang, 0)}` : `No. ${formatNumber(value, lang, 0)}`;
    default:
      return `${formatNumber(value, lang, 4)} ${unit}`;
  }
}
