/**
 * The offline app's service worker (vite.config.ts, `offline()`): registered once
 * the live app's terminal takes commands (`active`), in production builds (the dev
 * server has none). Its module, and workbox-window with it, is a chunk of its own
 * loaded then, and the worker's precaching of every file starts then, so neither
 * competes with the chunks the terminal waits for. When a new build has been
 * installed, it waits: this bar says so and reloads only when the user asks. The
 * session is in localStorage, which a new build's caches never touch, so the
 * reload brings the same world back.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';

type Update = (reloadPage?: boolean) => Promise<void>;

function useServiceWorkerUpdate(active: boolean): { waiting: boolean; reload(): void; later(): void } {
  const [waiting, setWaiting] = useState(false);
  const update = useRef<Update | null>(null);
  useEffect(() => {
    if (!active || update.current || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let live = true;
    void import('virtual:pwa-register')
      .then(({ registerSW }) => {
        if (!live) return;
        update.current = registerSW({
          immediate: true,
          onNeedRefresh: () => setWaiting(true),
          // Not registered (a private window, a browser or test run that blocks workers): the app works online as before.
          onRegisterError: () => undefined,
        });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [active]);
  return {
    waiting,
    // The waiting worker takes over, then the page reloads (registerSW's `controlling` handler).
    reload: () => void update.current?.(true),
    later: () => setWaiting(false),
  };
}

export function UpdateBar({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const { waiting, reload, later } = useServiceWorkerUpdate(active);
  if (!waiting) return null;
  return (
    <div className="notice update-available" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="notice-action" onClick={reload}>
        {t('update.reload')}
      </button>
      <button type="button" className="notice-action" onClick={later}>
        {t('update.later')}
      </button>
    </div>
  );
}
