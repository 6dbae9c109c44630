/**
 * One passage: the exact quote in a <blockquote cite> holding only the quoted words,
 * the project's English rendering labelled as a translation, and a link to read it in
 * context. A quote cut inside a clause shows an ellipsis where it is cut. All text goes in as text.
 */
import type { Passage } from '../types/content';
import { useAtlas } from './atlas-context';
import { CitedText } from './SourceCitation';

interface PassageQuoteProps {
  passage: Passage;
  onReadInContext(): void;
}

/** The URL that opens the reader at a passage: a quote's `cite`. */
export function passageUrl(id: string): string {
  return `?passage=${encodeURIComponent(id)}`;
}

export function PassageQuote({ passage, onReadInContext }: PassageQuoteProps) {
  const { t, lang } = useAtlas();
  return (
    <figure class="passage" data-passage={passage.id}>
      <blockquote cite={passageUrl(passage.id)} lang="zh-Hans">
        {passage.excerpt?.start && <span class="excerpt-mark">……</span>}
        {passage.quote}
        {passage.excerpt?.end && <span class="excerpt-mark">……</span>}
      </blockquote>
      <figcaption>
        {lang === 'en' ? (
          <p class="passage-translation" lang="en">
            <span class="translation-label">{t('popup.translation')}: </span>
            {passage.translationEn}
          </p>
        ) : (
          <details class="passage-translation">
            <summary>{t('popup.showTranslation')}</summary>
            <p lang="en">{passage.translationEn}</p>
          </details>
        )}
        {passage.editorNote && (
          <p class="passage-editor-note">
            <span class="translation-label">{t('popup.editorNote')}: </span>
            <CitedText text={passage.editorNote[lang]} />
          </p>
        )}
        <button type="button" class="link-button" onClick={onReadInContext}>
          {t('popup.readInContext')}
        </button>
      </figcaption>
    </figure>
  );
}
