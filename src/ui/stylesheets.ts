/**
 * Whether the page's own stylesheets loaded. Without them the atlas has no layout (the map
 * has no height), so a failed one is reported by name. Checked once the page has loaded: by
 * then each stylesheet has either loaded or failed; Chromium gives a failed one (a 404) an
 * empty sheet, and none of ours is empty.
 */
import { fileName } from '../data/file-load-error';

function failedToLoad(link: HTMLLinkElement): boolean {
  try {
    return link.sheet === null || link.sheet.cssRules.length === 0;
  } catch {
    // Another origin's rules cannot be read: it loaded.
    return false;
  }
}

/**
 * The stylesheets the HTML links, taken as the page's script starts (the document is parsed by
 * then), before the map's code adds its own: that one's failure is the map's to report.
 */
const pageStylesheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];

/** Calls `onFailed` with the name of the first stylesheet that did not load, if any. */
export function watchStylesheets(onFailed: (file: string) => void): () => void {
  const check = () => {
    const failed = pageStylesheets.find(failedToLoad);
    if (failed) onFailed(fileName(failed.href));
  };
  if (document.readyState === 'complete') {
    check();
    return () => undefined;
  }
  window.addEventListener('load', check, { once: true });
  return () => window.removeEventListener('load', check);
}
