/**
 * The gallery dialog: a card per scenario (title, summary, tags, where it comes
 * from) and, when opening one would discard commands the user ran on their own,
 * a confirmation that lists them. The shared modal Dialog (actions/Dialog.tsx):
 * role=dialog labelled by its heading, focus moves in (again for the
 * confirmation) and stays in (Tab and Shift+Tab wrap), Esc or a click outside
 * closes it and focus returns to what opened it.
 */
import { type ChangeEvent, useId, useRef } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { GALLERY_NS, type GalleryScenario } from '../../scenario/gallery/index.ts';
import { GALLERY } from './gallery-scenarios.ts';
import { Dialog } from '../actions/Dialog.tsx';
import { LostCommands } from '../actions/LostCommands.tsx';
import { readScenarioFile } from '../share/files.ts';
import { useAppStore } from '../state/context.ts';
import { useGallery, useGalleryStore } from './context.ts';
import './gallery.css';

/** On open, the current scenario's Open button, else the first card's. */
const INITIAL_FOCUS = ['.gallery-card.is-current button.gallery-primary', '.gallery-card button.gallery-primary'];

function Card({ scenario, current }: { scenario: GalleryScenario; current: boolean }) {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const titleId = useId();
  return (
    <li className={`gallery-card${current ? ' is-current' : ''}`} data-scenario={scenario.id}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId}>{t(scenario.titleKey)}</h3>
        <p className="gallery-summary">{t(scenario.summaryKey)}</p>
        <p className="gallery-source">
          {scenario.article ? t('ui.fromArticle', { title: scenario.article.title, year: scenario.article.year }) : t('ui.beyond')}
        </p>
        <div className="gallery-card-foot">
          <ul className="gallery-tags" aria-label={t('ui.tags')}>
            {scenario.tags.map((tag) => (
              <li key={tag}>{t(`tags.${tag}`)}</li>
            ))}
          </ul>
          <span className="gallery-count">{t('ui.steps', { count: scenario.steps.length })}</span>
          {current && <span className="gallery-current">{t('ui.current')}</span>}
          <button type="button" className="gallery-primary" onClick={() => gallery.getState().requestOpen(scenario.id)}>
            {t('ui.openScenario')}
            <span className="sr-only"> {t(scenario.titleKey)}</span>
          </button>
        </div>
      </article>
    </li>
  );
}

function Confirm() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const scenario = useGallery((s) => s.pending?.scenario);
  const fromLink = useGallery((s) => s.pending?.source === 'link');
  const own = gallery.getState().ownCommands();
  if (!scenario) return null;
  return (
    <LostCommands
      text={t(fromLink ? 'ui.confirmLinkText' : 'ui.confirmText', { count: own.length, title: t(scenario.titleKey) })}
      lines={own}
      more={(count) => t('ui.confirmMore', { count })}
      cancelLabel={t('ui.cancel')}
      confirmLabel={t('ui.confirmReplace')}
      onCancel={() => gallery.getState().cancelOpen()}
      onConfirm={() => gallery.getState().confirmOpen()}
    />
  );
}

/** Opens a scenario file from the user's disk (as a link opens: asking first over their own commands). */
function OpenFile() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const app = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void readScenarioFile(file).then((read) => {
      if (read.ok) gallery.getState().openDoc(read.doc);
      else {
        gallery.getState().closeDialog();
        app.getState().setNotice(read.notice);
      }
    });
  };
  return (
    <div className="gallery-file">
      <button type="button" onClick={() => input.current?.click()}>
        {t('ui.openFile')}
      </button>
      <input ref={input} type="file" accept=".yaml,.yml,.json,application/yaml,application/json" hidden onChange={onChange} data-testid="open-file" />
      <span className="small">{t('ui.openFileHelp')}</span>
    </div>
  );
}

export function GalleryDialog() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const open = useGallery((s) => s.dialogOpen);
  const confirmId = useGallery((s) => s.confirmId);
  const activeId = useGallery((s) => s.activeId);

  if (!open) return null;
  return (
    <Dialog
      title={confirmId ? t('ui.confirmTitle') : t('ui.dialogTitle')}
      onClose={() => gallery.getState().closeDialog()}
      className="gallery-dialog"
      initialFocus={INITIAL_FOCUS}
      focusKey={confirmId}
      restoreFocus
      closeLabel={t('ui.close')}
    >
      {confirmId ? (
        <Confirm />
      ) : (
        <>
          <p className="gallery-intro">{t('ui.dialogIntro')}</p>
          <OpenFile />
          <ul className="gallery-cards">
            {GALLERY.map((s) => (
              <Card key={s.id} scenario={s} current={s.id === activeId} />
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
