import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMapMessage, parseSetCommand } from '../../src/embed/protocol';
import { parseView } from '../../src/state/url-state';

describe('parseSetCommand', () => {
  it('accepts a full, well-formed command', () => {
    expect(
      parseSetCommand({
        type: 'cq-atlas:set',
        sel: '500101',
        layers: ['districts', 'population'],
        population: 'urban-share',
        lang: 'en',
        view: { zoom: 9, lat: 30.8, lon: 108.4 },
        popup: false,
      }),
    ).toEqual({
      type: 'cq-atlas:set',
      sel: '500101',
      layers: ['districts', 'population'],
      population: 'urban-share',
      lang: 'en',
      view: { zoom: 9, lat: 30.8, lon: 108.4 },
      popup: false,
    });
    expect(parseSetCommand({ type: 'cq-atlas:set', sel: null })).toEqual({ type: 'cq-atlas:set', sel: null });
  });

  it('keeps the last district colouring a command names', () => {
    expect(
      parseSetCommand({ type: 'cq-atlas:set', layers: ['districts', 'population', 'urban-system'] })?.layers,
    ).toEqual(['districts', 'urban-system']);
  });

  it.each([
    ['not an object', 'cq-atlas:set'],
    ['another type', { type: 'cq-atlas:ready' }],
    ['an unknown layer', { type: 'cq-atlas:set', layers: ['districts', 'tiles'] }],
    ['an unknown population measure', { type: 'cq-atlas:set', population: 'outflow' }],
    ['a population measure that is not a string', { type: 'cq-atlas:set', population: ['urban-share'] }],
    ['a bad language', { type: 'cq-atlas:set', lang: 'fr' }],
    ['markup as an id', { type: 'cq-atlas:set', sel: '<img src=x onerror=alert(1)>' }],
    ['a view out of range', { type: 'cq-atlas:set', view: { zoom: 40, lat: 0, lon: 0 } }],
    ['a view of strings', { type: 'cq-atlas:set', view: { zoom: '9', lat: 30, lon: 108 } }],
    ['an array', [{ type: 'cq-atlas:set' }]],
    ['popup as a string', { type: 'cq-atlas:set', sel: '500101', popup: '0' }],
    ['popup as a number', { type: 'cq-atlas:set', popup: 0 }],
  ])('ignores %s', (_label, data) => {
    expect(parseSetCommand(data)).toBeNull();
  });

  it('accepts exactly the views a URL may give', () => {
    const views: [number, number, number][] = [
      [0, 85.0511, 180],
      [22, -85.0511, -180],
      [22.5, 30, 108],
      [9, 85.06, 108],
      [9, 30, -180.5],
    ];
    const accepted = views.map(([zoom, lat, lon]) => ({
      url: parseView(`#map=${zoom}/${lat}/${lon}`) !== null,
      protocol: parseSetCommand({ type: 'cq-atlas:set', view: { zoom, lat, lon } }) !== null,
    }));
    expect(accepted.map(({ url }) => url)).toEqual([true, true, false, false, false]);
    for (const { url, protocol } of accepted) expect(protocol).toBe(url);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        parseSetCommand(data);
        parseMapMessage(data);
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseMapMessage', () => {
  it('reads ready, height and select', () => {
    expect(
      parseMapMessage({
        type: 'cq-atlas:ready',
        version: 1,
        state: { sel: null, layers: ['districts'], population: 'net-outflow-share', lang: 'zh', view: null },
      }),
    ).toEqual({
      type: 'cq-atlas:ready',
      version: 1,
      state: { sel: null, layers: ['districts'], population: 'net-outflow-share', lang: 'zh', view: null },
    });
    // A map from before the measure existed sends none, and shows the default.
    expect(
      parseMapMessage({
        type: 'cq-atlas:ready',
        version: 1,
        state: { sel: null, layers: ['districts'], lang: 'zh', view: null },
      }),
    ).toMatchObject({ state: { population: 'hukou-other-county-share' } });
    expect(parseMapMessage({ type: 'cq-atlas:height', height: 612 })).toEqual({ type: 'cq-atlas:height', height: 612 });
    expect(parseMapMessage({ type: 'cq-atlas:select', sel: '500101' })).toEqual({
      type: 'cq-atlas:select',
      sel: '500101',
    });
  });

  it('rejects malformed events', () => {
    expect(parseMapMessage({ type: 'cq-atlas:height', height: -1 })).toBeNull();
    expect(parseMapMessage({ type: 'cq-atlas:height', height: Number.POSITIVE_INFINITY })).toBeNull();
    expect(parseMapMessage({ type: 'cq-atlas:select', sel: 5 })).toBeNull();
    expect(parseMapMessage({ type: 'other' })).toBeNull();
  });
});
