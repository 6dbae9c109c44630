/**
 * The real content's sources, as a reader meets them: every key shown resolves to an
 * entry of the source list, figures without a value cite nothing, and a figure does not
 * lean on an aggregator when the facts table gives a better source for it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInputs } from '../../scripts/content/inputs';
import { contentFileNames, readContentInputs } from '../../scripts/content/read';
import type { PlacesData } from '../../src/types/atlas-data';
import { SOURCE_KINDS, type SourceKind } from '../../src/types/content';

const files = contentFileNames(resolve('geodata/content'));
const inputs: ContentInputs = readContentInputs(files);
const places = JSON.parse(readFileSync(resolve('src/generated/places.json'), 'utf8')) as PlacesData;
const listed = new Map(inputs.sources.map((source) => [source.key, source]));
const KEY = /\[[A-Za-z0-9]+\]/g;

/** Sources that are the document itself or its publisher's own statement. */
const PRIMARY: readonly SourceKind[] = [
  'census',
  'official-bulletin',
  'official-document',
  'government-page',
  'institution-page',
];

function keysOf(citation: string): string[] {
  return citation === 'NOT FOUND' ? [] : citation.split(' ');
}

describe('the source list', () => {
  it('lists every key of the facts file once, with a title, publisher, kind and an http address or none', () => {
    const factsKeys = new Set(
      [...readFileSync(files.facts, 'utf8').matchAll(/\*\*(\[[A-Za-z0-9]+\])\*\*/g)].map((m) => m[1]),
    );
    expect(factsKeys.size).toBeGreaterThan(70);
    for (const key of factsKeys) expect(listed.has(key as string), key).toBe(true);
    expect(listed.size).toBe(inputs.sources.length);
    for (const source of inputs.sources) {
      expect(SOURCE_KINDS, source.key).toContain(source.kind);
      expect(source.title.length, source.key).toBeGreaterThan(2);
      expect(source.publisher.length, source.key).toBeGreaterThan(2);
      if (source.url !== null) expect(source.url, source.key).toMatch(/^https?:\/\//);
    }
    const kinds = Object.fromEntries(
      SOURCE_KINDS.map((kind) => [kind, inputs.sources.filter((source) => source.kind === kind).length]),
    );
    console.log('sources by kind', kinds);
  });

  it('resolves every key a reader is shown: figures, figure notes, flow and schematic notes, region notes', () => {
    const shown: Array<[string, string]> = [];
    for (const figure of inputs.figures) {
      if (figure.source.kind !== 'facts') continue;
      shown.push([figure.id, figure.source.key]);
      if (figure.source.note) shown.push([figure.id, `${figure.source.note.zh} ${figure.source.note.en}`]);
    }
    for (const flow of inputs.flows) shown.push([flow.id, `${flow.note.zh} ${flow.note.en}`]);
    for (const feature of inputs.schematic) {
      shown.push([feature.id, `${feature.sourceKey} ${feature.note.zh} ${feature.note.en}`]);
    }
    for (const region of places.regions) shown.push([region.id, region.sourceKey]);
    for (const [id, text] of shown) {
      for (const [key] of text.matchAll(KEY)) expect(listed.has(key), `${id} cites ${key}`).toBe(true);
    }
  });
});

describe('figures and their sources', () => {
  it('counts figures by the kind of their sources', () => {
    const byKind: Record<string, number> = {};
    for (const figure of inputs.figures) {
      let kind: string;
      if (figure.source.kind === 'article') kind = 'article';
      else if (figure.value === null) kind = 'no data';
      else if (figure.derived) kind = 'derived';
      else {
        const kinds = keysOf(figure.source.key).map((key) => listed.get(key)?.kind);
        kind = kinds.every((k) => k === 'aggregator') ? 'aggregator only' : [...new Set(kinds)].sort().join('+');
      }
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    console.log(`figures: ${inputs.figures.length}`, byKind);
    expect(byKind['no data']).toBeGreaterThan(0);
  });

  it('cites no aggregator beside a better source for the same figure', () => {
    for (const figure of inputs.figures) {
      if (figure.source.kind !== 'facts' || figure.derived) continue;
      const kinds = keysOf(figure.source.key).map((key) => listed.get(key)?.kind);
      if (kinds.some((kind) => kind && PRIMARY.includes(kind))) {
        expect(kinds, `${figure.id} cites ${figure.source.key}`).not.toContain('aggregator');
      }
    }
  });

  it('has no undated facts figure (the undated Qianjiang hukou count is dropped)', () => {
    expect(inputs.figures.map((figure) => figure.id)).not.toContain('hukou-undated-500114');
    for (const figure of inputs.figures) {
      // Counts and shares need a year; a published area (Yuzhong's is undated) does not change with it.
      if (figure.series && figure.series !== 'area') expect(figure.year.en, figure.id).toMatch(/^\d{4}/);
    }
  });
});
