import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMapFeatures } from '../../src/data/map-features';
import { layersDrawingSchematic } from '../../src/layers/registry';
import {
  districtLabelSize,
  LABEL_PADDING,
  type LabelBox,
  labelBox,
  nearestWithin,
  placeLabels,
} from '../../src/map/label-layout';
import { mapLabelsOf } from '../../src/map/map-labels';
import { loadContent, loadPlaces, loadTopology } from '../support/artifacts';

const viewport = { width: 400, height: 300 };
const box = (left: number, top: number, width = 40, height = 14): LabelBox => ({ left, top, width, height });

const clash = (a: LabelBox, b: LabelBox) =>
  a.left < b.left + b.width + LABEL_PADDING &&
  b.left < a.left + a.width + LABEL_PADDING &&
  a.top < b.top + b.height + LABEL_PADDING &&
  b.top < a.top + a.height + LABEL_PADDING;

describe('placeLabels', () => {
  it('shows labels that are clear of each other and leaves out the later of two that clash', () => {
    expect(placeLabels([box(10, 10), box(100, 10), box(30, 15), box(10, 40)], viewport)).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('keeps the padding between labels', () => {
    // 1 px apart: closer than the padding, so the second gives way.
    expect(placeLabels([box(10, 10), box(51, 10)], viewport)).toEqual([true, false]);
    expect(placeLabels([box(10, 10), box(10 + 40 + LABEL_PADDING, 10)], viewport)).toEqual([true, true]);
  });

  it('leaves out labels the map edge would cut', () => {
    expect(placeLabels([box(-1, 10), box(370, 10), box(10, 290), box(360, 286)], viewport)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('never shows two labels that clash, never drops the first that fits, and keeps the order of priority', () => {
    const arbitraryBox = fc.record({
      left: fc.integer({ min: -50, max: 420 }),
      top: fc.integer({ min: -20, max: 310 }),
      width: fc.integer({ min: 1, max: 120 }),
      height: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryBox, { maxLength: 40 }), (boxes) => {
        const shown = placeLabels(boxes, viewport);
        const placed = boxes.filter((_, index) => shown[index]);
        for (let i = 0; i < placed.length; i += 1) {
          for (let j = i + 1; j < placed.length; j += 1)
            expect(clash(placed[i] as LabelBox, placed[j] as LabelBox)).toBe(false);
        }
        // Every label left out either does not fit or clashes with one placed before it.
        boxes.forEach((candidate, index) => {
          if (shown[index]) return;
          const fits =
            candidate.left >= 0 &&
            candidate.top >= 0 &&
            candidate.left + candidate.width <= viewport.width &&
            candidate.top + candidate.height <= viewport.height;
          const before = boxes.slice(0, index).filter((_, earlier) => shown[earlier]);
          expect(!fits || before.some((other) => clash(candidate, other))).toBe(true);
        });
      }),
    );
  });
});

describe('labelBox', () => {
  it('centres a place name on its point, and hangs a node name below its node', () => {
    expect(labelBox({ x: 100, y: 50 }, { width: 40, height: 10 }, 'center')).toEqual(box(80, 45, 40, 10));
    expect(labelBox({ x: 100, y: 50 }, { width: 40, height: 10 }, 'top', 14)).toEqual(box(80, 64, 40, 10));
  });
});

describe('nearestWithin (a click on a node marker)', () => {
  it('picks the nearest point within the radius, skipping hidden ones', () => {
    const points = [{ x: 0, y: 0 }, null, { x: 10, y: 0 }, { x: 4, y: 0 }];
    expect(nearestWithin(points, { x: 5, y: 0 }, 9)).toBe(3);
    expect(nearestWithin(points, { x: 5, y: 40 }, 9)).toBe(-1);
    expect(nearestWithin([null], { x: 0, y: 0 }, 9)).toBe(-1);
  });

  it('never picks a point farther than the radius, nor passes over a nearer one', () => {
    const point = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(fc.option(point, { nil: null })), point, (points, at) => {
        const index = nearestWithin(points, at, 9);
        const distances = points.map((item) =>
          item ? Math.hypot(item.x - at.x, item.y - at.y) : Number.POSITIVE_INFINITY,
        );
        if (index === -1) expect(distances.every((distance) => distance > 9)).toBe(true);
        else {
          expect(distances[index]).toBeLessThanOrEqual(9);
          expect(Math.min(...distances)).toBe(distances[index]);
        }
      }),
    );
  });
});

describe('districtLabelSize', () => {
  it('grows from 11 px at zoom 6 to 14 px at zoom 10, and no further', () => {
    expect([4, 6, 8, 10, 14].map(districtLabelSize)).toEqual([11, 11, 12.5, 14, 14]);
  });
});

describe('mapLabelsOf', () => {
  const content = loadContent();
  const features = buildMapFeatures(loadTopology(), loadPlaces(), content);
  const labels = mapLabelsOf(features);

  it('names every district and neighbouring province once, in both languages', () => {
    const districts = labels.filter((label) => label.kind === 'district');
    expect(districts).toHaveLength(38);
    expect(labels.filter((label) => label.kind === 'province').length).toBeGreaterThan(0);
    expect(new Set(labels.map((label) => label.id)).size).toBe(labels.length);
    for (const label of labels) {
      expect(label.nameZh, label.id).not.toBe('');
      expect(label.nameEn, label.id).not.toBe('');
    }
  });

  it('places thematic nodes first, then districts largest first, then provinces', () => {
    const kinds = labels.map((label) => label.kind);
    expect(kinds.lastIndexOf('schematic')).toBeLessThan(kinds.indexOf('district'));
    expect(kinds.lastIndexOf('district')).toBeLessThan(kinds.indexOf('province'));
    const area = new Map(loadPlaces().districts.map((district) => [`district:${district.code}`, district.areaKm2]));
    const areas = labels.filter((label) => label.kind === 'district').map((label) => area.get(label.id) ?? 0);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
  });

  it('labels every schematic node, each on a layer that draws nodes', () => {
    const schematic = labels.filter((label) => label.kind === 'schematic');
    expect(schematic.map((label) => label.id).sort()).toEqual(
      content.schematic
        .filter((feature) => feature.kind === 'node')
        .map((feature) => `schematic:${feature.id}`)
        .sort(),
    );
    for (const label of schematic) expect(layersDrawingSchematic('node'), label.id).toContain(label.layer);
  });
});
