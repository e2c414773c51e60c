/**
 * What the actions draw over the canvas: the toolbar ("Add container", "Add
 * network"), the open context menu, the open dialog, and a polite live region
 * that says what a drop did. The menu and the dialogs are loaded when first
 * opened, or once the terminal takes commands (lazy.ts).
 */
import { type MouseEvent, Suspense } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useActions } from './ActionsProvider.tsx';
import { AddContainerDialog, AddNetworkDialog, ContextMenu } from '../lazy.ts';
import './actions.css';

export function ActionsLayer() {
  const { t } = useTranslation('actions');
  const actions = useActions();
  if (!actions) return null;
  const open = (kind: 'container' | 'network') => (e: MouseEvent<HTMLButtonElement>) =>
    actions.openDialog({ kind, returnFocus: e.currentTarget });
  return (
    <>
      <div className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <button type="button" onClick={open('container')}>
          <span aria-hidden>＋</span> {t('toolbar.addContainer')}
        </button>
        <button type="button" onClick={open('network')}>
          <span aria-hidden>＋</span> {t('toolbar.addNetwork')}
        </button>
      </div>
      <Suspense fallback={null}>
        {actions.menu && <ContextMenu />}
        {actions.dialog?.kind === 'container' && <AddContainerDialog {...(actions.dialog.network ? { network: actions.dialog.network } : {})} />}
        {actions.dialog?.kind === 'network' && <AddNetworkDialog />}
      </Suspense>
      <div className="sr-only" aria-live="polite">
        {actions.announcement}
      </div>
    </>
  );
}
