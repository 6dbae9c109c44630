/**
 * "Embed": the current state preselected, options for what the embed shows and its height, a
 * live preview and two snippets with copy buttons — a plain <iframe> and a script that uses the
 * host API for automatic height.
 */
import { useMemo, useState } from 'preact/hooks';
import { DEFAULT_STATE } from '../state/atlas-state';
import { embedQuery } from '../state/url-state';
import { useAtlas } from './atlas-context';
import { Dialog } from './Dialog';

export interface EmbedChoices {
  includeView: boolean;
  includeLayers: boolean;
  includeSel: boolean;
  includeLang: boolean;
  height: number;
  showTitle: boolean;
  showLegend: boolean;
  /** Whether an included selection opens its details (`popup=0` when not). */
  showPopup: boolean;
}

export const HEIGHT_RANGE = { min: 300, max: 1200 };

/** The height as typed, once the reader leaves the field: a number in range, or the last good one. */
export function clampHeight(typed: string, previous: number): number {
  const height = Math.round(Number(typed));
  if (typed.trim() === '' || !Number.isFinite(height)) return previous;
  return Math.min(HEIGHT_RANGE.max, Math.max(HEIGHT_RANGE.min, height));
}

/** An element id for one script snippet: two maps in one article each need their own. */
export function snippetElementId(): string {
  return `cq-atlas-${Math.random().toString(36).slice(2, 8)}`;
}

/** Snippet text is built from escaped attribute values only. */
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function buildSnippets(
  pageUrl: string,
  state: import('../state/atlas-state').AtlasState,
  choices: EmbedChoices,
  title: string,
  elementId = 'cq-atlas',
) {
  const embedState = {
    lang: choices.includeLang ? state.lang : DEFAULT_STATE.lang,
    layers: choices.includeLayers ? state.layers : DEFAULT_STATE.layers,
    population: choices.includeLayers ? state.population : DEFAULT_STATE.population,
    sel: choices.includeSel ? state.sel : null,
    passage: null,
    view: choices.includeView ? state.view : null,
  };
  const embedUrl = new URL(
    `embed.html${embedQuery(embedState, {
      showTitle: choices.showTitle,
      showLegend: choices.showLegend,
      showPopup: choices.showPopup || !embedState.sel,
    })}`,
    pageUrl,
  ).href;
  const hostScript = new URL('atlas-embed.js', pageUrl).href;
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${choices.height}" style="border:0;max-width:100%" allow="web-share; clipboard-write" ` +
    'loading="lazy" allowfullscreen></iframe>';
  const options: Record<string, unknown> = { title };
  if (embedState.sel) options.sel = embedState.sel;
  if (choices.includeLayers) options.layers = embedState.layers;
  if (choices.includeLang) options.lang = embedState.lang;
  if (embedState.view) options.view = embedState.view;
  if (!choices.showTitle) options.showTitle = false;
  if (!choices.showLegend) options.showLegend = false;
  if (embedState.sel && !choices.showPopup) options.popup = false;
  const script = [
    `<div id="${elementId}"></div>`,
    '<script type="module">',
    `  import { embed } from ${JSON.stringify(hostScript)};`,
    `  embed(document.getElementById(${JSON.stringify(elementId)}), ${JSON.stringify(options)});`,
    '</script>',
  ].join('\n');
  return { embedUrl, iframe, script };
}

function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="button"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
    >
      {copied ? done : label}
    </button>
  );
}

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const { t, state } = useAtlas();
  const [choices, setChoices] = useState<EmbedChoices>({
    includeView: state.view !== null,
    includeLayers: true,
    includeSel: state.sel !== null,
    includeLang: true,
    height: 560,
    showTitle: true,
    showLegend: true,
    showPopup: true,
  });
  const [heightText, setHeightText] = useState(String(choices.height));
  const elementId = useMemo(snippetElementId, []);
  const snippets = useMemo(
    () => buildSnippets(location.href, state, choices, t('embed.frameTitle'), elementId),
    [state, choices, t],
  );
  const commitHeight = () => {
    const height = clampHeight(heightText, choices.height);
    setHeightText(String(height));
    if (height !== choices.height) setChoices({ ...choices, height });
  };
  const toggle = (key: keyof EmbedChoices, label: string, disabled = false) => (
    <label class="embed-choice">
      <input
        type="checkbox"
        name={key}
        checked={Boolean(choices[key])}
        disabled={disabled}
        onChange={(event) => setChoices({ ...choices, [key]: (event.currentTarget as HTMLInputElement).checked })}
      />
      {label}
    </label>
  );
  return (
    <Dialog title={t('embed.heading')} closeLabel={t('embed.close')} onClose={onClose} class="embed-dialog">
      <p>{t('embed.intro')}</p>
      <div class="embed-options">
        <fieldset>
          <legend>{t('embed.include')}</legend>
          {toggle('includeView', t('embed.includeView'), state.view === null)}
          {toggle('includeLayers', t('embed.includeLayers'))}
          {toggle('includeSel', t('embed.includeSel'), state.sel === null)}
          {toggle('includeLang', t('embed.includeLang'))}
        </fieldset>
        <fieldset>
          <legend>{t('embed.appearance')}</legend>
          {toggle('showTitle', t('embed.showTitle'))}
          {toggle('showLegend', t('embed.showLegend'))}
          {toggle('showPopup', t('embed.showPopup'), !(choices.includeSel && state.sel !== null))}
          <label class="embed-choice">
            {t('embed.height')}
            <input
              type="number"
              name="height"
              min={HEIGHT_RANGE.min}
              max={HEIGHT_RANGE.max}
              step={20}
              value={heightText}
              // Typing passes through digits out of range ("8" on the way to "800"): the value
              // is taken, and brought into range, when the reader leaves the field.
              onInput={(event) => setHeightText((event.currentTarget as HTMLInputElement).value)}
              onBlur={commitHeight}
              onKeyDown={(event) => {
                if (event.key === 'Enter') commitHeight();
              }}
            />
          </label>
        </fieldset>
      </div>
      <h3>{t('embed.preview')}</h3>
      <iframe
        class="embed-preview"
        src={snippets.embedUrl}
        title={`${t('embed.preview')}: ${t('embed.frameTitle')}`}
        style={{ height: `${Math.min(choices.height, 420)}px` }}
        loading="lazy"
      />
      <h3 id="snippet-iframe-label">{t('embed.iframeSnippet')}</h3>
      <textarea
        readOnly
        rows={4}
        aria-labelledby="snippet-iframe-label"
        data-snippet="iframe"
        value={snippets.iframe}
      />
      <CopyButton text={snippets.iframe} label={t('embed.copy')} done={t('embed.copied')} />
      <h3 id="snippet-script-label">{t('embed.scriptSnippet')}</h3>
      <textarea
        readOnly
        rows={6}
        aria-labelledby="snippet-script-label"
        data-snippet="script"
        value={snippets.script}
      />
      <CopyButton text={snippets.script} label={t('embed.copy')} done={t('embed.copied')} />
    </Dialog>
  );
}
