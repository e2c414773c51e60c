/**
 * The Share dialog: the link of what is on screen (copy it, or scan its QR
 * code), with the options to start at a step and to carry the layout. The link
 * holds the whole scenario in its fragment (src/scenario/link), or a gallery
 * scenario's id and step; share-doc.ts decides which.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { Dialog } from '../actions/Dialog.tsx';
import { QR_MAX_CHARS, QrCode } from './QrCode.tsx';
import { DEFAULT_EMBED, EMBED_PANELS, type EmbedPanel, type EmbedTheme } from '../embed/options.ts';
import { embedSnippets } from './embed-snippets.ts';
import { downloadLinuxScript, downloadScenario } from './files.ts';
import { shareDoc, shareFragment, shareModel, siteAddress } from './share-doc.ts';
import { useShareWorld } from './use-share-world.ts';
import { useApp } from '../state/context.ts';
import { tablistKeyDown } from '../ui/tablist.ts';
import './share.css';


/** Copies text; where the Clipboard API is refused (no permission, http), the field's selection and execCommand. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.select();
    return document.execCommand('copy');
  }
}

const TABS = ['link', 'embed'] as const;

function EmbedTab({ fragment, title }: { fragment: string; title: string }) {
  const { t } = useTranslation();
  const [panels, setPanels] = useState<EmbedPanel[]>([...DEFAULT_EMBED.panels]);
  const [readOnly, setReadOnly] = useState(false);
  const [autoplay, setAutoplay] = useState(false);
  const [theme, setTheme] = useState<EmbedTheme>('auto');
  const [copied, setCopied] = useState<string | null>(null);
  const ids = { theme: useId(), script: useId(), iframe: useId() };
  const site = new URL('./', window.location.href).href;
  const snippets = embedSnippets(site, fragment, { panels, readOnly, autoplay, theme }, title);
  const toggle = (panel: EmbedPanel, on: boolean) =>
    setPanels((old) => EMBED_PANELS.filter((p) => (p === panel ? on : old.includes(p))));
  const copy = (which: 'script' | 'iframe') => {
    void copyText(snippets[which], null).then((ok) => setCopied(ok ? which : 'failed'));
  };
  return (
    <div className="share-embed">
      <fieldset className="share-panels">
        <legend>{t('share.embedPanels')}</legend>
        {EMBED_PANELS.map((panel) => (
          <label key={panel} className="check">
            <input type="checkbox" checked={panels.includes(panel)} disabled={panels.length === 1 && panels.includes(panel)} onChange={(e) => toggle(panel, e.target.checked)} />
            {t(`share.panel.${panel}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
        {t('share.readOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
        {t('share.autoplay')}
      </label>
      <div className="field">
        <label htmlFor={ids.theme}>{t('share.theme')}</label>
        <select id={ids.theme} value={theme} onChange={(e) => setTheme(e.target.value as EmbedTheme)}>
          <option value="auto">{t('share.themeAuto')}</option>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
      </div>
      <label htmlFor={ids.script} className="share-snippet-label">
        {t('share.scriptSnippet')}
      </label>
      <textarea id={ids.script} readOnly rows={3} value={snippets.script} data-testid="embed-script" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => copy('script')}>
        {t('share.copySnippet')}
      </button>
      <label htmlFor={ids.iframe} className="share-snippet-label">
        {t('share.iframeSnippet')}
      </label>
      <textarea id={ids.iframe} readOnly rows={3} value={snippets.iframe} data-testid="embed-iframe" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => copy('iframe')}>
        {t('share.copySnippet')}
      </button>
      <p className="field-help" role="status">
        {copied === 'failed' ? t('share.copyFailed') : copied ? t('share.copied') : t('share.embedHelp')}
      </p>
    </div>
  );
}

export function ShareDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'link' | 'embed'>('link');
  const world = useShareWorld();
  const sim = useApp((s) => s.sim);
  const model = useMemo(() => shareModel(world), [world]);
  const scenarioTitle = t(model.scenario?.titleKey ?? 'scenario.twoNetworks.title');
  const [step, setStep] = useState(model.kind === 'scenario' ? Math.min(model.ran + 1, model.scenario.steps.length + 1) : 1);
  const [layout, setLayout] = useState(model.kind === 'world');
  const [title, setTitle] = useState(model.kind === 'world' && model.scenario ? t('header.yourVersion', { title: scenarioTitle }) : '');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [field, setField] = useState<HTMLInputElement | null>(null);
  const ids = { link: useId(), step: useId(), title: useId(), layout: useId() };

  const fragment = useMemo(() => shareFragment(world, model, { step, layout, title }), [world, model, step, layout, title]);
  const url = `${siteAddress(window.location)}#${fragment}`;
  const after = url.length - siteAddress(window.location).length;
  const shownTitle = model.kind === 'scenario' ? scenarioTitle : title.trim() || t('link.untitled');

  return (
    <Dialog title={t('share.title')} onClose={onClose} className="share-dialog" restoreFocus initialFocus={['.share-copy']}>
      <div
        className="share-tabs"
        role="tablist"
        aria-label={t('share.title')}
        onKeyDown={tablistKeyDown(TABS, tab, (id) => setTab(id as (typeof TABS)[number]), (id) => `share-tab-${id}`)}
      >
        {TABS.map((id) => (
          <button
            key={id}
            id={`share-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls="share-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
          >
            {t(`share.tab.${id}`)}
          </button>
        ))}
      </div>
      <div className="dialog-form" role="tabpanel" id="share-tabpanel" aria-labelledby={`share-tab-${tab}`}>
        <p className="share-what">
          {model.kind === 'scenario'
            ? t('share.whatScenario', { title: scenarioTitle })
            : t('share.whatWorld', { count: world.commands.length })}
        </p>
        {model.kind === 'scenario' && model.scenario.steps.length > 0 && (
          <div className="field">
            <label htmlFor={ids.step}>{t('share.startAt')}</label>
            <select id={ids.step} value={step} onChange={(e) => setStep(Number(e.target.value))}>
              {model.scenario.steps.map((_, i) => (
                <option key={i} value={i + 1}>
                  {t('share.step', { n: i + 1 })}
                </option>
              ))}
              <option value={model.scenario.steps.length + 1}>{t('share.allDone')}</option>
            </select>
            <span className="field-help">{t('share.startAtHelp')}</span>
          </div>
        )}
        {model.kind === 'world' && (
          <div className="field">
            <label htmlFor={ids.title}>{t('share.worldTitle')}</label>
            <input id={ids.title} value={title} maxLength={200} placeholder={t('share.worldTitlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
          </div>
        )}
        <label className="check share-layout" htmlFor={ids.layout}>
          <input id={ids.layout} type="checkbox" checked={layout} onChange={(e) => setLayout(e.target.checked)} />
          {t('share.layout')}
        </label>
        {tab === 'embed' ? (
          <EmbedTab fragment={fragment} title={shownTitle} />
        ) : (
          <>
        <div className="share-link">
          <label htmlFor={ids.link} className="sr-only">
            {t('share.link')}
          </label>
          <input id={ids.link} ref={setField} readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
          <button
            type="button"
            className="share-copy"
            onClick={() => void copyText(url, field).then((ok) => setCopied(ok ? 'yes' : 'no'))}
          >
            {t('share.copy')}
          </button>
        </div>
        <button type="button" className="share-download" onClick={() => void downloadScenario(shareDoc(world, model, { step, layout, title }))}>
          {t('share.download')}
        </button>
        <button type="button" className="share-download" title={t('share.linuxHelp')} onClick={() => void downloadLinuxScript(sim.engine.kernel, shownTitle).catch(() => undefined)}>
          {t('share.linux')}
        </button>
        <p className="field-help share-size" role="status">
          {copied === 'yes' ? t('share.copied') : copied === 'no' ? t('share.copyFailed') : t('share.size', { count: after })}
        </p>
        {url.length <= QR_MAX_CHARS ? (
          <QrCode text={url} label={t('share.qr')} />
        ) : (
          <p className="field-help share-no-qr">{t('share.tooLongForQr', { max: QR_MAX_CHARS })}</p>
        )}
          </>
        )}
      </div>
    </Dialog>
  );
}
