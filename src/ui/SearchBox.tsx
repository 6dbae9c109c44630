/**
 * Place search as an ARIA combobox: type, move with ↑/↓ (↓ from the box goes to the first
 * hit), choose with Enter (the first hit when none is active), close with Escape. Matched
 * characters are marked; "no match" is shown and announced. The search code loads when the
 * box is first used.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MatchRange, SearchEntry, SearchHit } from '../search/place-search';
import type { Lang } from '../types/atlas-data';
import { useAtlas } from './atlas-context';

type SearchModule = typeof import('../search/place-search');

export function SearchBox() {
  const { t, lang, places, selectPlace } = useAtlas();
  const [query, setQuery] = useState('');
  /** The hit the arrow keys reached; -1 while the reader is still in the box. */
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState<{ module: SearchModule; index: SearchEntry[] } | null>(null);

  const loadSearch = () => {
    if (search) return;
    void import('../search/place-search').then((module) =>
      setSearch({ module, index: module.buildSearchIndex(places.data) }),
    );
  };
  useEffect(() => {
    if (query) loadSearch();
  }, [query]);

  const hits: SearchHit[] = useMemo(
    () => (search && query ? search.module.searchPlaces(search.index, query) : []),
    [search, query],
  );
  const typed = open && query.trim() !== '';
  const expanded = typed && hits.length > 0;
  const noMatch = typed && search !== null && hits.length === 0;
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery(places.name(hit.id, lang));
    selectPlace(hit.id);
  };
  const markedName = (id: string, nameLang: Lang) => {
    const name = places.name(id, nameLang);
    const pinyin = nameLang === 'zh' ? (places.get(id)?.info.pinyin ?? []) : [];
    return <Marked text={name} ranges={search ? search.module.matchRanges(name, query, pinyin) : []} />;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(hits.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[Math.max(0, active)]);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
      } else {
        setQuery('');
      }
    }
  };

  return (
    <div class="search">
      <label for="place-search">{t('search.label')}</label>
      <input
        id="place-search"
        type="search"
        // biome-ignore lint/a11y/noRedundantRoles: `list` is unset, so the combobox role must be explicit
        role="combobox"
        list={undefined}
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="place-search-results"
        aria-activedescendant={expanded && active >= 0 && hits[active] ? `search-hit-${hits[active].id}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onFocus={loadSearch}
        onInput={(event) => {
          setQuery((event.currentTarget as HTMLInputElement).value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setTimeout(() => setOpen(false), 150);
        }}
      />
      <div id="place-search-results" role="listbox" aria-label={t('search.label')} hidden={!expanded}>
        {hits.map((hit, index) => (
          // Keys are handled by the input (aria-activedescendant); options only take clicks.
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <div
            key={hit.id}
            tabIndex={-1}
            id={`search-hit-${hit.id}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span>{markedName(hit.id, lang)}</span>
            <span class="search-secondary" lang={lang === 'zh' ? 'en' : 'zh-Hans'}>
              {markedName(hit.id, lang === 'zh' ? 'en' : 'zh')}
            </span>
          </div>
        ))}
      </div>
      {/* Shown when nothing matched; otherwise only read out. */}
      <p class={noMatch ? 'search-empty' : 'visually-hidden'} aria-live="polite" data-testid="search-status">
        {expanded ? t('search.results', { count: hits.length }) : noMatch ? t('search.noResults') : ''}
      </p>
    </div>
  );
}

/** Text with the given runs marked, as text nodes and <mark> elements. */
function Marked({ text, ranges }: { text: string; ranges: MatchRange[] }) {
  const parts: ComponentChildren[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(from, start), <mark key={start}>{text.slice(start, end)}</mark>);
    from = end;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
