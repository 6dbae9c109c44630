/**
 * `npm run screenshot`: the README's picture, taken from the production build (dist/) in
 * headless Chromium: the urban-system view with Wanzhou's popup open.
 */
import type { Server } from 'node:http';
import { waitForMapIdle } from '../tests/e2e/support/atlas-driver';
import { launchChromium } from '../tests/e2e/support/browser';
import { startServer } from './serve.mjs';

const OUTPUT = 'docs/screenshot.png';

const { server, url } = (await startServer({ port: 0, dir: 'dist', quiet: true })) as { server: Server; url: string };
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${url}?sel=500101#map=7.05/30.2/107.6`);
  // The selection's outline is drawn a frame after its popup: wait for it, then for the map to settle.
  await page.waitForSelector('[data-testid="map"][data-selection="500101"]', { state: 'attached' });
  await page.locator('.maplibregl-popup .popup').waitFor();
  await waitForMapIdle(page);
  await page.screenshot({ path: OUTPUT });
  console.log(`wrote ${OUTPUT}`);
} finally {
  await browser.close();
  server.close();
}
