/**
 * "Save image": the current view as SVG or PNG, at 1× or 2×, with the title, legend,
 * selection, attribution and date (src/export/). A disclosure, so a keyboard and a phone reach
 * its four choices like any other button; the image code loads on the first save.
 */
import { useRef, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import type { ImageFormat } from '../export/image-texts';
import { useAtlas } from './atlas-context';

const CHOICES: { format: ImageFormat; scale: number }[] = [
  { format: 'png', scale: 1 },
  { format: 'png', scale: 2 },
  { format: 'svg', scale: 1 },
  { format: 'svg', scale: 2 },
];

export function SaveImage({ overview }: { overview: Topology }) {
  const { t, lang, places, content, state } = useAtlas();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const disclosure = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);

  /** Closes the menu with the focus on its button: a closed menu's buttons are hidden and would drop it to <body>. */
  const close = () => {
    summary.current?.focus();
    if (disclosure.current) disclosure.current.open = false;
  };

  const save = (format: ImageFormat, scale: number) => {
    // Not `disabled`: a disabled button would drop the keyboard focus it holds.
    if (busy) return;
    setFailed(false);
    setBusy(true);
    import('../export/save-image')
      .then(({ saveImage }) => saveImage({ format, scale, overview, t, lang, places, content, state }))
      .then(close)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <details
      class="save-image"
      ref={disclosure}
      data-testid="save-image"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && disclosure.current?.open) {
          event.preventDefault();
          close();
        }
      }}
    >
      <summary class="button-quiet" ref={summary}>
        <span class="action-icon" aria-hidden="true">
          ⤓
        </span>
        <span class="action-label">{t('image.save')}</span>
      </summary>
      <div class="save-image-menu" aria-busy={busy}>
        {CHOICES.map(({ format, scale }) => {
          const name = format.toUpperCase();
          return (
            <button
              key={`${format}-${scale}`}
              type="button"
              class="button"
              data-image={`${format}-${scale}x`}
              aria-label={t(format === 'svg' ? 'image.optionLabel.svg' : 'image.optionLabel.png', { scale })}
              aria-disabled={busy}
              onClick={() => save(format, scale)}
            >
              {t('image.option', { format: name, scale })}
            </button>
          );
        })}
        {failed && <p role="alert">{t('image.failed')}</p>}
      </div>
    </details>
  );
}
