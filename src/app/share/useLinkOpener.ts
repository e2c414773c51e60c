/**
 * Opens the scenario a URL's fragment carries (`#s=...`, `#g=...`), at load and
 * whenever the fragment changes (a link pasted into the address bar of an open
 * tab). The fragment is removed once read, so a reload shows the world as it
 * then is and never asks again. The codec loads only for a whole scenario's link.
 */
import { useEffect } from 'react';
import { loadGalleryText } from '../i18n/index.ts';
import type { GalleryStore } from '../gallery/store.ts';
import type { AppStore } from '../state/store.ts';

/** Whether a fragment asks for a scenario (anything else is left alone). */
export function isScenarioFragment(hash: string): boolean {
  return /^#?(?:[^&]*&)*(?:s|g)=/.test(hash);
}

/** Whether it carries a whole scenario (`s=`), which the link codec decodes (a gallery link needs no codec). */
export function isScenarioDataFragment(hash: string): boolean {
  return /^#?(?:[^&]*&)*s=/.test(hash);
}

function clearFragment(): void {
  try {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  } catch {
    // A sandboxed frame may refuse: the link is then read again on reload, which is harmless.
  }
}

/**
 * Opens the scenario the page's fragment carries, if it carries one, and clears
 * the fragment; settles once the world is replaced (or the notice says why not).
 */
export function openFragmentLink(app: AppStore, gallery: GalleryStore): Promise<void> {
  const hash = window.location.hash;
  if (!isScenarioFragment(hash)) return Promise.resolve();
  clearFragment();
  // The gallery's text too when the link opens one of its scenarios: the header and the Guide
  // name it. A whole scenario's link of the user's own carries its text (5 KB gzip less before the terminal).
  return import('./link-open.ts')
    .then(({ opensGalleryScenario, openLink }) => openLink(hash).then((link) => (opensGalleryScenario(link) ? loadGalleryText().then(() => link) : link)))
    .then((link) => {
      if (link.kind === 'error') app.getState().setNotice(link.notice);
      else if (link.kind === 'open') gallery.getState().openDoc(link.doc, link.step);
    })
    .catch(() => app.getState().setNotice({ key: 'boot.failed' }));
}

/** The page's link at mount (Live.tsx has usually opened it already) and any pasted later. */
export function useLinkOpener(app: AppStore, gallery: GalleryStore): void {
  useEffect(() => {
    const handle = () => void openFragmentLink(app, gallery);
    handle();
    window.addEventListener('hashchange', handle);
    return () => window.removeEventListener('hashchange', handle);
  }, [app, gallery]);
}
