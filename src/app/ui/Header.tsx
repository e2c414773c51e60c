/**
 * The live top bar: HeaderView with the store's scenario, hint and actions.
 * Reset asks first when it would throw away commands the user ran on their own
 * (listing them, as opening a gallery scenario does).
 */
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../actions/Dialog.tsx';
import { LostCommands } from '../actions/LostCommands.tsx';
import { useHeaderScenario } from '../gallery/header.tsx';
import { useGalleryStore } from '../gallery/context.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { ShareDialog } from '../lazy.ts';
import { HeaderView } from './HeaderView.tsx';
import { useEffectiveTheme, useSystemTheme } from './theme.ts';

function ResetConfirm({ lines, onReset, onCancel }: { lines: readonly string[]; onReset(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('header.resetConfirmTitle')} onClose={onCancel} className="reset-dialog" restoreFocus>
      <LostCommands
        text={t('header.resetConfirmText', { count: lines.length })}
        lines={lines}
        more={(count) => t('header.resetMore', { count })}
        cancelLabel={t('header.resetCancel')}
        confirmLabel={t('header.resetConfirm')}
        onCancel={onCancel}
        onConfirm={onReset}
      />
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
  const [sharing, setSharing] = useState(false);
  const reset = () => {
    setLost(null);
    store.getState().resetWorld();
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
          const own = gallery.getState().ownCommands();
          if (own.length > 0) setLost(own);
          else reset();
        }}
        onGallery={() => gallery.getState().openDialog()}
        onShare={() => setSharing(true)}
      />
      {lost && <ResetConfirm lines={lost} onReset={reset} onCancel={() => setLost(null)} />}
      <Suspense fallback={null}>{sharing && <ShareDialog onClose={() => setSharing(false)} />}</Suspense>
    </>
  );
}
