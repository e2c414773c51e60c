/**
 * What the actions draw over the canvas: the toolbar ("Add container", "Add
 * network"), the open context menu, the open dialog, and a polite live region
 * that says what a drop did. The dialogs are loaded when first opened (lazy.ts).
 */
import { type MouseEvent, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from './ActionsProvider.tsx';
import { ContextMenu } from './ContextMenu.tsx';
import { AddContainerDialog, AddNetworkDialog } from '../lazy.ts';
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
      <ContextMenu />
      <Suspense fallback={null}>
        {actions.dialog?.kind === 'container' && <AddContainerDialog {...(actions.dialog.network ? { network: actions.dialog.network } : {})} />}
        {actions.dialog?.kind === 'network' && <AddNetworkDialog />}
      </Suspense>
      <div className="sr-only" aria-live="polite">
        {actions.announcement}
      </div>
    </>
  );
}
