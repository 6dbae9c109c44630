import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentPassageId } from '../../src/content/passage-ids';
import {
  DEFAULT_POPULATION_MEASURE,
  isPopulationMeasure,
  POPULATION_MEASURE_IDS,
} from '../../src/layers/population-measures';
import { LAYER_IDS } from '../../src/layers/registry';
import { type AtlasState, DEFAULT_STATE, orderLayers } from '../../src/state/atlas-state';
import { coloursDistricts, DISTRICT_COLOURINGS } from '../../src/state/district-colours';
import {
  embedQuery,
  parseEmbedOptions,
  parseUrlState,
  serialiseUrlState,
  stateToUrl,
  type Vocabulary,
} from '../../src/state/url-state';

const PLACES = ['chongqing', 'wan-kai-yun', 'science-corridor', '500101', '500103', '500243'];
const PASSAGES = ['a1-three-spaces', 'a4-tiefengshan-road'];
const RENAMED: Record<string, string> = { 'a4-old-id': PASSAGES[0] as string };
const vocabulary: Vocabulary = {
  isPlace: (id) => PLACES.includes(id),
  passage: (id) => currentPassageId(id, new Set(PASSAGES), RENAMED),
};

function isValidState(state: AtlasState): boolean {
  const layersOk =
    state.layers.every((layer) => (LAYER_IDS as readonly string[]).includes(layer)) &&
    orderLayers(state.layers).join() === state.layers.join() &&
    state.layers.filter(coloursDistricts).length <= 1;
  const viewOk =
    state.view === null ||
    (Number.isFinite(state.view.zoom) &&
      state.view.zoom >= 0 &&
      state.view.zoom <= 22 &&
      Math.abs(state.view.lat) <= 85.06 &&
      Math.abs(state.view.lon) <= 180);
  return (
    (state.lang === 'zh' || state.lang === 'en') &&
    layersOk &&
    isPopulationMeasure(state.population) &&
    (state.sel === null || PLACES.includes(state.sel)) &&
    (state.passage === null || PASSAGES.includes(state.passage)) &&
    viewOk
  );
}

const stateArbitrary: fc.Arbitrary<AtlasState> = fc.record({
  lang: fc.constantFrom('zh' as const, 'en' as const),
  layers: fc
    .tuple(
      fc.subarray(LAYER_IDS.filter((id) => !coloursDistricts(id))),
      fc.option(fc.constantFrom(...DISTRICT_COLOURINGS), { nil: null }),
    )
    .map(([others, colouring]) => orderLayers(colouring ? [...others, colouring] : others)),
  population: fc.constantFrom(...POPULATION_MEASURE_IDS),
  sel: fc.option(fc.constantFrom(...PLACES), { nil: null }),
  passage: fc.option(fc.constantFrom(...PASSAGES), { nil: null }),
  view: fc.option(
    fc.record({
      zoom: fc.double({ min: 0, max: 22, noNaN: true }),
      lat: fc.double({ min: -85, max: 85, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
    { nil: null },
  ),
});

/** Strings shaped like our parameters, plus noise, to reach the interesting branches. */
const queryLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('lang', 'layers', 'sel', 'passage', 'map', 'x', ''),
        fc.oneof(fc.string(), fc.constantFrom('en', 'zh', 'districts,population', '500101', '%E4%B8%87', '%', ',,,')),
      ),
    )
    .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
);
const hashLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .tuple(fc.oneof(fc.double(), fc.string()), fc.oneof(fc.double(), fc.string()), fc.oneof(fc.double(), fc.string()))
    .map(([zoom, lat, lon]) => `#map=${zoom}/${lat}/${lon}`),
);

