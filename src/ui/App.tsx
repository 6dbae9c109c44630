/**
 * Loads the data, then shows the atlas; a failed load shows an error panel with a retry
 * instead of a blank page.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { FileLoadError } from '../data/file-load-error';
import { type AtlasData, DATA_TIMEOUT_MS, takeAtlasData } from '../data/load-data';
import { HTML_LANG, translate } from '../i18n/messages';
import type { Lang } from '../types/atlas-data';
import { type AtlasMode, AtlasView } from './AtlasView';
import { ErrorPanel } from './ErrorPanel';
import { removeFirstPaint } from './first-paint';
import { watchStylesheets } from './stylesheets';

type LoadStatus =
  | { kind: 'loading' }
  | { kind: 'failed'; file: string; reason: string; timedOut: boolean }
  | { kind: 'ready'; data: AtlasData };

/** The language before any data is loaded, for the loading and error screens. */
export function langFromUrl(): Lang {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function App({ mode }: { mode: AtlasMode }) {
  const [status, setStatus] = useState<LoadStatus>({ kind: 'loading' });
  const load = useCallback(() => {
    setStatus({ kind: 'loading' });
    takeAtlasData()
      .then((data) => setStatus({ kind: 'ready', data }))
      .catch((error: unknown) =>
        setStatus(
          error instanceof FileLoadError
            ? { kind: 'failed', file: error.file, reason: error.reason, timedOut: error.timedOut }
            : { kind: 'failed', file: '?', reason: String((error as Error)?.message ?? error), timedOut: false },
        ),
      );
  }, []);
  useEffect(load, [load]);
  const [failedStylesheet, setFailedStylesheet] = useState<string | null>(null);
  useEffect(() => watchStylesheets(setFailedStylesheet), []);
  // Before the browser paints what replaces it (the map's own first view, or an error).
  useLayoutEffect(() => {
    if (status.kind !== 'loading' || failedStylesheet) removeFirstPaint();
  }, [status.kind, failedStylesheet]);

  if (failedStylesheet) {
    const lang = langFromUrl();
    return (
      <ErrorPanel
        title={translate(lang, 'errors.fileTitle')}
        message={translate(lang, 'errors.fileBody', { file: failedStylesheet })}
        retryLabel={translate(lang, 'errors.retry')}
        // A stylesheet the browser failed to load is loaded again with the page.
        onRetry={() => location.reload()}
      />
    );
  }
  if (status.kind === 'ready') return <AtlasView data={status.data} mode={mode} />;
  const lang = langFromUrl();
  document.documentElement.lang = HTML_LANG[lang];
  if (status.kind === 'failed') {
    const reason = status.timedOut
      ? translate(lang, 'errors.timeout', { seconds: DATA_TIMEOUT_MS / 1000 })
      : status.reason;
    return (
      <ErrorPanel
        title={translate(lang, 'errors.dataTitle')}
        message={translate(lang, 'errors.dataBody', { file: status.file, reason })}
        retryLabel={translate(lang, 'errors.retry')}
        onRetry={load}
      />
    );
  }
  // index.html shows this status (in both languages) before the scripts run; mountAtlas
  // clears it, so there is never a second one.
  return (
    <p class="loading" role="status">
      {translate(lang, 'app.loading')}
    </p>
  );
}
