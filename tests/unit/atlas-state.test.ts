import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, reduceAtlasState } from '../../src/state/atlas-state';

describe('reduceAtlasState', () => {
  it('toggles layers keeping the canonical order', () => {
    const on = reduceAtlasState(DEFAULT_STATE, { type: 'toggle-layer', layer: 'population', visible: true });
    expect(on.layers).toEqual(['districts', 'urban-system', 'population']);
    const first = reduceAtlasState(on, { type: 'toggle-layer', layer: 'yuzhong', visible: true });
    expect(first.layers).toEqual(['districts', 'urban-system', 'yuzhong', 'population']);
    const off = reduceAtlasState(first, { type: 'toggle-layer', layer: 'districts', visible: false });
    expect(off.layers).toEqual(['urban-system', 'yuzhong', 'population']);
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
    expect(state).toEqual({
      lang: 'en',
      layers: ['districts', 'population'],
      sel: '500101',
      passage: 'p1',
      view: null,
    });
  });
});
