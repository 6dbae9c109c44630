import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, reduceAtlasState } from '../../src/state/atlas-state';

describe('reduceAtlasState', () => {
  it('toggles layers keeping the canonical order; a district colouring replaces the one shown', () => {
    const on = reduceAtlasState(DEFAULT_STATE, { type: 'toggle-layer', layer: 'population', visible: true });
    expect(on.layers).toEqual(['districts', 'population']);
    const next = reduceAtlasState(on, { type: 'toggle-layer', layer: 'yuzhong', visible: true });
    expect(next.layers).toEqual(['districts', 'yuzhong']);
    const off = reduceAtlasState(next, { type: 'toggle-layer', layer: 'districts', visible: false });
    expect(off.layers).toEqual(['yuzhong']);
    const back = reduceAtlasState(off, { type: 'toggle-layer', layer: 'districts', visible: true });
    expect(back.layers).toEqual(['districts', 'yuzhong']);
  });

  it('sets the district colouring, or none', () => {
    const ecology = reduceAtlasState(DEFAULT_STATE, { type: 'set-district-colouring', layer: 'ecology' });
    expect(ecology.layers).toEqual(['districts', 'ecology']);
    const none = reduceAtlasState(ecology, { type: 'set-district-colouring', layer: null });
    expect(none.layers).toEqual(['districts']);
    expect(reduceAtlasState(none, { type: 'set-district-colouring', layer: null })).toBe(none);
  });

  it('keeps the last district colouring of a list it is given', () => {
    const state = reduceAtlasState(DEFAULT_STATE, {
      type: 'set-layers',
      layers: ['population', 'districts', 'wan-kai-yun'],
    });
    expect(state.layers).toEqual(['districts', 'wan-kai-yun']);
  });

  it('returns the same object when nothing changes, so effects do not re-run', () => {
    expect(reduceAtlasState(DEFAULT_STATE, { type: 'toggle-layer', layer: 'districts', visible: true })).toBe(
      DEFAULT_STATE,
    );
    expect(reduceAtlasState(DEFAULT_STATE, { type: 'select', sel: null })).toBe(DEFAULT_STATE);
    expect(reduceAtlasState(DEFAULT_STATE, { type: 'set-lang', lang: 'zh' })).toBe(DEFAULT_STATE);
    const moved = reduceAtlasState(DEFAULT_STATE, { type: 'move', view: { zoom: 8, lat: 30, lon: 107 } });
    expect(reduceAtlasState(moved, { type: 'move', view: { zoom: 8, lat: 30, lon: 107 } })).toBe(moved);
  });

  it('sets selection, passage, language and layers', () => {
    let state = reduceAtlasState(DEFAULT_STATE, { type: 'select', sel: '500101' });
    state = reduceAtlasState(state, { type: 'open-passage', passage: 'p1' });
    state = reduceAtlasState(state, { type: 'set-lang', lang: 'en' });
    state = reduceAtlasState(state, { type: 'set-layers', layers: ['population', 'districts', 'population'] });
    state = reduceAtlasState(state, { type: 'set-population-measure', measure: 'urban-share' });
    expect(state).toEqual({
      lang: 'en',
      layers: ['districts', 'population'],
      population: 'urban-share',
      sel: '500101',
      passage: 'p1',
      view: null,
    });
  });
});
