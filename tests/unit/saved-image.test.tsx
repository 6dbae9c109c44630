import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import {
  type Box,
  IMAGE_TYPE,
  layoutImage,
  type Measure,
  type TextLine,
  wrapText,
} from '../../src/export/image-layout';
import { imageFileName, imageTexts, longDate } from '../../src/export/image-texts';
import { legendGroups } from '../../src/export/legend-rows';
import { SavedImage } from '../../src/export/SavedImage';
import { translator } from '../../src/i18n/messages';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import { LAYER_IDS, type LayerId, visualsOf } from '../../src/layers/registry';
import { cameraOf, planarPath, projectionOf } from '../../src/static-map/projection';
import { StaticMap } from '../../src/static-map/StaticMap';
import type { Lang } from '../../src/types/atlas-data';
import { loadContent, loadOverviewTopology, loadPlaces } from '../support/artifacts';

const places = loadPlaces();
const content = loadContent();
const placeIndex = new PlaceIndex(places);
const contentIndex = new ContentIndex(content, placeIndex);
const themeDistricts = contentIndex.themeDistricts();
const features = buildMapFeatures(loadOverviewTopology(), places, content);
const DATE = new Date(Date.UTC(2026, 11, 5));

/** Chinese characters a font size wide, others 0.55 of it: near enough to a real font's widths. */
const measure: Measure = (text, fontSize) =>
  [...text].reduce((width, character) => width + (/[\u2e80-\uffef]/.test(character) ? 1 : 0.55) * fontSize, 0);

const textsFor = (lang: Lang, layers: LayerId[], sel: string | null) =>
  imageTexts({
    t: translator(lang),
    lang,
    places: placeIndex,
    content: contentIndex,
    layers,
    population: DEFAULT_POPULATION_MEASURE,
    sel,
    date: DATE,
  });

describe('the saved image’s texts', () => {
  it('has the title, the selection, the layers’ legends, the caveat and the date, in each language', () => {
    const zh = textsFor('zh', ['districts', 'population'], '500101');
    expect(zh.title).toBe('重庆空间战略地图');
    expect(zh.selection).toBe('万州区');
    expect(zh.legend.map((group) => group.layer)).toEqual(['districts', 'population']);
    expect(zh.credits.join(' ')).toContain('审图号');
    expect(zh.credits.join(' ')).toContain(places.attribution[0]?.zh);
    expect(zh.date).toBe('制图日期：2026年12月5日');

    const en = textsFor('en', ['districts'], '500101');
    expect(en.title).toBe('Chongqing Spatial Strategy Atlas');
    expect(en.selection).toBe('Wanzhou District');
    expect(en.credits.join(' ')).toMatch(/map-review number \(审图号\)/);
    expect(en.date).toBe('Made 5 December 2026');
    expect(textsFor('en', [], null).selection).toBeNull();
  });

  it('gives every layer a legend with a row for each thing it draws', () => {
    for (const layer of LAYER_IDS) {
      const [group] = legendGroups([layer], {
        t: translator('en'),
        lang: 'en',
        places: placeIndex,
        content: contentIndex,
        population: DEFAULT_POPULATION_MEASURE,
      });
      expect(group?.rows.length).toBeGreaterThanOrEqual(visualsOf(layer).length);
      for (const row of group?.rows ?? []) expect(row.label).not.toMatch(/^legend\.|^\s*$/);
    }
  });

  it('names files after the place and the scale', () => {
    expect(imageFileName(placeIndex, '500101', 2, 'png')).toBe('chongqing-atlas-wanzhou-district-2x.png');
    expect(imageFileName(placeIndex, null, 1, 'svg')).toBe('chongqing-atlas-1x.svg');
    expect(imageFileName(placeIndex, 'wan-kai-yun', 1, 'png')).toMatch(/^chongqing-atlas-[a-z0-9-]+-1x\.png$/);
  });

  it('writes dates in the reader’s language', () => {
    expect(longDate(DATE, 'zh')).toBe('2026年12月5日');
    expect(longDate(DATE, 'en')).toBe('5 December 2026');
  });
});

describe('wrapText', () => {
  const width = (text: string) => measure(text, 10, 400);

  it('breaks Chinese anywhere and other text at spaces, within the width', () => {
    const zh = wrapText('边界数据来自高德，非开放许可，不在本项目许可范围内。', 100, width);
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('边界数据来自高德，非开放许可，不在本项目许可范围内。');
    for (const line of zh) expect(width(line)).toBeLessThanOrEqual(100);
    const en = wrapText('The boundaries come from AutoNavi and are not openly licensed', 120, width);
    expect(en.join(' ')).toBe('The boundaries come from AutoNavi and are not openly licensed');
    for (const line of en) expect(width(line)).toBeLessThanOrEqual(120);
  });

  it('keeps a word wider than the line whole, on its own line', () => {
    expect(wrapText('a Chongqingmunicipality b', 30, width)).toEqual(['a', 'Chongqingmunicipality', 'b']);
  });
});

