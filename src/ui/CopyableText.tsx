/** A block of text with a button that copies it; if the clipboard is refused, says so (the text stays selectable). */
import { useState } from 'preact/hooks';
import { useAtlas } from './atlas-context';
import { MarkedText } from './MarkedText';

export function CopyableText({ text, label }: { text: string; label: string }) {
  const { t } = useAtlas();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div class="copyable">
      <p class="copyable-text">
        <MarkedText text={text} />
      </p>
      <button
        type="button"
        class="button"
        aria-label={`${t('cite.copy')}: ${label}`}
        onClick={() => {
          const clipboard = navigator.clipboard;
          if (!clipboard) {
            setStatus('failed');
            return;
          }
          clipboard.writeText(text).then(
            () => setStatus('copied'),
            () => setStatus('failed'),
          );
        }}
      >
        {t('cite.copy')}
      </button>{' '}
      <span role="status" class="copyable-status">
        {status === 'copied' ? t('cite.copied') : status === 'failed' ? t('cite.copyFailed') : ''}
      </span>
    </div>
  );
}
