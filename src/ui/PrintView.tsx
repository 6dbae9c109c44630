/**
 * What a printed page shows (print.css hides everything else): rendered only while the page
 * is printed, from a module loaded in idle time once the first view is complete (not during
 * the start, which it would lengthen), so that the browser's `beforeprint` can render it at
 * once (a dynamic import would arrive after the print).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import { afterFirstView } from './first-view-complete';
import { whenIdle } from './when-idle';

type PrintSheetModule = typeof import('../print/PrintSheet');

let sheetModule: Promise<PrintSheetModule> | null = null;
const loadSheet = () => {
  sheetModule ??= import('../print/PrintSheet');
  return sheetModule;
};

export function PrintView({ overview }: { overview: Topology }) {
  const [Sheet, setSheet] = useState<PrintSheetModule['PrintSheet'] | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void loadSheet()
        .then((module) => {
          if (!cancelled) setSheet(() => module.PrintSheet);
        })
        // Printing without it prints an empty page; the screen is not affected.
        .catch(() => undefined);
    const cancelWarmUp = afterFirstView(() => whenIdle(load));
    const media = window.matchMedia?.('print');
    const start = () => {
      load();
      setPrinting(true);
    };
    const end = () => setPrinting(media?.matches ?? false);
    const onMedia = () => (media?.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    media?.addEventListener('change', onMedia);
    if (media?.matches) start();
    return () => {
      cancelled = true;
      cancelWarmUp();
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media?.removeEventListener('change', onMedia);
    };
  }, []);

  return printing && Sheet ? <Sheet overview={overview} /> : null;
}
