/**
 * Browse by place: search, then the strategy's regions, the five of the urban system with
 * their districts underneath, so every place is listed once. Each entry counts its passages:
 * a district's own, and those it has through its regions (the popup offers both). Every entry
 * is a real button, so the whole map can be used from the keyboard.
 */
import { useAtlas } from './atlas-context';
import { SearchBox } from './SearchBox';

/** The regions listed in the browser, in reading order (the urban system first). */
const BROWSER_REGIONS = [
  'chongqing',
  'central-urban',
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
  // The state names a place by its one id (AtlasView maps an alias such as `yuzhong` to it).
  const selected = state.sel;
  const counts = (id: string, level: 'region' | 'district') => {
    const direct = content.passagesAbout(id).length;
    const via = level === 'district' ? content.viaRegionsSummary(id) : { count: 0, regionIds: [] };
    if (via.count === 0) {
      return { shown: t('places.passages', { count: direct }), spoken: t('places.passagesLabel', { count: direct }) };
    }
    const regions = via.regionIds.map((regionId) => places.name(regionId, lang)).join(lang === 'zh' ? '、' : ', ');
    return {
      shown: t('places.passagesWithVia', { count: direct, via: via.count }),
      spoken: t('places.passagesWithViaLabel', { count: direct, via: via.count, regions }),
    };
  };
  const entry = (id: string, level: 'region' | 'district') => {
    const { shown, spoken } = counts(id, level);
    return (
      <button
        type="button"
        class={`place-button ${level}${selected === id ? ' selected' : ''}`}
        aria-current={selected === id ? 'true' : undefined}
        data-place={id}
        onClick={() => selectPlace(id)}
      >
        <span class="place-name">{places.name(id, lang)}</span>
        <span class="place-count" aria-hidden="true" title={spoken}>
          {shown}
        </span>
        <span class="visually-hidden">{spoken}</span>
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
          // Only the urban system's five regions divide the districts: each district once, under its own.
          const members = region?.kind === 'urban-system' ? region.members : [];
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
