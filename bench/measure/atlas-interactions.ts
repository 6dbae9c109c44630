/**
 * What a reader does once the atlas is drawn, timed in the page (bench/probe/probe.ts) from
 * the input event to the frame that shows the answer: point at a district and click → its popup;
 * point at one → its outline; switch a layer → the map drawn with it; and 50 selections in a row,
 * which must leave the heap and the DOM where they were.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { LayerId } from '../../src/layers/registry';
import { SOURCES, styleLayerGroups } from '../../src/map/style';
import type { HoverTiming, PopupTiming, ToggleTiming } from '../probe/probe';
import type { AtlasInteractionSample } from '../types';
import { heapObjectBytes } from './heap-objects';
import { heapAfterGc } from './load';
import { type ActionMark, longTasksByAction } from './long-tasks';

interface District {
  code: string;
  nameZh: string;
  point: { x: number; y: number };
}

/** Layer switches timed each run: on then off, and a default layer off then on again. */
const TOGGLES: { layer: LayerId; visible: boolean }[] = [
  { layer: 'population', visible: true },
  { layer: 'population', visible: false },
  { layer: 'innovation', visible: true },
  { layer: 'innovation', visible: false },
  { layer: 'urban-system', visible: false },
  { layer: 'urban-system', visible: true },
];

const SELECTIONS = 50;

const COLOURING = 'input[name=district-colouring]';

/**
 * Switches a layer as a reader does: its checkbox, or, for a layer that colours the districts, its
 * radio; switched off, the radio group returns to the colouring shown before it (or to none).
 * Builds before the radio group had a checkbox for every layer.
 */
function layerSwitcher(page: Page) {
  const colouringBefore = new Map<string, string>();
  return async (layer: string, visible: boolean) => {
    const radio = `${COLOURING}[value="${layer}"]`;
    if ((await page.locator(radio).count()) === 0) {
      await page.click(`input[name=layers][value=${layer}]`);
      return;
    }
    if (visible) {
      colouringBefore.set(layer, (await page.locator(`${COLOURING}:checked`).getAttribute('value')) ?? '');
      await page.click(radio);
      return;
    }
    await page.click(`${COLOURING}[value="${colouringBefore.get(layer) ?? ''}"]`);
  };
}

/** The largest districts, clicked at their label points: well inside at the default zoom. */
async function targetDistricts(page: Page, count: number): Promise<District[]> {
  const places = await page.evaluate(() => window.__benchProbe?.atlasPlaces() ?? []);
  const largest = places.sort((a, b) => b.areaKm2 - a.areaKm2).slice(0, count);
  const districts: District[] = [];
  for (const place of largest) {
    const point = await page.evaluate((label) => window.__benchProbe?.atlasPoint(label), place.label);
    if (point) districts.push({ code: place.code, nameZh: place.nameZh, point });
  }
  return districts;
}

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.__benchProbe?.atlasIdle());
}

/** Notes, on the page's clock, that an action begins: long tasks are told apart by it. */
type Mark = (action: string) => Promise<void>;

function actionMarks(page: Page): { marks: ActionMark[]; mark: Mark } {
  const marks: ActionMark[] = [];
  const mark: Mark = async (action) => {
    marks.push({ action, at: await page.evaluate(() => performance.now()) });
  };
  return { marks, mark };
}

/**
 * A click as a mouse user makes it: the pointer reaches the district (its hover outline is drawn
 * while it moves) and then clicks. A pointer that jumps and clicks at once, which only a script
 * does, would add the hover's map frame to the popup's.
 */
async function clickForPopup(page: Page, district: District, mark: Mark): Promise<PopupTiming> {
  await mark('point at a district');
  await page.mouse.move(district.point.x, district.point.y);
  await idle(page);
  const selected = { source: SOURCES.base, id: district.code };
  await page.evaluate(([name, feature]) => window.__benchProbe?.armPopup(name, feature), [
    district.nameZh,
    selected,
  ] as const);
  await mark('click → popup');
  await page.mouse.click(district.point.x, district.point.y);
  return (await page.evaluate(() => window.__benchProbe?.result())) as PopupTiming;
}

async function closePopup(page: Page, mark: Mark): Promise<void> {
  await mark('close the popup');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.__benchProbe?.popupOpen() === false, null, { timeout: 10_000 });
  await idle(page);
}

