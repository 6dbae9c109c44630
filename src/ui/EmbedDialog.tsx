/**
 * "Embed": the current state preselected, options for height and chrome, a live preview
 * and two snippets with copy buttons — a plain <iframe> and a script that uses the host
 * API for automatic height.
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
}

/** Snippet text is built from escaped attribute values only. */
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function buildSnippets(
  pageUrl: string,
  state: import('../state/atlas-state').AtlasState,
  choices: EmbedChoices,
  title: string,
) {
  const embedState = {
    lang: choices.includeLang ? state.lang : DEFAULT_STATE.lang,
    layers: choices.includeLayers ? state.layers : DEFAULT_STATE.layers,
    sel: choices.includeSel ? state.sel : null,
    passage: null,
    view: choices.includeView ? state.view : null,
  };
  const embedUrl = new URL(
    `embed.html${embedQuery(embedState, { showTitle: choices.showTitle, showLegend: choices.showLegend })}`,
    pageUrl,
  ).href;
  const hostScript = new URL('atlas-embed.js', pageUrl).href;
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${choices.height}" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`;
  const options: Record<string, unknown> = { title };
  if (embedState.sel) options.sel = embedState.sel;
  if (choices.includeLayers) options.layers = embedState.layers;
  if (choices.includeLang) options.lang = embedState.lang;
  if (embedState.view) options.view = embedState.view;
  if (!choices.showTitle) options.showTitle = false;
  if (!choices.showLegend) options.showLegend = false;
  const script = [
    '<div id="cq-atlas"></div>',
    '<script type="module">',
    `  import { embed } from ${JSON.stringify(hostScript)};`,
    `  embed(document.getElementById('cq-atlas'), ${JSON.stringify(options)});`,
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
  });
  const snippets = useMemo(
    () => buildSnippets(location.href, state, choices, t('embed.frameTitle')),
    [state, choices, t],
  );
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
          <legend>{t('embed.chrome')}</legend>
          {toggle('showTitle', t('embed.showTitle'))}
          {toggle('showLegend', t('embed.showLegend'))}
          <label class="embed-choice">
            {t('embed.height')}
            <input
              type="number"
              name="height"
              min={300}
              max={1200}
              step={20}
              value={choices.height}
              onInput={(event) => {
                const height = Number((event.currentTarget as HTMLInputElement).value);
                if (Number.isFinite(height)) setChoices({ ...choices, height: Math.min(1200, Math.max(300, height)) });
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
