/**
 * Light or dark: the OS's preference unless the user chose one (saved with the
 * view settings). The document gets `data-theme` for the CSS.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useApp } from '../state/context.ts';
import type { ThemeSetting } from '../state/persist.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useSystemTheme(): 'light' | 'dark' {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(QUERY).matches ? 'dark' : 'light'),
    () => 'light',
  );
}

export function resolveTheme(setting: ThemeSetting, system: 'light' | 'dark'): 'light' | 'dark' {
  return setting === 'system' ? system : setting;
}

export function useEffectiveTheme(): 'light' | 'dark' {
  const setting = useApp((s) => s.view.theme);
  return resolveTheme(setting, useSystemTheme());
}

/** Keeps `<html data-theme>` in step. */
export function useDocumentTheme(): 'light' | 'dark' {
  const theme = useEffectiveTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
