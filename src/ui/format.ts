/** Number and figure formatting shared by the panels. */
import type { Lang } from '../types/atlas-data';
import type { Figure } from '../types/content';

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
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
