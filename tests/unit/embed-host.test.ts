/**
 * The host script's logic without a browser: a fake container, iframe and windows record what
 * embed() does. Which messages count (source AND origin), the queue before `ready`, the initial
 * state in the iframe's URL (read back with the app's own URL codec), and the shipped types.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Declared from '../../src/embed/atlas-embed';
import { embed } from '../../src/embed/host';
import type { EmbedLang, EmbedState, EmbedView, SetCommand } from '../../src/embed/protocol';
import {
  DEFAULT_POPULATION_MEASURE,
  POPULATION_MEASURE_IDS,
  type PopulationMeasureId,
} from '../../src/layers/population-measures';
import { LAYER_IDS, type LayerId } from '../../src/layers/registry';
import { orderLayers } from '../../src/state/atlas-state';
import { keepLastDistrictColouring } from '../../src/state/district-colours';
import { normaliseView, parseEmbedOptions, parseUrlState } from '../../src/state/url-state';

const ATLAS = 'https://atlas.example/maps/';
const ATLAS_ORIGIN = 'https://atlas.example';

/** A window that records what is posted to it. */
class FakeWindow extends EventTarget {
  readonly posted: { data: unknown; targetOrigin: string }[] = [];
  postMessage(data: unknown, targetOrigin: string) {
    // Structured cloning drops nothing that matters here, but copies: so does this.
    this.posted.push({ data: structuredClone(data), targetOrigin });
  }
}

function setup(options: Declared.EmbedOptions = {}) {
  const host = new FakeWindow();
  const frameWindow = new FakeWindow();
  const iframe = {
    src: '',
    title: '',
    loading: '',
    allowFullscreen: false,
    style: {} as Record<string, string>,
    contentWindow: frameWindow as FakeWindow | null,
    removed: false,
    remove() {
      this.removed = true;
    },
  };
  const appended: unknown[] = [];
  const container = {
    ownerDocument: { defaultView: host, createElement: (tag: string) => (tag === 'iframe' ? iframe : null) },
    append: (node: unknown) => appended.push(node),
  };
  const controller = embed(container as unknown as HTMLElement, { baseUrl: ATLAS, ...options });
  /** A message event as the browser would deliver it to the host window. */
  const deliver = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    host.dispatchEvent(
      Object.assign(new Event('message'), {
        data,
        source: 'source' in from ? from.source : frameWindow,
        origin: from.origin ?? ATLAS_ORIGIN,
      }),
    );
  const readyState: EmbedState = {
    sel: null,
    layers: ['districts'],
    population: 'hukou-other-county-share',
    lang: 'zh',
    view: null,
  };
  const ready = (state = readyState) => deliver({ type: 'cq-atlas:ready', version: 1, state });
  return { host, frameWindow, iframe, appended, controller, deliver, ready, readyState };
}

