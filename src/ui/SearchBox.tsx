/**
 * Place search as an ARIA combobox: type, move with ↑/↓, choose with Enter, close with
 * Escape. The search code loads when the box is first used.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SearchEntry, SearchHit } from '../search/place-search';
import { useAtlas } from './atlas-context';

type SearchModule = typeof import('../search/place-search');

export function SearchBox() {
  const { t, lang, places, selectPlace } = useAtlas();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
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
  const expanded = open && query.trim() !== '';
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery(places.name(hit.id, lang));
    selectPlace(hit.id);
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
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.stopPropagation();
        setOpen(false);
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
        aria-activedescendant={expanded && hits[active] ? `search-hit-${hits[active].id}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onFocus={loadSearch}
        onInput={(event) => {
          setQuery((event.currentTarget as HTMLInputElement).value);
          setActive(0);
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
            {places.name(hit.id, lang)}
            <span class="search-secondary" lang={lang === 'zh' ? 'en' : 'zh-Hans'}>
              {places.name(hit.id, lang === 'zh' ? 'en' : 'zh')}
            </span>
          </div>
        ))}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {expanded ? (hits.length > 0 ? t('search.results', { count: hits.length }) : t('search.noResults')) : ''}
      </p>
    </div>
  );
}
