/**
 * The live top bar: HeaderView with the store's scenario, hint and actions.
 * Reset asks first when it would throw away commands the user ran on their own
 * (listing them, as opening a gallery scenario does). Undo and redo say what
 * they did in a status line (HistoryStatus).
 */
import { Suspense, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { Dialog } from '../actions/Dialog.tsx';
import { LostCommands } from '../actions/LostCommands.tsx';
import { useHeaderScenario } from '../gallery/header.tsx';
import { useGalleryStore } from '../gallery/context.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { ShareDialog } from '../lazy.ts';
import { HeaderView } from './HeaderView.tsx';
import { HistoryStatus } from './HistoryStatus.tsx';
import { useEffectiveTheme, useSystemTheme } from './theme.ts';
import { inTurn } from '../state/programs.ts';

/** Reset's question: the example world or an empty host, and what the user's own commands were (they go). */
function StartOver({ lines, onReset, onCancel }: { lines: readonly string[]; onReset(kind: 'starter' | 'empty'): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('start.title')} onClose={onCancel} className="reset-dialog" restoreFocus>
      <div className="confirm-loss">
        <p>{t('start.text')}</p>
        {lines.length > 0 && (
          <LostCommands
            text={t('start.lost', { count: lines.length })}
            lines={lines}
            more={(count) => t('header.resetMore', { count })}
          />
        )}
        <div className="confirm-actions">
          <button type="button" data-autofocus onClick={onCancel}>
            {t('start.cancel')}
          </button>
          <button type="button" className={lines.length > 0 ? 'danger' : ''} onClick={() => onReset('empty')}>
            {t('start.empty')}
          </button>
          <button type="button" className={lines.length > 0 ? 'danger' : 'primary'} onClick={() => onReset('starter')}>
            {t('start.example')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function Header() {
  const store = useAppStore();
  const gallery = useGalleryStore();
  const theme = useEffectiveTheme();
  const system = useSystemTheme();
  const setting = useApp((s) => s.view.theme);
  const { titleKey, hint, own } = useHeaderScenario();
  const [lost, setLost] = useState<readonly string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [sharing, setSharing] = useState(false);
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const reset = (kind: 'starter' | 'empty') => {
    setLost(null);
    setStarting(false);
    inTurn(() => store.getState().resetWorld(kind));
  };
  return (
    <>
      <HeaderView
        titleKey={titleKey}
        own={own}
        {...(hint ? { hint } : {})}
        theme={theme}
        system={system}
        setting={setting}
        onTheme={(setting) => store.getState().setView({ theme: setting })}
        onReset={() => {
          setLost(gallery.getState().ownCommands());
          setStarting(true);
        }}
        onGallery={() => gallery.getState().openDialog()}
        onShare={() => setSharing(true)}
        onUndo={() => inTurn(() => store.getState().undo())}
        onRedo={() => inTurn(() => store.getState().redo())}
        canUndo={canUndo}
        canRedo={canRedo}
      />
      <HistoryStatus />
      {starting && (
        <StartOver
          lines={lost ?? []}
          onReset={reset}
          onCancel={() => {
            setStarting(false);
            setLost(null);
          }}
        />
      )}
      <Suspense fallback={null}>{sharing && <ShareDialog onClose={() => setSharing(false)} />}</Suspense>
    </>
  );
}
