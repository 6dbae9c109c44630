/**
 * "Share": the browser's share sheet where it has one (navigator.share), otherwise copies the
 * link and says so in a live region next to the button. The link is always the full map's, for
 * the state on screen, so a link shared from an embed opens the whole atlas.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAtlas } from './atlas-context';

export function ShareButton({ url, class: className }: { url: () => string; class?: string }) {
  const { t } = useAtlas();
  const [feedback, setFeedback] = useState('');
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const say = (message: string) => {
    setFeedback(message);
    clearTimeout(clearTimer.current);
    clearTimer.current = setTimeout(() => setFeedback(''), 4000);
  };

  const share = async () => {
    const link = url();
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: t('app.title'), url: link });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say. Any other failure falls back to copying.
        if ((error as DOMException)?.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      say(t('share.copied'));
    } catch {
      say(t('share.copyFailed', { url: link }));
    }
  };

  return (
    <span class={`share ${className ?? ''}`.trim()}>
      <button type="button" class="button-quiet" onClick={() => void share()}>
        <span class="action-icon" aria-hidden="true">
          ↗
        </span>
        <span class="action-label">{t('share.button')}</span>
      </button>
      <span class="share-feedback" role="status" data-testid="share-feedback">
        {feedback}
      </span>
    </span>
  );
}
