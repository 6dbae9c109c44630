import { Color } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { POPULATION_MEASURES } from '../../src/layers/population-measures';
import {
  COLOURS,
  NO_DATA_COLOUR,
  NO_DATA_FILL,
  over,
  POPULATION_FILLS,
  TRANSPARENT,
  URBAN_SYSTEM_COLOURS,
  URBAN_SYSTEM_FILLS,
  withOpacity,
} from '../../src/map/palette';

describe('palette', () => {
  it('lays a colour over another as one opaque colour, as blending would', () => {
    expect(over('#ffffff', 0.5, '#000000')).toBe('#808080');
    expect(over('#ee8866', 1, '#000000')).toBe('#ee8866');
    expect(over('#ee8866', 0, '#123456')).toBe('#123456');
    // Each channel is the blend MapLibre's translucent fill made: top × a + bottom × (1 − a).
    const [top, bottom, blended] = ['#77aadd', COLOURS.background, over('#77aadd', 0.85, COLOURS.background)].map(
      (hex) => Color.parse(hex) as Color,
    );
    for (const channel of ['r', 'g', 'b'] as const) {
      const expected = (top as Color)[channel] * 0.85 + (bottom as Color)[channel] * 0.15;
      expect(Math.abs((blended as Color)[channel] - expected)).toBeLessThanOrEqual(0.5 / 255);
    }
  });

  it('gives a colour its opacity in the alpha, and nothing drawn a transparent colour', () => {
    expect(withOpacity('#c2185b', 0.16)).toBe('rgba(194, 24, 91, 0.16)');
    expect(Color.parse(withOpacity(COLOURS.selection, 0.22))?.a).toBeCloseTo(0.22);
    expect(Color.parse(TRANSPARENT)?.a).toBe(0);
  });

  it('draws the covering fills opaque, in their colours as they look over the background', () => {
    for (const [id, colour] of Object.entries(URBAN_SYSTEM_COLOURS)) {
      expect(URBAN_SYSTEM_FILLS[id], id).toBe(over(colour, 0.85, COLOURS.background));
    }
    for (const measure of POPULATION_MEASURES) {
      expect(POPULATION_FILLS[measure.id]).toEqual(
        measure.colours.map((colour) => over(colour, 0.9, COLOURS.background)),
      );
    }
    expect(NO_DATA_FILL).toBe(over(NO_DATA_COLOUR, 0.9, COLOURS.background));
    for (const fill of [
      ...Object.values(URBAN_SYSTEM_FILLS),
      ...Object.values(POPULATION_FILLS).flat(),
      NO_DATA_FILL,
    ]) {
      expect(Color.parse(fill)?.a, fill).toBe(1);
    }
  });
});
