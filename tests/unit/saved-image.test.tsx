import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/content/queries';
import { buildMapFeatures } from '../../src/data/map-features';
import { PlaceIndex } from '../../src/data/place-index';
import { IMAGE_TYPE, layoutImage, type Measure, wrapText } from '../../src/export/image-layout';
import { imageFileName, imageTexts, longDate } from '../../src/export/image-texts';
import { legendGroups } from '../../src/export/legend-rows';
import { SavedImage } from '../../src/export/SavedImage';
import { translator } from '../../src/i18n/messages';
import { DEFAULT_POPULATION_MEASURE } from '../../src/layers/population-measures';
import { LAYER_IDS, type LayerId, visualsOf } from '../../src/layers/registry';
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

  it('puts the title and selection in the top band and the credits and date in the bottom band', () => {
    const layout = layoutImage(SIZE, textsFor('en', ['districts'], '500101'), measure);
    expect(layout.title.text).toBe('Chongqing Spatial Strategy Atlas');
    expect(layout.selection?.text).toBe('Wanzhou District');
    expect(layout.title.y).toBeLessThan(layout.selection?.y ?? 0);
    expect(layout.selection?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(layout.header.height);
    expect(layout.footer.y + layout.footer.height).toBe(SIZE.height);
    const credits = layout.credits.map((line) => line.text).join(' ');
    expect(credits).toContain('审图号');
    expect(layout.credits.at(-1)?.text).toBe('Made 5 December 2026');
    for (const line of layout.credits) {
      expect(line.y).toBeGreaterThan(layout.footer.y);
      expect(line.y).toBeLessThanOrEqual(SIZE.height);
      expect(measure(line.text, line.fontSize, line.fontWeight)).toBeLessThanOrEqual(
        SIZE.width - 2 * IMAGE_TYPE.padding,
      );
    }
  });

  it('stands the legend on the bottom band, inside the image, a swatch for each swatch row', () => {
    const texts = textsFor('zh', ['districts', 'urban-system'], null);
    const layout = layoutImage(SIZE, texts, measure);
    const legend = layout.legend;
    if (!legend) throw new Error('no legend');
    expect(legend.box.y + legend.box.height).toBe(layout.footer.y - IMAGE_TYPE.padding);
    expect(legend.box.y).toBeGreaterThan(layout.header.height);
    expect(legend.box.x + legend.box.width).toBeLessThanOrEqual(SIZE.width);
    const swatchRows = texts.legend.flatMap((group) => group.rows).filter((row) => row.kind === 'swatch');
    expect(legend.swatches.length).toBe(swatchRows.length);
    for (const mark of legend.swatches) {
      expect(mark.box.y).toBeGreaterThanOrEqual(legend.box.y);
      expect(mark.box.y + mark.box.height).toBeLessThanOrEqual(legend.box.y + legend.box.height);
    }
    expect(legend.lines.map((line) => line.text)).toContain(texts.legend[1]?.heading);
  });

  it('has no selection line or legend when there is none, and cuts a title too wide for a phone', () => {
    const layout = layoutImage({ width: 200, height: 400 }, textsFor('en', [], null), measure);
    expect(layout.selection).toBeNull();
    expect(layout.legend).toBeNull();
    expect(layout.title.text.endsWith('…')).toBe(true);
    expect(measure(layout.title.text, layout.title.fontSize, layout.title.fontWeight)).toBeLessThanOrEqual(
      200 - 2 * IMAGE_TYPE.padding,
    );
  });
});

describe('SavedImage', () => {
  it('is one SVG of the image’s pixel size: the map with every district, and the texts over it', () => {
    const size = { width: 640, height: 480 };
    const texts = textsFor('zh', ['districts'], '500101');
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
        layout={layoutImage(size, texts, measure)}
        scale={2}
        fontFamily="sans-serif"
        title="重庆空间战略地图：万州区"
      />,
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 480" width="1280" height="960"/);
    for (const district of places.districts) expect(svg).toContain(`data-id="${district.code}"`);
    expect(svg).toContain('>重庆空间战略地图</text>');
    expect(svg).toContain('>万州区</text>');
    expect(svg).toContain(`>${texts.legend[0]?.heading}</text>`);
    expect(svg).toContain('制图日期：2026年12月5日');
    expect(svg).not.toContain('style=');
  });
});
