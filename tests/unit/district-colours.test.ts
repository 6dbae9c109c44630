import { describe, expect, it } from 'vitest';
import { coversDistricts, LAYER_IDS, tintsDistricts } from '../../src/layers/registry';
import {
  coloursDistricts,
  DISTRICT_COLOURINGS,
  keepLastDistrictColouring,
  shownDistrictColouring,
  withLayerShown,
} from '../../src/state/district-colours';

describe('district colourings', () => {
  it('are the layers the registry says tint or fill the districts', () => {
    expect(DISTRICT_COLOURINGS).toEqual([
      'urban-system',
      'yuzhong',
      'innovation',
      'population',
      'wan-kai-yun',
      'ecology',
      'governance',
    ]);
    for (const id of LAYER_IDS) expect(coloursDistricts(id), id).toBe(tintsDistricts(id) || coversDistricts(id));
    expect(coloursDistricts('districts')).toBe(false);
  });

  it('keep only the last one a list names, and every other layer', () => {
    expect(keepLastDistrictColouring(['districts', 'urban-system', 'population'])).toEqual(['districts', 'population']);
    expect(keepLastDistrictColouring(['population', 'districts', 'wan-kai-yun'])).toEqual(['districts', 'wan-kai-yun']);
    expect(keepLastDistrictColouring(['districts'])).toEqual(['districts']);
    expect(keepLastDistrictColouring([])).toEqual([]);
  });

  it('replace each other when one is shown; the base layer adds', () => {
    expect(withLayerShown(['districts', 'urban-system'], 'population')).toEqual(['districts', 'population']);
    expect(withLayerShown(['population'], 'districts')).toEqual(['population', 'districts']);
    expect(withLayerShown(['districts', 'ecology'], 'ecology')).toEqual(['districts', 'ecology']);
  });

  it('say which one is shown', () => {
    expect(shownDistrictColouring(['districts', 'governance'])).toBe('governance');
    expect(shownDistrictColouring(['districts'])).toBeNull();
  });
});
