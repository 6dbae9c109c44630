/**
 * The popup for a selected district or region: names, type, regions, area, then what the
 * articles say (grouped by article), figures with sources and flow notes. Rendered by
 * Preact into the map's popup (a portal), so all text stays text.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Passage } from '../types/content';
import { useAtlas } from './atlas-context';
import { FigureList } from './FigureList';
import { PassageQuote } from './PassageQuote';
import { PlaceArea } from './PlaceArea';
import { PlaceDownloads } from './PlaceDownloads';
import { CitedText, SourceCitation } from './SourceCitation';

interface PopupContentProps {
  id: string;
  onClose(): void;
  /** Called after rendering, so the map can re-anchor the popup to its new size. */
  onRendered?(): void;
  /** Move focus into the popup when it opens (keyboard and list users). */
  takeFocus: boolean;
}

export function PopupContent({ id, onClose, onRendered, takeFocus }: PopupContentProps) {
  const { t, lang, places, content, openPassage } = useAtlas();
  const dialog = useRef<HTMLDivElement>(null);
  const place = places.get(id);

  useLayoutEffect(() => {
    onRendered?.();
  }, [id, lang]);
  // Focus moves in when a place opens, not when only the language changes: the reader is on the language button.
  // After layout effects: the map attaches its popup (this content's parent) in the map pane's, which run after ours.
  useEffect(() => {
    const element = dialog.current;
    if (!takeFocus || !element) return;
    if (element.isConnected) {
      element.focus();
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (element.isConnected) element.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [id]);

  if (!place) return null;
  const headingId = `popup-title-${id}`;
  const direct = content.passagesAbout(id);
  const viaRegions = place.kind === 'district' ? content.passagesViaRegions(id) : [];
  // The published area is the area row's, not repeated among the figures.
  const area = content.publishedArea(id);
  const figures = content.figuresAbout(id).filter((figure) => figure !== area);
  const flows = content.flowsAbout(id);
  const schematic = content.schematicAbout(id);
  const boundaryNote = content.data.boundaryNotes.find((note) => note.district === id);
  const definition = content.data.regionDefinitions.find((entry) => entry.region === id);
  const primaryName = lang === 'zh' ? place.info.nameZh : place.info.nameEn;
  const secondaryName = lang === 'zh' ? place.info.nameEn : place.info.nameZh;

  const renderGroups = (passages: Passage[]) =>
    content.groupByArticle(passages).map((group) => {
      const article = content.article(group.article);
      const articleTitle = article ? articleLabel(article, lang) : group.article;
      return (
        <section key={group.article} class="popup-article">
          <h4 class="popup-article-title">{articleTitle}</h4>
          {group.passages.map((passage) => (
            <PassageQuote key={passage.id} passage={passage} onReadInContext={() => openPassage(passage.id)} />
          ))}
        </section>
      );
    });

  return (
    <div
      ref={dialog}
      class="popup"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      lang={lang === 'zh' ? 'zh-Hans' : 'en'}
    >
      <header class="popup-header">
        <div>
          <h2 id={headingId}>{primaryName}</h2>
          <p class="popup-secondary" lang={lang === 'zh' ? 'en' : 'zh-Hans'}>
            {secondaryName}
          </p>
        </div>
        <button type="button" class="popup-close" onClick={onClose} aria-label={t('popup.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="popup-body">
        <dl class="popup-facts">
          {place.kind === 'district' ? (
            <>
              <dt>{t('popup.regions')}</dt>
              <dd>
                {place.info.regions.length > 0
                  ? place.info.regions.map((regionId) => places.name(regionId, lang)).join(lang === 'zh' ? '、' : ', ')
                  : t('popup.noRegions')}
              </dd>
              <dt>{t('popup.area')}</dt>
              <dd>
                <PlaceArea id={id} measuredKm2={place.info.areaKm2} digits={1} />
              </dd>
            </>
          ) : (
            <>
              <dt>{t('popup.members', { count: place.info.members.length })}</dt>
              <dd>{place.info.members.map((code) => places.name(code, lang)).join(lang === 'zh' ? '、' : ', ')}</dd>
              {place.info.areaKm2 !== null && (
                <>
                  <dt>{t('popup.area')}</dt>
                  <dd>
                    <PlaceArea id={id} measuredKm2={place.info.areaKm2} digits={0} />
                  </dd>
                </>
              )}
              {definition && (
                <>
                  <dt>{t('popup.definition')}</dt>
                  <dd class="popup-definition">
                    {definition.document[lang]} ({definition.date}). {t(`region.list.${definition.list}`)}{' '}
                    {definition.note[lang]}{' '}
                    <small>
                      ({t('popup.source')}: <SourceCitation citation={definition.sourceKey} />)
                    </small>
                  </dd>
                </>
              )}
              <dt>{t('popup.version')}</dt>
              <dd>
                {place.info.versionNote[lang]}{' '}
                <small class="popup-version-source">
                  ({t('popup.source')}: <SourceCitation citation={place.info.sourceKey} />)
                </small>
              </dd>
            </>
          )}
          {place.kind === 'district' && (
            <>
              <dt>{t('popup.type')}</dt>
              <dd>{t(`popup.type.${place.info.type}`)}</dd>
            </>
          )}
        </dl>
        {boundaryNote && (
          <p class="popup-note popup-boundary-note">
            <strong>{t('popup.boundaryNote')}:</strong> {boundaryNote.text[lang]} ({t('popup.source')}:{' '}
            <SourceCitation citation={boundaryNote.sourceKey} />)
          </p>
        )}
        <h3 class="popup-section">{t('popup.passages')}</h3>
        {direct.length === 0 && viaRegions.length === 0 && <p class="popup-empty">{t('popup.noPassages')}</p>}
        {renderGroups(direct)}
        {viaRegions.map((group) => (
          <details key={group.regionId} class="popup-via">
            <summary>
              {places.name(group.regionId, lang)} ({group.passages.length})
            </summary>
            {renderGroups(group.passages)}
          </details>
        ))}
        {figures.length > 0 && (
          <>
            <h3 class="popup-section">{t('popup.figures')}</h3>
            <FigureList figures={figures} />
          </>
        )}
        {flows.length > 0 && (
          <>
            <h3 class="popup-section">{t('popup.flows')}</h3>
            <ul class="popup-flows">
              {flows.map((flow) => (
                <li key={flow.id}>
                  <strong>
                    {places.name(flow.from, lang)} → {places.name(flow.to, lang)}
                  </strong>{' '}
                  <span class="schematic-tag">({t('popup.schematic')})</span>{' '}
                  <span class={`flow-basis flow-${flow.basis}`}>
                    {t(flow.basis === 'observed' ? 'flow.observed' : 'flow.proposed')}
                    {flow.coverage && <> ({t('flow.coverage', flow.coverage)})</>}
                  </span>
                  . <CitedText text={flow.note[lang]} />
                </li>
              ))}
            </ul>
          </>
        )}
        {schematic.length > 0 && (
          <>
            <h3 class="popup-section">{t('popup.schematicFeatures')}</h3>
            {schematic.map((feature) => (
              <p key={feature.id} class="popup-note popup-schematic" data-schematic={feature.id}>
                <strong>
                  {t('popup.schematic')}: {feature.name[lang]}
                </strong>{' '}
                <CitedText text={feature.note[lang]} />
              </p>
            ))}
          </>
        )}
        <PlaceDownloads id={id} />
      </div>
    </div>
  );
}

export function articleLabel(
  article: {
    titleZh: string | null;
    titleEn: string | null;
    topic: { zh: string; en: string };
    authorsZh: string[];
    authorsEn: string[];
  },
  lang: 'zh' | 'en',
): string {
  const authors = (lang === 'zh' ? article.authorsZh : article.authorsEn).join(lang === 'zh' ? '、' : ', ');
  const title = lang === 'zh' ? article.titleZh : article.titleEn;
  return title
    ? `${authors}：${title}`.replace('：', lang === 'zh' ? '：' : ': ')
    : `${authors} — ${article.topic[lang]}`;
}