describe('parseUrlState', () => {
  it('turns any query and hash into a valid state without throwing', () => {
    fc.assert(
      fc.property(queryLike, hashLike, (search, hash) => isValidState(parseUrlState(search, hash, vocabulary))),
      { numRuns: 2000 },
    );
  });

  it('reads every parameter of the contract', () => {
    const state = parseUrlState(
      '?lang=en&layers=population,districts&population=net-outflow-share&sel=500101&passage=a4-tiefengshan-road',
      '#map=9.5/30.8/108.4',
      vocabulary,
    );
    expect(state).toEqual({
      lang: 'en',
      layers: ['districts', 'population'],
      population: 'net-outflow-share',
      sel: '500101',
      passage: 'a4-tiefengshan-road',
      view: { zoom: 9.5, lat: 30.8, lon: 108.4 },
    });
  });

  it('falls back to defaults part by part', () => {
    const state = parseUrlState(
      '?lang=fr&layers=nope,alsonope&population=outflow&sel=500999&passage=<img src=x>',
      '#map=99/0/0',
      vocabulary,
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(parseUrlState('', '#map=12/91/0', vocabulary).view).toBeNull();
    expect(parseUrlState('', '#map=12/29.5', vocabulary).view).toBeNull();
    expect(parseUrlState('', '#map=0x10/29/106', vocabulary).view).toBeNull();
    expect(parseUrlState('', '#map=1e1/29/106', vocabulary).view).toBeNull();
  });

  it('keeps the last district colouring an older link names', () => {
    expect(parseUrlState('?layers=districts,urban-system,population', '', vocabulary).layers).toEqual([
      'districts',
      'population',
    ]);
    expect(parseUrlState('?layers=wan-kai-yun,districts,population', '', vocabulary).layers).toEqual([
      'districts',
      'population',
    ]);
    expect(parseUrlState('?layers=population,wan-kai-yun', '', vocabulary).layers).toEqual(['wan-kai-yun']);
  });

  it('reads the population measure: each of the list, the default for none or a malformed one', () => {
    for (const measure of POPULATION_MEASURE_IDS) {
      expect(parseUrlState(`?layers=districts,population&population=${measure}`, '', vocabulary).population).toBe(
        measure,
      );
    }
    // Links from before the measure existed keep working, and show the default.
    expect(parseUrlState('?layers=districts,population', '', vocabulary)).toMatchObject({
      layers: ['districts', 'population'],
      population: DEFAULT_POPULATION_MEASURE,
    });
    for (const malformed of ['', 'URBAN-SHARE', 'urban-share,net-outflow-share', 'urban share', '%00', 'toString']) {
      expect(parseUrlState(`?population=${malformed}`, '', vocabulary).population, malformed).toBe(
        DEFAULT_POPULATION_MEASURE,
      );
    }
    expect(stateToUrl({ ...DEFAULT_STATE, population: DEFAULT_POPULATION_MEASURE })).toBe('');
    expect(stateToUrl({ ...DEFAULT_STATE, population: 'hukou-other-province-share' })).toBe(
      '?population=hukou-other-province-share',
    );
  });

  it('keeps known layers from a list with unknown ones, and treats "layers=" as none', () => {
    expect(parseUrlState('?layers=ecology,bogus', '', vocabulary).layers).toEqual(['ecology']);
    expect(parseUrlState('?layers=', '', vocabulary).layers).toEqual([]);
  });
});

describe('serialiseUrlState', () => {
  it('is stable: serialise(parse(serialise(s))) equals serialise(s)', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const once = serialiseUrlState(state);
        const again = serialiseUrlState(parseUrlState(once.search, once.hash, vocabulary));
        return once.search === again.search && once.hash === again.hash;
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out defaults and writes the rest readably', () => {
    expect(stateToUrl(DEFAULT_STATE)).toBe('');
    expect(
      stateToUrl({
        lang: 'en',
        layers: ['districts', 'wan-kai-yun'],
        population: 'urban-share',
        sel: '500101',
        passage: null,
        view: { zoom: 9, lat: 30.81234567, lon: 108.4 },
      }),
    ).toBe('?lang=en&layers=districts,wan-kai-yun&population=urban-share&sel=500101#map=9/30.81235/108.4');
  });

  it('escapes what it writes, so a URL cannot smuggle markup or parameters', () => {
    const url = stateToUrl({ ...DEFAULT_STATE, sel: 'a&b=<c>' });
    expect(url).toBe('?sel=a%26b%3D%3Cc%3E');
  });
});

describe('embed options', () => {
  it('round-trip through the embed query', () => {
    const query = embedQuery(
      { ...DEFAULT_STATE, sel: '500101' },
      { showTitle: false, showLegend: true, showPopup: false },
    );
    expect(query).toBe('?sel=500101&title=0&popup=0');
    expect(parseEmbedOptions(query)).toEqual({ showTitle: false, showLegend: true, showPopup: false });
    expect(parseEmbedOptions('?legend=0')).toEqual({ showTitle: true, showLegend: false, showPopup: true });
  });
});

describe('renamed passage ids', () => {
  it('opens the passage an old id was renamed or merged into, and drops ids that open nothing', () => {
    expect(parseUrlState('?passage=a4-old-id', '', vocabulary).passage).toBe('a1-three-spaces');
    expect(parseUrlState('?passage=a4-tiefengshan-road', '', vocabulary).passage).toBe('a4-tiefengshan-road');
    expect(parseUrlState('?passage=a4-never-released', '', vocabulary).passage).toBeNull();
    expect(parseUrlState('?passage=constructor', '', vocabulary).passage).toBeNull();
  });
});