describe('layoutImage', () => {
  const SIZE = { width: 800, height: 600 };
  const PHONE = { width: 390, height: 640 };
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height;
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const widthOf = (line: TextLine) => measure(line.text, line.fontSize, line.fontWeight);
  const allLines = (layout: ReturnType<typeof layoutImage>) => [
    ...layout.title,
    ...layout.selection,
    ...(layout.legend?.lines ?? []),
    ...layout.credits,
  ];

  it('puts the title and selection in the top band and the credits and date in the bottom band', () => {
    const layout = layoutImage(SIZE, textsFor('en', ['districts'], '500101'), measure);
    expect(layout.title.map((line) => line.text)).toEqual(['Chongqing Spatial Strategy Atlas']);
    expect(layout.selection.map((line) => line.text)).toEqual(['Wanzhou District']);
    expect(layout.title[0]?.y ?? 0).toBeLessThan(layout.selection[0]?.y ?? 0);
    expect(layout.selection[0]?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(layout.header.height);
    expect(layout.footer.y + layout.footer.height).toBe(layout.height);
    const credits = layout.credits.map((line) => line.text).join(' ');
    expect(credits).toContain('审图号');
    expect(layout.credits.at(-1)?.text).toBe('Made 5 December 2026');
    for (const line of layout.credits) {
      expect(line.y).toBeGreaterThan(layout.footer.y);
      expect(line.y).toBeLessThanOrEqual(layout.height);
      expect(widthOf(line)).toBeLessThanOrEqual(layout.width - 2 * IMAGE_TYPE.padding);
    }
  });

  it('keeps the map at the view’s size, between the bands, never under the legend', () => {
    for (const size of [SIZE, PHONE, { width: 1280, height: 560 }, { width: 600, height: 900 }]) {
      for (const lang of ['zh', 'en'] as const) {
        const layout = layoutImage(
          size,
          textsFor(lang, ['districts', 'population', 'urban-system'], '500101'),
          measure,
        );
        expect({ width: layout.map.width, height: layout.map.height }).toEqual(size);
        expect(layout.map.y).toBe(layout.header.height);
        expect(layout.footer.y).toBeGreaterThanOrEqual(layout.map.y + layout.map.height);
        const legend = layout.legend;
        if (!legend) throw new Error('no legend');
        expect(overlap(legend.box, layout.map)).toBe(false);
        expect(overlap(legend.box, layout.footer)).toBe(false);
        expect(inside(legend.box, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true);
      }
    }
  });

  it('puts the legend beside a landscape map and below a portrait or narrow one', () => {
    const texts = textsFor('en', ['districts', 'population'], null);
    const wide = layoutImage(SIZE, texts, measure);
    expect(wide.legend?.box.x ?? 0).toBeGreaterThanOrEqual(wide.map.x + wide.map.width);
    expect(wide.width).toBeGreaterThan(SIZE.width);
    const phone = layoutImage(PHONE, texts, measure);
    expect(phone.width).toBe(PHONE.width);
    expect(phone.legend?.box.y ?? 0).toBeGreaterThanOrEqual(phone.map.y + phone.map.height);
    expect(phone.height).toBeGreaterThan(PHONE.height + phone.header.height);
  });

  it('wraps every text within its box, the legend’s whole, with nothing cut', () => {
    for (const size of [SIZE, PHONE, { width: 200, height: 400 }]) {
      for (const lang of ['zh', 'en'] as const) {
        const texts = textsFor(lang, [...LAYER_IDS], '500101');
        const layout = layoutImage(size, texts, measure);
        for (const line of allLines(layout)) {
          expect(line.text).not.toMatch(/…$/);
          expect(line.x).toBeGreaterThanOrEqual(0);
          expect(line.x + widthOf(line)).toBeLessThanOrEqual(layout.width - IMAGE_TYPE.padding / 2 + 0.01);
        }
        const legend = layout.legend;
        if (!legend) throw new Error('no legend');
        for (const line of legend.lines) {
          expect(line.x + widthOf(line)).toBeLessThanOrEqual(legend.box.x + legend.box.width);
          expect(line.y).toBeGreaterThan(legend.box.y);
          expect(line.y).toBeLessThanOrEqual(legend.box.y + legend.box.height);
        }
        // Every row's words are there, in order.
        const written = legend.lines
          .map((line) => line.text)
          .join(' ')
          .replace(/\s+/g, '');
        for (const group of texts.legend) {
          for (const row of group.rows) expect(written).toContain(row.label.replace(/\s+/g, ''));
        }
        const swatchRows = texts.legend.flatMap((group) => group.rows).filter((row) => row.kind === 'swatch');
        expect(legend.swatches.length).toBe(swatchRows.length);
        for (const mark of legend.swatches) expect(inside(mark.box, legend.box)).toBe(true);
        expect(layout.title.map((line) => line.text).join(' ')).toBe(texts.title);
      }
    }
  });

  it('shows the selected place’s outline in the uncovered map', () => {
    const size = PHONE;
    const view = { center: [108.4, 30.8] as [number, number], zoom: 7.2 };
    const projection = projectionOf(cameraOf(view, size), size);
    const wanzhou = features.districts.features.find((district) => district.properties?.code === '500101');
    if (!wanzhou) throw new Error('no Wanzhou');
    const [[west, north], [east, south]] = planarPath(projection).bounds(wanzhou);
    const layout = layoutImage(size, textsFor('en', ['districts', 'population'], '500101'), measure);
    const outline = { x: layout.map.x + west, y: layout.map.y + north, width: east - west, height: south - north };
    expect(inside(outline, layout.map)).toBe(true);
    for (const box of [layout.header, layout.footer, layout.legend?.box]) {
      if (box) expect(overlap(outline, box)).toBe(false);
    }
  });

  it('has no selection line or legend when there is none', () => {
    const layout = layoutImage({ width: 200, height: 400 }, textsFor('en', [], null), measure);
    expect(layout.selection).toEqual([]);
    expect(layout.legend).toBeNull();
    expect(layout.width).toBe(200);
  });
});

describe('SavedImage', () => {
  it('is one SVG of the image’s pixel size: the map with every district, and the texts around it', () => {
    const size = { width: 640, height: 480 };
    const texts = textsFor('zh', ['districts'], '500101');
    const layout = layoutImage(size, texts, measure);
    const svg = renderToString(
      <SavedImage
        map={{
          features,
          places: placeIndex,
          themeDistricts,
          state: { lang: 'zh', layers: ['districts'], population: DEFAULT_POPULATION_MEASURE, sel: '500101' },
          view: { center: [107.8, 30.0], zoom: 6.2 },
          size,
        }}
        layout={layout}
        scale={2}
        fontFamily="sans-serif"
        title="重庆空间战略地图：万州区"
      />,
    );
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width * 2}" height="${layout.height * 2}"`,
      ),
    );
    expect(svg).toContain(
      `<g data-part="map" transform="translate(0 ${layout.map.y})"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"`,
    );
    for (const district of places.districts) expect(svg).toContain(`data-id="${district.code}"`);
    expect(svg).toContain('>重庆空间战略地图</text>');
    expect(svg).toContain('>万州区</text>');
    expect(svg).toContain(`>${texts.legend[0]?.heading}</text>`);
    expect(svg).toContain('制图日期：2026年12月5日');
    expect(svg).not.toContain('style=');
  });

  it('leaves out what lies outside the map, keeping each district, when the view is close', () => {
    const size = { width: 900, height: 580 };
    const texts = textsFor('en', ['districts', 'population'], '500101');
    const map = {
      features,
      places: placeIndex,
      themeDistricts,
      state: {
        lang: 'en' as const,
        layers: ['districts', 'population'] as LayerId[],
        population: DEFAULT_POPULATION_MEASURE,
        sel: '500101',
      },
      view: { center: [108.4, 30.8] as [number, number], zoom: 9 },
      size,
    };
    const saved = renderToString(
      <SavedImage map={map} layout={layoutImage(size, texts, measure)} scale={1} fontFamily="sans-serif" title="t" />,
    );
    const whole = renderToString(<StaticMap {...map} />);
    expect(saved.length).toBeLessThan(whole.length / 2);
    for (const district of places.districts) expect(saved).toContain(`data-id="${district.code}"`);
    // Wanzhou, in view, is drawn; Yuzhong, far outside it, has no shape.
    const tag = (code: string) => saved.match(new RegExp(`<path[^>]*data-id="${code}"[^>]*>`))?.[0] ?? '';
    expect(tag('500101')).toMatch(/ d="[Mm][^"]{200,}"/);
    expect(tag('500103')).not.toBe('');
    expect(tag('500103')).not.toMatch(/ d="[Mm]/);
  });
});
