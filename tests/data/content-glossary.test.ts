/**
 * One term, one rendering: every English text of the atlas (passages, article titles and
 * topics, region names and notes as search and popups show them, figures, flows,
 * schematic features, layer names and legends, About and UI messages) against the
 * glossary in geodata/content/glossary.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';
import { ABOUT } from '../../src/i18n/about';
import { MESSAGES } from '../../src/i18n/messages';
import type { PlacesData } from '../../src/types/atlas-data';

interface Term {
  zh: string;
  en: string;
  pattern: string;
  avoid: string[];
}

const glossary = JSON.parse(readFileSync(resolve('geodata/content/glossary.json'), 'utf8')) as { terms: Term[] };
const inputs: ContentInputs = readContentInputs(contentFileNames(resolve('geodata/content')));
const places = JSON.parse(readFileSync(resolve('src/generated/places.json'), 'utf8')) as PlacesData;

/** "(?i)" at the start of a pattern asks for a case-insensitive match (JavaScript has no inline flag). */
function regex(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'iu') : new RegExp(pattern, 'u');
}

/** Every text a reader can see, as [where, Chinese, English]; the Chinese is empty where there is none. */
function texts(): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  for (const passage of inputs.passages) {
    pairs.push([passage.id, passage.quote, passage.translationEn]);
    if (passage.editorNote) pairs.push([`${passage.id} note`, passage.editorNote.zh, passage.editorNote.en]);
  }
  for (const definition of inputs.regionDefinitions) {
    pairs.push([`${definition.region} definition`, definition.document.zh, definition.document.en]);
    pairs.push([`${definition.region} definition note`, definition.note.zh, definition.note.en]);
  }
  for (const note of inputs.boundaryNotes) pairs.push([`${note.district} boundary`, note.text.zh, note.text.en]);
  for (const article of inputs.articles.articles) {
    pairs.push([`${article.id} title`, article.titleZh ?? '', article.titleEn ?? '']);
    pairs.push([`${article.id} topic`, article.topic.zh, article.topic.en]);
    pairs.push([`${article.id} affiliation`, article.affiliationZh, article.affiliationEn]);
  }
  for (const region of places.regions) {
    pairs.push([`region ${region.id}`, region.nameZh, region.nameEn]);
    pairs.push([`region ${region.id} note`, region.versionNote.zh, region.versionNote.en]);
  }
  for (const figure of inputs.figures) {
    pairs.push([figure.id, figure.measure.zh, figure.measure.en]);
    if (figure.source.kind !== 'article' && figure.source.note) {
      pairs.push([`${figure.id} note`, figure.source.note.zh, figure.source.note.en]);
    }
    if (figure.derived) pairs.push([`${figure.id} formula`, figure.derived.formula.zh, figure.derived.formula.en]);
  }
  for (const flow of inputs.flows) pairs.push([flow.id, flow.note.zh, flow.note.en]);
  for (const feature of inputs.schematic) {
    pairs.push([feature.id, feature.name.zh, feature.name.en]);
    pairs.push([`${feature.id} note`, feature.note.zh, feature.note.en]);
  }
  for (const key of Object.keys(MESSAGES.zh) as Array<keyof typeof MESSAGES.zh>) {
    pairs.push([`message ${key}`, MESSAGES.zh[key], MESSAGES.en[key]]);
  }
  ABOUT.zh.forEach((section, index) => {
    const en = ABOUT.en[index];
    pairs.push([`about ${index}`, section.heading, en?.heading ?? '']);
    section.paragraphs.forEach((paragraph, at) => {
      pairs.push([`about ${index}.${at}`, paragraph, en?.paragraphs[at] ?? '']);
    });
  });
  return pairs;
}

describe('the glossary', () => {
  it('has terms, each with a rendering its own pattern accepts', () => {
    console.log(`glossary: ${glossary.terms.length} terms`);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(20);
    for (const term of glossary.terms) {
      expect(regex(term.pattern).test(term.en), term.zh).toBe(true);
      for (const avoid of term.avoid) expect(regex(avoid).test(term.en), `${term.zh}: ${avoid}`).toBe(false);
    }
  });

  it('renders each term the glossary’s way wherever the Chinese uses it', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const [where, zh, en] of all) {
      for (const term of glossary.terms) {
        if (zh.includes(term.zh) && !regex(term.pattern).test(en)) wrong.push(`${where}: ${term.zh} → "${term.en}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('uses none of the renderings the glossary rules out, in any English text', () => {
    const wrong: string[] = [];
    for (const [where, , en] of texts()) {
      for (const term of glossary.terms) {
        for (const avoid of term.avoid) if (regex(avoid).test(en)) wrong.push(`${where}: ${avoid} (use "${term.en}")`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
