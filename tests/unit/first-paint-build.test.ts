import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { renderFirstPaint } from '../../scripts/first-paint/render';
import { douglasPeucker, simplifyTopology } from '../../scripts/first-paint/simplify';
import { relativePath } from '../../src/static-map/compact-paths';
import { loadOverviewTopology, loadPlaces } from '../support/artifacts';

/** The points of a relative path (m, l, implicit l, z), made absolute again. */
function pointsOf(d: string): [number, number][] {
  const tokens = d.match(/[mlz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] as string;
    if (/[mlz]/.test(token)) {
      index += 1;
      continue;
    }
    x += Number(token);
    y += Number(tokens[index + 1]);
    points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    index += 2;
  }
  return points;
}

describe('relative path data', () => {
  it('is the same points, rounded to a tenth, with no drift over a long path', () => {
    const absolute: [number, number][] = Array.from({ length: 500 }, (_, index) => [
      100 + index * 0.37 + Math.sin(index) * 3.3,
      400 - index * 0.23 + Math.cos(index * 1.3) * 2.6,
    ]);
    const d = `M${absolute.map(([x, y]) => `${x},${y}`).join('L')}Z`;
    const rewritten = relativePath(d);
    expect(rewritten.length).toBeLessThan(d.length * 0.75);
    const points = pointsOf(rewritten);
    expect(points).toHaveLength(absolute.length);
    points.forEach(([x, y], index) => {
      const [ax, ay] = absolute[index] as [number, number];
      expect(Math.abs(x - ax)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(y - ay)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    expect(rewritten.endsWith('z')).toBe(true);
  });

  it('starts a new subpath at its own point', () => {
    expect(pointsOf(relativePath('M10,10L20,10ZM50,50L60,55Z'))).toEqual([
      [10, 10],
      [20, 10],
      [50, 50],
      [60, 55],
    ]);
  });
});

describe('thinning', () => {
  it('drops the points within the tolerance and keeps a spike beyond it', () => {
    expect(
      douglasPeucker(
        [
          [0, 0],
          [1, 0.2],
          [2, 0],
          [3, 5],
          [4, 0],
        ],
        0.5,
      ),
    ).toEqual([true, false, true, true, true]);
  });

  it("keeps every arc's ends, so neighbours still share their border", () => {
    const topology = loadOverviewTopology();
    const thinned = simplifyTopology(topology, ([lon, lat]) => [lon * 100, -lat * 100], 0.75);
    const ends = (t: Topology) =>
      t.arcs.map((arc) => {
        let x = 0;
        let y = 0;
        const absolute = arc.map(([dx = 0, dy = 0]) => {
          x += dx;
          y += dy;
          return [x, y];
        });
        return [absolute[0], absolute[absolute.length - 1]];
      });
    expect(ends(thinned)).toEqual(ends(topology));
    const count = (t: Topology) => t.arcs.reduce((sum, arc) => sum + arc.length, 0);
    expect(count(thinned)).toBeLessThan(count(topology) * 0.8);
  });
});

describe('the first paint written into the pages', () => {
  const codes = loadPlaces().districts.map((district) => district.code);
  for (const page of ['full', 'embed'] as const) {
    it(`${page}: every district with its id, no style attribute, in the page's frame`, () => {
      const html = renderFirstPaint(page);
      for (const code of codes) expect(html).toContain(`data-id="${code}"`);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).toContain('data-first-paint');
      expect(html).toContain(page === 'embed' ? 'class="embed-map"' : 'class="map-area"');
    });
  }

  it('the embed has the default layers’ legend', () => {
    expect(renderFirstPaint('embed')).toMatch(/class="map-legend"[\s\S]*中心城区/);
  });
});
