/**
 * A modal dialog, shared by the actions' forms (Dialogs.tsx) and the gallery
 * (gallery/GalleryDialog.tsx): role=dialog with its title as label, focus
 * moved in on open (to `[data-autofocus]`, else the first of `initialFocus`
 * found, else the first control) and again when `focusKey` changes (a new view
 * in the same dialog), kept in by Tab and Shift+Tab, Esc or a click outside
 * closes it. Focus goes back to what opened it: with `restoreFocus`, to what
 * had it on open; else the opener does it (see ActionsProvider).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from '../i18n/react.ts';
import './actions.css';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Added to the dialog box's class (its size and look). */
  className?: string;
  /** Selectors of what takes the focus when no `[data-autofocus]` is there, in order. */
  initialFocus?: readonly string[];
  /** When this changes, the focus moves in again (e.g. the dialog shows another view). */
  focusKey?: unknown;
  /** On close, the focus goes back to what had it when the dialog opened. */
  restoreFocus?: boolean;
  /** The close button's label (default: the actions' "Close"). */
  closeLabel?: string;
}

export function Dialog({ title, onClose, children, className, initialFocus = [], focusKey, restoreFocus = false, closeLabel }: DialogProps) {
  const { t } = useTranslation('actions');
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const focusOrder = useRef(initialFocus);

  useEffect(() => {
    if (!restoreFocus) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [restoreFocus]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const first =
      el.querySelector<HTMLElement>('[data-autofocus]') ??
      focusOrder.current.map((s) => el.querySelector<HTMLElement>(s)).find((found) => found !== null) ??
      el.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
  }, [focusKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const outside = !box.current.contains(document.activeElement);
    if (e.shiftKey && (document.activeElement === first || outside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || outside)) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-x" onClick={onClose} aria-label={closeLabel ?? t('dialog.close')}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
