/**
 * The gallery dialog: a card per scenario (title, summary, tags, where it comes
 * from) and, when opening one would discard commands the user ran on their own,
 * a confirmation that lists them. Modal: role=dialog labelled by its heading,
 * focus moves in and stays in (Tab and Shift+Tab wrap), Esc or a click outside
 * closes it and focus returns to what opened it.
 */
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GALLERY, GALLERY_NS, findGalleryScenario, type GalleryScenario } from '../../scenario/gallery/index.ts';
import { useGallery, useGalleryStore } from './context.ts';
import './gallery.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';
const MAX_LISTED = 6;

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

function Confirm({ id, titleId }: { id: string; titleId: string }) {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const scenario = findGalleryScenario(id);
  const own = gallery.getState().ownCommands();
  if (!scenario) return null;
  return (
    <div className="gallery-confirm">
      <h2 id={titleId}>{t('ui.confirmTitle')}</h2>
      <p>{t('ui.confirmText', { count: own.length, title: t(scenario.titleKey) })}</p>
      <ul className="gallery-lost">
        {own.slice(0, MAX_LISTED).map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
        {own.length > MAX_LISTED && <li className="muted">{t('ui.confirmMore', { count: own.length - MAX_LISTED })}</li>}
      </ul>
      <div className="gallery-confirm-actions">
        <button type="button" data-autofocus onClick={() => gallery.getState().cancelOpen()}>
          {t('ui.cancel')}
        </button>
        <button type="button" className="gallery-danger" onClick={() => gallery.getState().confirmOpen()}>
          {t('ui.confirmReplace')}
        </button>
      </div>
    </div>
  );
}

export function GalleryDialog() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const open = useGallery((s) => s.dialogOpen);
  const confirmId = useGallery((s) => s.confirmId);
  const activeId = useGallery((s) => s.activeId);
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Focus in on open and on each view; back to the opener on close.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);
  useEffect(() => {
    if (!open || !box.current) return;
    const el =
      box.current.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current.querySelector<HTMLElement>('.gallery-card.is-current button.gallery-primary') ??
      box.current.querySelector<HTMLElement>('.gallery-card button.gallery-primary') ??
      box.current.querySelector<HTMLElement>(FOCUSABLE);
    el?.focus();
  }, [open, confirmId]);

  if (!open) return null;
  const close = () => gallery.getState().closeDialog();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (document.activeElement === first || !box.current.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !box.current.contains(document.activeElement))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="gallery-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div ref={box} className="gallery-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <button type="button" className="gallery-x" onClick={close} aria-label={t('ui.close')}>
          ×
        </button>
        {confirmId ? (
          <Confirm id={confirmId} titleId={titleId} />
        ) : (
          <>
            <h2 id={titleId}>{t('ui.dialogTitle')}</h2>
            <p className="gallery-intro">{t('ui.dialogIntro')}</p>
            <ul className="gallery-cards">
              {GALLERY.map((s) => (
                <Card key={s.id} scenario={s} current={s.id === activeId} />
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
