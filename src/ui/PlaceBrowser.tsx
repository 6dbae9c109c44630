/**
 * Browse by place: search, then the strategy's regions with their districts underneath,
 * each with its number of passages. Every entry is a real button, so the whole map can be
 * used from the keyboard.
 */
import { useAtlas } from './atlas-context';
import { SearchBox } from './SearchBox';

/** The regions listed in the browser, in reading order (the urban system first). */
const BROWSER_REGIONS = [
  'chongqing',
  'central-urban',
  'yuzhong',
  'western',
  'eastern-new-city',
  'northeast',
  'wan-kai-yun',
  'southeast',
  'metropolitan',
  'science-corridor',
];

export function PlaceBrowser() {
  const { t, lang, places, content, state, selectPlace } = useAtlas();
  const count = (id: string) => content.passagesAbout(id).length;
  const entry = (id: string, level: 'region' | 'district') => {
    const passages = count(id);
    return (
      <button
        type="button"
        class={`place-button ${level}${state.sel === id ? ' selected' : ''}`}
        aria-current={state.sel === id ? 'true' : undefined}
        data-place={id}
        onClick={() => selectPlace(id)}
      >
        <span class="place-name">{places.name(id, lang)}</span>
        <span class="place-count" aria-hidden="true">
          {t('places.passages', { count: passages })}
        </span>
        <span class="visually-hidden">{t('places.passagesLabel', { count: passages })}</span>
      </button>
    );
  };
  return (
    <section class="place-browser" id="place-browser" tabIndex={-1} aria-labelledby="place-browser-heading">
      <h2 id="place-browser-heading">{t('places.heading')}</h2>
      <SearchBox />
      <ul class="place-tree">
        {BROWSER_REGIONS.filter((id) => places.regions.has(id)).map((id) => {
          const region = places.regions.get(id);
          const members =
            id === 'chongqing' || id === 'metropolitan' || id === 'yuzhong' ? [] : (region?.members ?? []);
          return (
            <li key={id}>
              {entry(id, 'region')}
              {members.length > 0 && (
                <ul aria-label={t('places.districtsOf', { region: places.name(id, lang) })}>
                  {members.map((code) => (
                    <li key={code}>{entry(code, 'district')}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
