/**
 * What a printed page shows (print.css hides everything else): rendered only while the page
 * is printed, from a module loaded in idle time after the start, so that the browser's
 * `beforeprint` can render it at once (a dynamic import would arrive after the print).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
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
    whenIdle(load);
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
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media?.removeEventListener('change', onMedia);
    };
  }, []);

  return printing && Sheet ? <Sheet overview={overview} /> : null;
}
