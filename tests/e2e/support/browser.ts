/**
 * The only module that imports playwright-core: launches the system Chromium with the
 * flags MapLibre needs headless (SwiftShader for WebGL2) and no background networking.
 */
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Features switched off: Chromium honours only the last `--disable-features` switch, and the
 * launchers pass their own, so this repeats Playwright's (a unit test checks that it still
 * covers them) and adds the two that matter here.
 */
export const DISABLED_FEATURES = [
  // Since Chromium 151 every new window preloads the address bar's popup as a WebUI page in a
  // renderer of its own, headless too. In a trace of one atlas load it kept a core busy for
  // about 4 s, on a 2-core machine, while the page under test loaded.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  // Playwright's own list (playwright-core 1.65, chromiumSwitches.ts).
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The `--disable-features` switch: ours and the given launcher's, in one. */
export function disableFeaturesFlag(launcherFlags: readonly string[] = []): string {
  const launchers = launcherFlags
    .filter((flag) => flag.startsWith('--disable-features='))
    .flatMap((flag) => flag.slice('--disable-features='.length).split(','));
  return `--disable-features=${[...new Set([...DISABLED_FEATURES, ...launchers])].join(',')}`;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  disableFeaturesFlag(),
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

/** One browser for a whole test file: launched before its tests, closed after them. */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

/** A new page that records console errors, uncaught errors and every request it makes. */
export async function newLoggedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const log: PageLog = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  context.on('request', (request) => log.requests.push(request.url()));
  return { page, log };
}

export type { Browser, Page };
