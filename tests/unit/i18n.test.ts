import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABOUT } from '../../src/i18n/about';
import { MESSAGES, translate } from '../../src/i18n/messages';
import { LAYER_IDS, layerDescription, layerTitle } from '../../src/layers/registry';

const HAN = /[\u3400-\u9fff]/;

describe('messages', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });

  it('are never empty, and English strings carry no Chinese except where naming the other language', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, value] of Object.entries(MESSAGES[lang])) expect(value.trim(), `${lang} ${key}`).not.toBe('');
    }
    // Keys whose English text shows Chinese on purpose: the switch back to Chinese, search examples,
    // the term 审图号 a reader must look for, and the newspaper's own name in a citation.
    const allowed = new Set([
      'app.switchLanguage',
      'app.switchLanguageLabel',
      'search.placeholder',
      'data.boundaryCaveat',
      'cite.articleText',
    ]);
    for (const [key, value] of Object.entries(MESSAGES.en)) {
      if (!allowed.has(key)) expect(value, key).not.toMatch(HAN);
    }
  });

  it('use the same parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(MESSAGES.zh) as Array<keyof typeof MESSAGES.zh>) {
      expect(params(MESSAGES.en[key]), key).toEqual(params(MESSAGES.zh[key]));
    }
  });

  it('are each used somewhere in src/', () => {
    const srcDir = resolve(import.meta.dirname, '../../src');
    const code = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('generated') && !file.endsWith('messages.ts'))
      .map((file) => readFileSync(join(srcDir, file), 'utf8'))
      .join('\n');
    // Keys built in code: `tabs.${id}` names every key under `tabs.`. The layers' own texts are
    // built from the registry, and must be exactly those of its layers.
    const built = [...code.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map((match) => match[1] as string);
    const layerKeys = new Set<string>(LAYER_IDS.flatMap((id) => [layerTitle(id), layerDescription(id)]));
    const unused = Object.keys(MESSAGES.zh).filter((key) => {
      if (key.startsWith('layer.')) return !layerKeys.has(key);
      return !code.includes(`'${key}'`) && !built.some((prefix) => prefix !== 'layer.' && key.startsWith(prefix));
    });
    expect(unused).toEqual([]);
  });

  it('fill parameters', () => {
    expect(translate('en', 'announce.selected', { name: 'Wanzhou' })).toBe('Selected: Wanzhou');
    expect(translate('zh', 'places.passages', { count: 3 })).toBe('3 段');
  });
});

describe('about panel', () => {
  it('has the same sections in both languages, the English without Chinese', () => {
    expect(ABOUT.en.length).toBe(ABOUT.zh.length);
    ABOUT.en.forEach((section, index) => {
      expect(section.paragraphs.length).toBe(ABOUT.zh[index]?.paragraphs.length);
      expect(section.heading).not.toMatch(HAN);
      for (const paragraph of section.paragraphs) expect(paragraph).not.toMatch(HAN);
    });
  });

  it('states the boundary licence and the Nov 2025 change', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = ABOUT[lang].flatMap((section) => section.paragraphs).join(' ');
      expect(text).toMatch(/DataV/);
      expect(text).toMatch(lang === 'zh' ? /无开放许可/ : /no open licence/);
      expect(text).toMatch(lang === 'zh' ? /两江新区/ : /Liangjiang New Area/);
      expect(text).toMatch(/Natural Earth/);
    }
  });
});

describe('the pages before their scripts run', () => {
  // index.html and embed.html show the loading status themselves (the app takes it over when it
  // renders): the same words as the app's, in both languages, since the HTML cannot know the link's.
  for (const page of ['index.html', 'embed.html']) {
    it(`${page} shows the app's loading message in Chinese and English`, () => {
      const html = readFileSync(resolve(import.meta.dirname, '../..', page), 'utf8');
      const status = html.match(/<div id="app">.*?<p class="loading" role="status">(.*?)<\/p>/s)?.[1];
      expect(status).toBe(`${translate('zh', 'app.loading')} <span lang="en">${translate('en', 'app.loading')}</span>`);
    });
  }
});
