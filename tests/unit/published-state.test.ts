import { describe, expect, it } from 'vitest';
import { PUBLISHED_ATTRIBUTES, publishState } from '../../src/map/published-state';

/** An element's attributes, and each write made to them. */
function fakeElement() {
  const attributes = new Map<string, string>();
  const writes: string[] = [];
  const element = {
    getAttribute: (name: string) => attributes.get(name) ?? null,
    setAttribute: (name: string, value: string) => {
      writes.push(name);
      attributes.set(name, value);
    },
  };
  return { element: element as unknown as HTMLElement, attributes, writes };
}

describe('publishState', () => {
  it('writes each field as its data- attribute: lists comma-separated, none as empty, the camera rounded', () => {
    const { element, attributes } = fakeElement();
    publishState(element, {
      idle: true,
      selection: null,
      passagePlaces: ['500101', '500154'],
      hover: '500103',
      layers: ['districts', 'population'],
      detail: 'overview',
      zoom: 7.123456789,
      center: [107.123456789, 30.5],
    });
    expect(Object.fromEntries(attributes)).toEqual({
      'data-idle': 'true',
      'data-selection': '',
      'data-passage-places': '500101,500154',
      'data-hover': '500103',
      'data-layers': 'districts,population',
      'data-detail': 'overview',
      'data-zoom': '7.1235',
      'data-center': '107.123457,30.500000',
    });
  });

  it('writes only the fields given, and only those that changed (no mutation for observers otherwise)', () => {
    const { element, attributes, writes } = fakeElement();
    publishState(element, { idle: false, selection: '500101' });
    publishState(element, { idle: false, selection: '500102' });
    expect(writes).toEqual(['data-idle', 'data-selection', 'data-selection']);
    expect(attributes.get(PUBLISHED_ATTRIBUTES.selection)).toBe('500102');
    expect(attributes.has(PUBLISHED_ATTRIBUTES.layers)).toBe(false);
  });
});
