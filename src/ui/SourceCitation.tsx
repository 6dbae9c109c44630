/**
 * A citation resolved for readers: each source by number (as the About panel lists it),
 * publisher, title and date, linked where an address is recorded, and marked when every
 * source cited is an aggregator.
 */
import type { NumberedSource } from '../content/queries';
import { useAtlas } from './atlas-context';

export function SourceCitation({ citation }: { citation: string }) {
  const { t, content } = useAtlas();
  const sources = content.sourcesOf(citation);
  if (sources.length === 0) return null;
  const aggregatorOnly = sources.every((source) => source.entry.kind === 'aggregator');
  return (
    <span class="source-citation">
      {sources.map((source, index) => (
        <span key={source.entry.key} class="source" data-source={source.number}>
          {index > 0 && '; '}
          <SourceName source={source} />
        </span>
      ))}
      {aggregatorOnly && <span class="source-warning"> ({t('sources.aggregatorOnly')})</span>}
    </span>
  );
}

const HAN = /\p{Script=Han}/u;

/** A source's own words (titles and publishers are often Chinese): marked with their language. */
function Original({ text }: { text: string }) {
  return HAN.test(text) ? <span lang="zh-Hans">{text}</span> : text;
}

/** "[12] Publisher, Title, date", the title a link when the source has an address. */
export function SourceName({ source }: { source: NumberedSource }) {
  const { t } = useAtlas();
  const { entry, number } = source;
  const title = entry.url ? (
    <a href={entry.url} target="_blank" rel="noopener noreferrer">
      <Original text={entry.title} />
    </a>
  ) : (
    <Original text={entry.title} />
  );
  return (
    <>
      [{number}] <Original text={entry.publisher} />, {title},{' '}
      <span class="source-date">{entry.date ?? t('sources.dateNotStated')}</span>
    </>
  );
}

/**
 * Text that cites sources inline as "[M1]": each listed key is shown as its number in the
 * source list, with the source's name as a tooltip and its address as the link.
 */
export function CitedText({ text }: { text: string }) {
  const { content } = useAtlas();
  const parts = text.split(/(\[[A-Za-z0-9]+\])/);
  return (
    <>
      {parts.map((part, index) => {
        const source = content.sources.get(part);
        if (!source) return part;
        const label = `${source.entry.publisher}, ${source.entry.title}`;
        return source.entry.url ? (
          <a key={index} href={source.entry.url} title={label} target="_blank" rel="noopener noreferrer">
            [{source.number}]
          </a>
        ) : (
          <abbr key={index} title={label}>
            [{source.number}]
          </abbr>
        );
      })}
    </>
  );
}