describe('embed: the iframe', () => {
  it('puts embed.html, next to the script, in a lazy, full-width, titled iframe in the container', () => {
    const { iframe, appended, controller } = setup();
    expect(appended).toEqual([iframe]);
    expect(controller.iframe).toBe(iframe);
    expect(iframe.src).toBe('https://atlas.example/maps/embed.html');
    expect(iframe.title).toBe('重庆空间战略地图 · Chongqing Spatial Strategy Atlas');
    expect(iframe.loading).toBe('lazy');
    expect(iframe.allowFullscreen).toBe(true);
    expect(iframe.style).toMatchObject({ width: '100%', border: '0', height: '560px' });
  });

  it('resolves embed.html against a script URL given as baseUrl too, and takes a title and height', () => {
    const { iframe } = setup({ baseUrl: 'https://atlas.example/maps/atlas-embed.js', title: 'Map', height: 400 });
    expect(iframe.src).toBe('https://atlas.example/maps/embed.html');
    expect(iframe.title).toBe('Map');
    expect(iframe.style.height).toBe('400px');
  });

  it('writes the initial state so that the atlas reads back exactly that state', () => {
    const anyPlace = { isPlace: () => true, passage: (id: string) => id };
    const view = fc.record({
      zoom: fc.double({ min: 0, max: 22, noNaN: true }),
      lat: fc.double({ min: -85, max: 85, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom<EmbedLang>('zh', 'en'), { nil: undefined }),
        fc.option(fc.subarray([...LAYER_IDS]), { nil: undefined }),
        fc.option(fc.constantFrom(...POPULATION_MEASURE_IDS), { nil: undefined }),
        fc.option(fc.constantFrom('500101', '500103', 'wan-kai-yun'), { nil: undefined }),
        fc.option(view, { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (lang, layers, population, sel, view, showTitle, showLegend, popup) => {
          const { iframe } = setup({ lang, layers, population, sel, view, showTitle, showLegend, popup });
          const url = new URL(iframe.src);
          expect(url.pathname).toBe('/maps/embed.html');
          const state = parseUrlState(url.search, url.hash, anyPlace);
          expect(state.lang).toBe(lang ?? 'zh');
          if (layers) expect(state.layers).toEqual(orderLayers(keepLastDistrictColouring(layers)));
          expect(state.population).toBe(population ?? DEFAULT_POPULATION_MEASURE);
          expect(state.sel).toBe(sel ?? null);
          expect(state.view).toEqual(view ? normaliseView(view) : null);
          expect(parseEmbedOptions(url.search)).toEqual({ showTitle, showLegend, showPopup: popup });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('embed: which messages count', () => {
  it('follows the height the map reports', () => {
    const { iframe, deliver } = setup();
    deliver({ type: 'cq-atlas:height', height: 851.2 });
    expect(iframe.style.height).toBe('852px');
  });

  it.each([
    ['another window, same origin', { source: new FakeWindow() }],
    ['no window (a MessagePort or a worker)', { source: null }],
    ['the iframe, but another origin', { origin: 'https://evil.example' }],
    ['the iframe, but the host page’s own origin', { origin: 'https://news.example' }],
  ])('ignores messages from %s', (_label, from) => {
    const { iframe, deliver, controller } = setup();
    const selections: (string | null)[] = [];
    const readies: unknown[] = [];
    controller.on('select', (sel) => selections.push(sel));
    controller.on('ready', (state) => readies.push(state));
    deliver({ type: 'cq-atlas:height', height: 123 }, from);
    deliver({ type: 'cq-atlas:select', sel: '500101' }, from);
    deliver({ type: 'cq-atlas:ready', version: 1, state: { sel: null, layers: [], lang: 'zh', view: null } }, from);
    expect(iframe.style.height).toBe('560px');
    expect(selections).toEqual([]);
    expect(readies).toEqual([]);
    // The same messages from the iframe and the atlas's origin do count.
    deliver({ type: 'cq-atlas:select', sel: '500101' });
    expect(selections).toEqual(['500101']);
  });

  it.each([
    ['a string', 'cq-atlas:select'],
    ['an unknown type', { type: 'cq-atlas:navigate', url: 'https://evil.example' }],
    ['a height that is not a number', { type: 'cq-atlas:height', height: '9999px' }],
    ['a negative height', { type: 'cq-atlas:height', height: -5 }],
    ['a selection with markup', { type: 'cq-atlas:select', sel: '<img src=x onerror=alert(1)>' }],
    ['a ready without state', { type: 'cq-atlas:ready', version: 1 }],
  ])('ignores %s, even from the iframe', (_label, data) => {
    const { iframe, deliver, controller } = setup();
    const events: unknown[] = [];
    controller.on('select', (sel) => events.push(sel));
    controller.on('ready', (state) => events.push(state));
    deliver(data);
    expect(events).toEqual([]);
    expect(iframe.style.height).toBe('560px');
  });

  it('passes the selection on, null included', () => {
    const { deliver, controller } = setup();
    const selections: (string | null)[] = [];
    controller.on('select', (sel) => selections.push(sel));
    deliver({ type: 'cq-atlas:select', sel: '500101' });
    deliver({ type: 'cq-atlas:select', sel: null });
    expect(selections).toEqual(['500101', null]);
  });
});

describe('embed: the controller', () => {
  it('holds changes until the map is ready, then sends them merged, to the atlas origin only', () => {
    const { frameWindow, controller, ready } = setup();
    controller.set({ sel: '500101', lang: 'en' });
    controller.set({ sel: '500103', layers: ['districts', 'population'] });
    expect(frameWindow.posted).toEqual([]);
    ready();
    expect(frameWindow.posted).toEqual([
      {
        data: { type: 'cq-atlas:set', sel: '500103', lang: 'en', layers: ['districts', 'population'] },
        targetOrigin: ATLAS_ORIGIN,
      },
    ]);
    controller.set({ view: { zoom: 9, lat: 30.8, lon: 108.4 } });
    expect(frameWindow.posted[1]).toEqual({
      data: { type: 'cq-atlas:set', view: { zoom: 9, lat: 30.8, lon: 108.4 } },
      targetOrigin: ATLAS_ORIGIN,
    });
    controller.set({ population: 'urban-share' });
    expect(frameWindow.posted[2]).toEqual({
      data: { type: 'cq-atlas:set', population: 'urban-share' },
      targetOrigin: ATLAS_ORIGIN,
    });
  });

  it('sends only the protocol’s fields, and none that are undefined (the map would reject the command)', () => {
    const { frameWindow, controller, ready } = setup();
    ready();
    controller.set({ sel: undefined, lang: 'en', extra: 'x' } as Declared.AtlasChange);
    controller.set({ sel: null });
    expect(frameWindow.posted.map((message) => message.data)).toEqual([
      { type: 'cq-atlas:set', lang: 'en' },
      { type: 'cq-atlas:set', sel: null },
    ]);
  });

  it('reports ready with the map’s state, and to a late listener once', async () => {
    const { controller, ready, readyState } = setup();
    const early: unknown[] = [];
    controller.on('ready', (state) => early.push(state));
    ready();
    expect(early).toEqual([readyState]);
    const late: unknown[] = [];
    controller.on('ready', (state) => late.push(state));
    await Promise.resolve();
    expect(late).toEqual([readyState]);
  });

  it('stops a listener when its unsubscribe function is called', () => {
    const { deliver, controller } = setup();
    const selections: (string | null)[] = [];
    const stop = controller.on('select', (sel) => selections.push(sel));
    deliver({ type: 'cq-atlas:select', sel: '500101' });
    stop();
    deliver({ type: 'cq-atlas:select', sel: '500103' });
    expect(selections).toEqual(['500101']);
  });

  it('destroy removes the iframe and stops listening and sending', () => {
    const { iframe, frameWindow, deliver, controller, ready } = setup();
    const selections: (string | null)[] = [];
    controller.on('select', (sel) => selections.push(sel));
    ready();
    controller.destroy();
    expect(iframe.removed).toBe(true);
    deliver({ type: 'cq-atlas:select', sel: '500101' });
    deliver({ type: 'cq-atlas:height', height: 100 });
    controller.set({ sel: '500101' });
    expect(selections).toEqual([]);
    expect(iframe.style.height).toBe('560px');
    expect(frameWindow.posted).toEqual([]);
  });
});

/** The members of a union of string literals as atlas-embed.d.ts writes them, in its order. */
function declaredLayerIds(name = 'AtlasLayerId'): string[] {
  const file = resolve(import.meta.dirname, '../../src/embed/atlas-embed.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020);
  const alias = source.statements.find(
    (statement): statement is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === name,
  );
  if (!alias || !ts.isUnionTypeNode(alias.type)) throw new Error(`atlas-embed.d.ts: ${name} is not a union`);
  return alias.type.types.map((member) =>
    ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? member.literal.text : member.getText(source),
  );
}

describe('atlas-embed.d.ts, the shipped types', () => {
  it('says what the protocol says', () => {
    expectTypeOf<Declared.AtlasLayerId>().toEqualTypeOf<LayerId>();
    expectTypeOf<Declared.AtlasPopulationMeasure>().toEqualTypeOf<PopulationMeasureId>();
    expectTypeOf<Declared.AtlasLang>().toEqualTypeOf<EmbedLang>();
    expectTypeOf<Declared.AtlasView>().toEqualTypeOf<EmbedView>();
    expectTypeOf<Declared.AtlasState>().toEqualTypeOf<EmbedState>();
    expectTypeOf<Required<Declared.AtlasChange>>().toEqualTypeOf<Required<Omit<SetCommand, 'type'>>>();
    expectTypeOf(embed).toEqualTypeOf<typeof Declared.embed>();
    // The declaration lists the layer ids by hand, for embedders: in the registry's order too.
    expect(declaredLayerIds()).toEqual([...LAYER_IDS]);
    expect(declaredLayerIds('AtlasPopulationMeasure')).toEqual([...POPULATION_MEASURE_IDS]);
  });

  it('compiles on its own, with nothing but the DOM types', () => {
    const file = resolve(import.meta.dirname, '../../src/embed/atlas-embed.d.ts');
    const program = ts.createProgram({
      rootNames: [file],
      options: { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'] },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(program.getSourceFile(file)?.statements.some((s) => ts.isImportDeclaration(s))).toBe(false);
    // Type-checking against the DOM's declarations takes seconds on a loaded machine.
  }, 60_000);
});
