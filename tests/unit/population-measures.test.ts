/**
 * The population layer's measures: the list itself, the fills derived from it (the same for
 * MapLibre's expression and the static map), the values each district carries, the legend's
 * class labels and the contrast of the colours the legend shows.
 */
import { Color, createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildMapFeatures, populationValues } from '../../src/data/map-features';
import { classLabel } from '../../src/export/legend-rows';
import {
  DEFAULT_POPULATION_MEASURE,
  isPopulationMeasure,
  measureClass,
  measureProperty,
  POPULATION_MEASURE_IDS,
  POPULATION_MEASURES,
  type PopulationMeasureId,
} from '../../src/layers/population-measures';
import { populationFill, populationFillExpression } from '../../src/map/district-colours';
import { channels, NO_DATA_FILL, POPULATION_FILLS } from '../../src/map/palette';
import { DEFAULT_STATE, reduceAtlasState } from '../../src/state/atlas-state';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

/** MapLibre's own evaluation of a fill expression for a feature's properties, as #rrggbb. */
function evaluate(measure: PopulationMeasureId, properties: Record<string, unknown>): string {
  const parsed = createExpression(populationFillExpression(measure), 'fill-color');
  if (parsed.result !== 'success') throw new Error(`the ${measure} expression does not parse`);
  const evaluated = parsed.value.evaluate({ zoom: 7 }, { type: 'Polygon', properties } as never) as unknown;
  const raw = evaluated instanceof Color ? evaluated : Color.parse(String(evaluated));
  if (!raw) throw new Error(`not a colour: ${String(evaluated)}`);
  return `#${[raw.r, raw.g, raw.b]
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** CIE L*a*b* of a #rrggbb colour (D65), for colour differences. */
function lab(colour: string): [number, number, number] {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29)) as [number, number, number];
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((value, index) => value - (lab(b)[index] ?? 0)));

describe('the population measures', () => {
  it('each have one colour more than breaks, breaks ascending, and a default that covers all 38 units', () => {
    for (const measure of POPULATION_MEASURES) {
      expect(measure.colours.length, measure.id).toBe(measure.breaks.length + 1);
      expect(
        [...measure.breaks].sort((a, b) => a - b),
        measure.id,
      ).toEqual([...measure.breaks]);
      expect(new Set(measure.breaks).size, measure.id).toBe(measure.breaks.length);
    }
    expect(new Set(POPULATION_MEASURE_IDS).size).toBe(POPULATION_MEASURES.length);
    expect(isPopulationMeasure(DEFAULT_POPULATION_MEASURE)).toBe(true);
    expect(populationValues(loadContent()).get(DEFAULT_POPULATION_MEASURE)?.size).toBe(38);
    expect(isPopulationMeasure('outflow')).toBe(false);
    expect(isPopulationMeasure('constructor')).toBe(false);
  });

  it('give every district its 2020 census shares and only the 15 sourced districts a 2023 net outflow', () => {
    const values = populationValues(loadContent());
    expect(values.get('hukou-other-county-share')?.get('500103')).toBe(35.7);
    expect(values.get('urban-share')?.size).toBe(38);
    expect(values.get('hukou-other-province-share')?.size).toBe(38);
    const outflow = values.get('net-outflow-share');
    expect(outflow?.size).toBe(15);
    expect(outflow?.get('500101')).toBe(9.02);
    // No data is absent, never a zero or a sentinel that a scale could place.
    const features = buildMapFeatures(loadTopology(), loadPlaces(), loadContent());
    const withOutflow = features.districts.features.filter((feature) =>
      Object.hasOwn(feature.properties ?? {}, measureProperty('net-outflow-share')),
    );
    expect(withOutflow.length).toBe(15);
    for (const feature of features.districts.features) {
      expect(typeof feature.properties?.[measureProperty('urban-share')], String(feature.properties?.code)).toBe(
        'number',
      );
    }
  });

  it('fill a district alike in MapLibre and in the static map, at every class bound and for no data', () => {
    for (const measure of POPULATION_MEASURES) {
      const probes = [-100, ...measure.breaks.flatMap((bound) => [bound - 0.01, bound]), 100];
      const seen = new Set<string>();
      for (const value of probes) {
        const fill = populationFill(measure.id, value);
        expect(evaluate(measure.id, { [measureProperty(measure.id)]: value }), `${measure.id} at ${value}`).toBe(fill);
        seen.add(fill);
      }
      expect([...seen]).toEqual(POPULATION_FILLS[measure.id]);
      expect(evaluate(measure.id, {})).toBe(NO_DATA_FILL);
      expect(populationFill(measure.id, undefined)).toBe(NO_DATA_FILL);
    }
    expect(measureClass('urban-share', 69.99)).toBe(2);
    expect(measureClass('urban-share', 70)).toBe(3);
  });

  it('label their classes by their bounds in percent', () => {
    expect([0, 1, 2, 3, 4].map((index) => classLabel('hukou-other-county-share', index, 'en'))).toEqual([
      '< 2.5%',
      '2.5% – 5%',
      '5% – 10%',
      '10% – 20%',
      '≥ 20%',
    ]);
    expect(classLabel('net-outflow-share', 0, 'en')).toBe('< -40%');
  });

  it('show colours a reader can tell apart: each class from the next, and from no data', () => {
    for (const measure of POPULATION_MEASURE_IDS) {
      const fills = POPULATION_FILLS[measure];
      fills.slice(1).forEach((fill, index) => {
        expect(deltaE(fill, fills[index] as string), `${measure} classes ${index} and ${index + 1}`).toBeGreaterThan(
          10,
        );
      });
      for (const fill of fills) expect(deltaE(fill, NO_DATA_FILL), `${measure} ${fill} vs no data`).toBeGreaterThan(8);
      // The darkest class is dark enough to read as the end of the scale against the legend's white.
      expect(Math.min(...fills.map((fill) => lab(fill)[0])), `${measure} darkest`).toBeLessThan(45);
    }
    expect(Color.parse(NO_DATA_FILL)?.a).toBe(1);
  });

  it('are chosen in the state, kept while the layer is hidden', () => {
    const chosen = reduceAtlasState(DEFAULT_STATE, { type: 'set-population-measure', measure: 'urban-share' });
    expect(chosen.population).toBe('urban-share');
    expect(reduceAtlasState(chosen, { type: 'set-population-measure', measure: 'urban-share' })).toBe(chosen);
    const hidden = reduceAtlasState(chosen, { type: 'set-layers', layers: ['districts'] });
    expect(hidden.population).toBe('urban-share');
  });
});
