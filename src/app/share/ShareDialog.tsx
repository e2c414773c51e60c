/**
 * The Share dialog: the link of what is on screen (copy it, or scan its QR
 * code), with the options to start at a step and to carry the layout. The link
 * holds the whole scenario in its fragment (src/scenario/link), or a gallery
 * scenario's id and step; share-doc.ts decides which.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../actions/Dialog.tsx';
import { useGallery } from '../gallery/context.ts';
import { activeScenario } from '../gallery/model.ts';
import { graphOf } from '../graph/cache.ts';
import { useApp } from '../state/context.ts';
import { QR_MAX_CHARS, QrCode } from './QrCode.tsx';
import { shareFragment, shareModel, siteAddress, type ShareWorld } from './share-doc.ts';
import './share.css';

function useShareWorld(): ShareWorld {
  const commands = useApp((s) => s.commands);
  const seed = useApp((s) => s.seed);
  const positions = useApp((s) => s.positions);
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const activeId = useGallery((s) => s.activeId);
  return useMemo(
    () => ({ commands, seed, positions, graph: graphOf(sim, rev), scenario: activeScenario(commands, activeId) }),
    [commands, seed, positions, sim, rev, activeId],
  );
}

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

export function ShareDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const world = useShareWorld();
  const model = useMemo(() => shareModel(world), [world]);
  const scenarioTitle = t(model.scenario?.titleKey ?? 'scenario.twoNetworks.title');
  const [step, setStep] = useState(model.kind === 'scenario' ? Math.min(model.ran + 1, model.scenario.steps.length + 1) : 1);
  const [layout, setLayout] = useState(model.kind === 'world');
  const [title, setTitle] = useState(model.kind === 'world' && model.scenario ? t('header.yourVersion', { title: scenarioTitle }) : '');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [field, setField] = useState<HTMLInputElement | null>(null);
  const ids = { link: useId(), step: useId(), title: useId(), layout: useId() };

  const url = useMemo(() => `${siteAddress(window.location)}#${shareFragment(world, model, { step, layout, title })}`, [world, model, step, layout, title]);
  const after = url.length - siteAddress(window.location).length;

  return (
    <Dialog title={t('share.title')} onClose={onClose} className="share-dialog" restoreFocus initialFocus={['.share-copy']}>
      <div className="dialog-form">
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
        <p className="field-help share-size" role="status">
          {copied === 'yes' ? t('share.copied') : copied === 'no' ? t('share.copyFailed') : t('share.size', { count: after })}
        </p>
        {url.length <= QR_MAX_CHARS ? (
          <QrCode text={url} label={t('share.qr')} />
        ) : (
          <p className="field-help share-no-qr">{t('share.tooLongForQr', { max: QR_MAX_CHARS })}</p>
        )}
      </div>
    </Dialog>
  );
}
