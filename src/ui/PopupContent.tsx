/**
 * A selected district's or region's details: names, type, regions, area, then what the
 * articles say (grouped by article), figures with sources and flow notes. Rendered into the
 * map's popup (a portal) or, in full, into the panel or the phone's bottom sheet; all text
 * stays text. A popup whose content would be taller than the map shows a summary instead,
 * with a button that opens the full details in the panel.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Passage } from '../types/content';
import { useAtlas } from './atlas-context';
import { FigureList } from './FigureList';
import { PassageQuote } from './PassageQuote';
import { PlaceArea } from './PlaceArea';
import { PlaceDownloads } from './PlaceDownloads';
import { CitedText, SourceCitation } from './SourceCitation';

interface PopupContentProps {
  id: string;
  /** In the map's popup (a dialog, summarised when too tall), or in the panel or sheet (in full). */
  variant: 'popup' | 'panel';
  /** The summary's "read all" button. */
  onReadAll?(): void;
  onClose(): void;
  /** Called after rendering, so the map can re-anchor the popup to its new size. */
  onRendered?(): void;
  /** Move focus into the popup when it opens (keyboard and list users). */
  takeFocus: boolean;
}

/** Content more than twice the popup's height is taller than the map the popup stands on. */
const SUMMARY_RATIO = 2;
/** Members named in a region's facts before the rest are folded away. */
const MEMBERS_SHOWN = 6;

export function PopupContent({ id, variant, onReadAll, onClose, onRendered, takeFocus }: PopupContentProps) {
  const { t, lang, places, content, openPassage } = useAtlas();
  const dialog = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState(false);
  const place = places.get(id);

  useLayoutEffect(() => {
    if (variant !== 'popup' || summary || !onReadAll) {
      onRendered?.();
      return;
    }
    // The popup is laid out only once the map has placed it, which may be later in this task.
    const measure = () => {
      const element = body.current;
      if (element && element.scrollHeight > element.clientHeight * SUMMARY_RATIO) setSummary(true);
      else onRendered?.();
    };
    if (body.current?.isConnected) measure();
    else {
      const frame = requestAnimationFrame(measure);
      return () => cancelAnimationFrame(frame);
    }
  }, [id, lang, summary]);
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
  const viaPassages = viaRegions.flatMap((group) => group.passages);
  const firstPassage = direct[0] ?? viaPassages[0];
  const passageCount = direct.length + viaPassages.length;
  const list = lang === 'zh' ? '、' : ', ';
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

  const summaryPassages = (
    <>
      {firstPassage && <PassageQuote passage={firstPassage} onReadInContext={() => openPassage(firstPassage.id)} />}
      <ul class="popup-counts">
        {content.groupByArticle(direct).map((group) => {
          const article = content.article(group.article);
          return (
            <li key={group.article}>
              {article ? articleLabel(article, lang) : group.article} ({group.passages.length})
            </li>
          );
        })}
        {viaRegions.map((group) => (
          <li key={group.regionId}>
            {t('details.viaRegion', { name: places.name(group.regionId, lang) })} ({group.passages.length})
          </li>
        ))}
      </ul>
      <button type="button" class="read-all" onClick={onReadAll}>
        {t('details.readAll', { count: passageCount })}
      </button>
    </>
  );

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: both roles it takes (dialog, region) are named by their heading
    <div
      ref={dialog}
      class={variant === 'popup' ? 'popup' : 'popup popup-in-panel'}
      role={variant === 'popup' ? 'dialog' : 'region'}
      aria-labelledby={headingId}
      tabIndex={-1}
      lang={lang === 'zh' ? 'zh-Hans' : 'en'}
      data-summary={summary ? 'true' : undefined}
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
      <div ref={body} class="popup-body">
        <dl class="popup-facts">
          {place.kind === 'district' ? (
            <>
              <dt>{t('popup.regions')}</dt>
              <dd>
                {place.info.regions.length > 0
                  ? place.info.regions.map((regionId) => places.name(regionId, lang)).join(list)
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
              <dd>
                {place.info.members.length > MEMBERS_SHOWN ? (
                  // A long list would push what the articles say out of view: a line, opened on demand.
                  <details class="popup-members">
                    <summary>
                      {place.info.members
                        .slice(0, MEMBERS_SHOWN)
                        .map((code) => places.name(code, lang))
                        .join(list)}
                      …
                    </summary>
                    {place.info.members.map((code) => places.name(code, lang)).join(list)}
                  </details>
                ) : (
                  place.info.members.map((code) => places.name(code, lang)).join(list)
                )}
              </dd>
              {place.info.areaKm2 !== null && (
                <>
                  <dt>{t('popup.area')}</dt>
                  <dd>
                    <PlaceArea id={id} measuredKm2={place.info.areaKm2} digits={0} />
                  </dd>
                </>
              )}
            </>
          )}
          {place.kind === 'district' && (
            <>
              <dt>{t('popup.type')}</dt>
              <dd>{t(`popup.type.${place.info.type}`)}</dd>
            </>
          )}
        </dl>
        <h3 class="popup-section">{t('popup.passages')}</h3>
        {direct.length === 0 && viaRegions.length === 0 && <p class="popup-empty">{t('popup.noPassages')}</p>}
        {summary ? summaryPassages : renderGroups(direct)}
        {place.kind === 'region' && !summary && (
          // What the region's list rests on: after what the articles say, which the reader came for.
          <dl class="popup-facts popup-about-data">
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
          </dl>
        )}
        {boundaryNote && (
          <p class="popup-note popup-boundary-note">
            <strong>{t('popup.boundaryNote')}:</strong> {boundaryNote.text[lang]} ({t('popup.source')}:{' '}
            <SourceCitation citation={boundaryNote.sourceKey} />)
          </p>
        )}
        {!summary && (
          <>
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
