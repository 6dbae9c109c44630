/**
 * A shared link means the same on every screen: `#map=z/lat/lon` is the centre and zoom of the
 * part of the map the reader can see (not covered by the bottom sheet), so a link copied on a
 * phone and opened on a desktop, or the other way round, shows the same place centred in the
 * visible map; a selection the screen is too small for lowers the zoom, never pans away.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BBox } from '../../src/types/atlas-data';
import { loadPlaces } from '../support/artifacts';
import { mapView, openAtlas, waitForMapIdle } from './support/atlas-driver';
import { type Browser, newLoggedPage, type Page, useBrowser } from './support/browser';
import { inside, placeOnScreen, visibleMapRect } from './support/visible-map';

const atlasUrl = inject('atlasUrl');
const browser = useBrowser();
const places = loadPlaces();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

function bboxOf(id: string): BBox {
  const box =
    places.districts.find((district) => district.code === id)?.bbox ??
    places.regions.find((region) => region.id === id)?.bbox;
  if (!box) throw new Error(`no place ${id}`);
  return box;
}

async function openPage(options: typeof PHONE | typeof DESKTOP, url: string): Promise<Page> {
  const { page } = await newLoggedPage(browser() as Browser, { ...options, reducedMotion: 'reduce' });
  await openAtlas(page, url);
  return page;
}

/** The link as the reader would copy it once the view has settled (the URL follows the map). */
async function copiedLink(page: Page): Promise<string> {
  await waitForMapIdle(page);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#map=/);
  return page.evaluate(() => location.href);
}

/** Where a place stands in the visible map: its centre's offset from the visible centre, and whether all of it shows. */
async function placement(page: Page, box: BBox) {
  await waitForMapIdle(page);
  const place = await placeOnScreen(page, box);
  const visible = await visibleMapRect(page);
  return {
    offset: Math.hypot(
      place.centre.x - (visible.left + visible.right) / 2,
      place.centre.y - (visible.top + visible.bottom) / 2,
    ),
    fullyVisible: inside(place.box, visible),
  };
}

describe('a link copied on one screen, opened on another', () => {
  it('phone → desktop: the default view shows Chongqing centred in the visible map', async () => {
    const phone = await openPage(PHONE, atlasUrl);
    const link = await copiedLink(phone);
    const chongqing = bboxOf('chongqing');
    const onPhone = await placement(phone, chongqing);
    expect(onPhone.fullyVisible, 'Chongqing fully in view above the sheet').toBe(true);
    await phone.context().close();

    const desktop = await openPage(DESKTOP, link);
    const onDesktop = await placement(desktop, chongqing);
    expect(onDesktop.fullyVisible).toBe(true);
    // The same centre: Chongqing in the middle of the desktop's map, not shifted to a corner.
    expect(onDesktop.offset).toBeLessThan(30);
    await desktop.context().close();
  });

  it('phone → desktop: a selected place is centred in the visible map and fully visible', async () => {
    const phone = await openPage(PHONE, atlasUrl);
    await phone.locator('#place-browser button[data-place="500117"]').first().click();
    await expect.poll(() => phone.locator('.panel-details h2').textContent()).toBe('合川区');
    const link = await copiedLink(phone);
    expect(link).toContain('sel=500117');
    const hechuan = bboxOf('500117');
    const onPhone = await placement(phone, hechuan);
    expect(onPhone).toMatchObject({ fullyVisible: true });
    expect(onPhone.offset).toBeLessThan(20);
    await phone.context().close();

    const desktop = await openPage(DESKTOP, link);
    const onDesktop = await placement(desktop, hechuan);
    expect(onDesktop).toMatchObject({ fullyVisible: true });
    expect(onDesktop.offset).toBeLessThan(20);
    await desktop.context().close();
  });

  it('desktop → phone: the zoom is lowered just enough to show the place, centred above the sheet', async () => {
    const desktop = await openPage(DESKTOP, atlasUrl);
    await desktop.locator('#place-browser button[data-place="500117"]').first().click();
    await expect.poll(() => desktop.locator('.maplibregl-popup .popup h2').textContent()).toBe('合川区');
    const link = await copiedLink(desktop);
    const hechuan = bboxOf('500117');
    const desktopZoom = (await mapView(desktop)).zoom;
    await desktop.context().close();

    const phone = await openPage(PHONE, link);
    const onPhone = await placement(phone, hechuan);
    expect(onPhone, 'Hechuan in the map above the sheet').toMatchObject({ fullyVisible: true });
    expect(onPhone.offset).toBeLessThan(20);
    const phoneZoom = (await mapView(phone)).zoom;
    expect(phoneZoom).toBeLessThan(desktopZoom);
    // Lowered just enough: half a zoom level more would not fit it.
    const area = await visibleMapRect(phone);
    const place = await placeOnScreen(phone, hechuan);
    const scale = 2 ** 0.5;
    const tooBig =
      (place.box.right - place.box.left) * scale > area.right - area.left ||
      (place.box.bottom - place.box.top) * scale > area.bottom - area.top;
    expect(tooBig).toBe(true);
    await phone.context().close();
  });
});
