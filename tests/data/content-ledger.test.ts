/**
 * The sentence ledger (geodata/content/ledger.json): every sentence of every article
 * exactly once, in order, each quoted by the passages it names or left out for a stated
 * reason, so "every place-bearing statement" has an end.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';
import { sentencesOf } from '../../scripts/content/sentences';
import { withoutWhitespace } from '../../scripts/content/text';

interface LedgerEntry {
  sentence: string;
  passages?: string[];
  left?: 'heading' | 'no-place' | 'procedural';
  judgements?: Record<string, string>;
}

const inputs: ContentInputs = readContentInputs(contentFileNames(resolve('geodata/content')));
const ledger = JSON.parse(readFileSync(resolve('geodata/content/ledger.json'), 'utf8')) as {
  articles: Record<string, LedgerEntry[]>;
};
const passages = new Map(inputs.passages.map((passage) => [passage.id, passage]));

describe('the sentence ledger', () => {
  it('lists every sentence of every article exactly once, in order', () => {
    for (const article of inputs.articles.articles) {
      const sentences = sentencesOf(article.paragraphs).map((sentence) => sentence.text);
      expect(sentences.length, article.id).toBeGreaterThan(10);
      expect(
        (ledger.articles[article.id] ?? []).map((entry) => entry.sentence),
        article.id,
      ).toEqual(sentences);
    }
    expect(Object.keys(ledger.articles).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('gives each sentence the passages that quote it, or one reason it is left out', () => {
    for (const article of inputs.articles.articles) {
      const body = withoutWhitespace(article.paragraphs.join(''));
      const sentences = sentencesOf(article.paragraphs);
      (ledger.articles[article.id] ?? []).forEach((entry, index) => {
        const where = `${article.id} sentence ${index}`;
        const sentence = sentences[index];
        expect(Boolean(entry.passages) !== Boolean(entry.left), where).toBe(true);
        if (entry.left) expect(['heading', 'no-place', 'procedural'], where).toContain(entry.left);
        for (const id of entry.passages ?? []) {
          const passage = passages.get(id);
          expect(passage?.article, `${where}: ${id}`).toBe(article.id);
          const start = body.indexOf(withoutWhitespace(passage?.quote ?? ''));
          const end = start + withoutWhitespace(passage?.quote ?? '').length;
          expect(start < (sentence?.end ?? 0) && end > (sentence?.start ?? 0), `${where}: ${id} quotes it`).toBe(true);
        }
        // A sentence left out is quoted by no passage.
        if (entry.left) {
          for (const passage of inputs.passages.filter((p) => p.article === article.id)) {
            const start = body.indexOf(withoutWhitespace(passage.quote));
            const end = start + withoutWhitespace(passage.quote).length;
            expect(start < (sentence?.end ?? 0) && end > (sentence?.start ?? 0), `${where}: ${passage.id}`).toBe(false);
          }
        }
        for (const id of Object.keys(entry.judgements ?? {})) expect(entry.passages, where).toContain(id);
      });
    }
  });

  it('names every passage, and counts what the page holds', () => {
    const named = new Set(
      Object.values(ledger.articles).flatMap((entries) => entries.flatMap((entry) => entry.passages ?? [])),
    );
    for (const passage of inputs.passages) expect(named.has(passage.id), passage.id).toBe(true);
    const entries = Object.values(ledger.articles).flat();
    const counts = {
      sentences: entries.length,
      quoted: entries.filter((entry) => entry.passages).length,
      heading: entries.filter((entry) => entry.left === 'heading').length,
      noPlace: entries.filter((entry) => entry.left === 'no-place').length,
      procedural: entries.filter((entry) => entry.left === 'procedural').length,
      passages: inputs.passages.length,
    };
    console.log('ledger', counts);
    expect(counts.passages).toBeGreaterThan(64);
  });

  it('quotes the place-bearing statements the page holds that the first release left out', () => {
    const quoted = inputs.passages.map((passage) => withoutWhitespace(passage.quote)).join('\n');
    for (const words of [
      '树牢“地瓜经济”理念',
      '江崖街洞天',
      '市域创新体系整体效能',
      '廊带联动、多极支撑',
      '重庆必须以科技创新推动产业创新',
      '重庆要实施更加开放包容的政策',
      '持续高水平举办智博会、“一带一路”科技交流大会',
      '市委六届七次全会指出，深化新时代“枫桥经验”市域实践',
      '是深化新时代“枫桥经验”市域实践的现代模式',
      '是深化新时代“枫桥经验”市域实践的核心要义',
      '是深化新时代“枫桥经验”市域实践的重要内容',
      '鼓励“一区一特色”',
      '发挥“核心引领”作用',
    ]) {
      expect(quoted, words).toContain(words);
    }
  });
});