async function domCounters(cdp: CDPSession) {
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { nodes, listeners: jsEventListeners };
}

export async function measureAtlasInteractions(
  page: Page,
  cdp: CDPSession,
  drawnAt: number,
  options: { quick: boolean; memory: boolean },
): Promise<AtlasInteractionSample> {
  const repeats = options.quick ? 2 : 5;
  const districts = await targetDistricts(page, 10);
  if (districts.length < 4) throw new Error('bench: too few districts to click');
  const { marks, mark } = actionMarks(page);

  const clickToPopupMs: number[] = [];
  const clickToPopupDomMs: number[] = [];
  const clickToOutlineMs: number[] = [];
  for (const district of districts.slice(0, repeats)) {
    const timing = await clickForPopup(page, district, mark);
    clickToPopupMs.push(timing.ms);
    clickToPopupDomMs.push(timing.domMs);
    clickToOutlineMs.push(timing.outlineMs);
    await closePopup(page, mark);
  }

  const hover: AtlasInteractionSample['hover'] = [];
  for (const district of districts.slice(0, repeats)) {
    await page.evaluate((code) => window.__benchProbe?.armHover(code), district.code);
    await mark('hover');
    await page.mouse.move(district.point.x, district.point.y);
    const timing = (await page.evaluate(() => window.__benchProbe?.result())) as HoverTiming;
    hover.push(timing);
    await idle(page);
  }

  const groups = styleLayerGroups();
  await mark('open the layers tab');
  await page.click('#tab-layers');
  const toggle: AtlasInteractionSample['toggle'] = [];
  const switchLayer = layerSwitcher(page);
  for (const { layer, visible } of options.quick ? TOGGLES.slice(0, 2) : TOGGLES) {
    await page.evaluate(([id, ids, show]) => window.__benchProbe?.armToggle(id, ids, show), [
      layer,
      groups[layer],
      visible,
    ] as const);
    await mark(`switch ${layer} ${visible ? 'on' : 'off'}`);
    await switchLayer(layer, visible);
    const timing = (await page.evaluate(() => window.__benchProbe?.result())) as ToggleTiming;
    toggle.push({ layer, visible, ...timing });
  }

  // Two rounds of selections from and back to the same state (no popup, the mouse on the
  // same spot): the first warms caches and compiled code, the second shows what a leak adds.
  const selections = options.memory ? (options.quick ? 10 : SELECTIONS) : 0;
  const first = districts[0] as District;
  const settle = async () => {
    await mark('point at a district');
    await page.mouse.move(first.point.x, first.point.y);
    await idle(page);
  };
  await settle();
  const heapBefore = await heapAfterGc(page, cdp);
  const objectsBefore = selections > 0 ? await heapObjectBytes(cdp) : Number.NaN;
  const domBefore = await domCounters(cdp);
  const heaps: number[] = [];
  const objects: number[] = [];
  for (let round = 0; round < (selections > 0 ? 2 : 0); round += 1) {
    // Closed each time: an open popup could cover the next district's label point.
    for (let selection = 0; selection < selections; selection += 1) {
      await clickForPopup(page, districts[selection % districts.length] as District, mark);
      await closePopup(page, mark);
    }
    await settle();
    heaps.push(await heapAfterGc(page, cdp));
    objects.push(await heapObjectBytes(cdp));
  }
  const domAfter = await domCounters(cdp);

  const longTasks = await page.evaluate(() => window.__benchProbe?.longTasks ?? []);
  return {
    clickToPopupMs,
    clickToPopupDomMs,
    clickToOutlineMs,
    toggle,
    hover,
    memory:
      selections === 0
        ? null
        : {
            selections,
            heapBeforeBytes: heapBefore,
            heapAfterBytes: heaps[0] ?? Number.NaN,
            heapAfterMoreBytes: heaps[1] ?? Number.NaN,
            objectBytesBefore: objectsBefore,
            objectBytesAfter: objects[0] ?? Number.NaN,
            objectBytesAfterMore: objects[1] ?? Number.NaN,
            domNodesBefore: domBefore.nodes,
            domNodesAfter: domAfter.nodes,
            listenersBefore: domBefore.listeners,
            listenersAfter: domAfter.listeners,
          },
    longTasksAfterIdle: longTasksByAction(longTasks, marks, drawnAt),
  };
}
