/**
 * The parts of the live app the first screen does not show, each its own
 * chunk: loaded when first shown, or when the browser is idle once the terminal
 * takes commands (App.tsx).
 * The gallery's two parts render once the gallery's English text is there too.
 */
import { lazy } from 'react';
import { loadGalleryText } from './i18n/index.ts';

const loaders = {
  rules: () => import('./rules/RulesPanel.tsx').then((m) => ({ default: m.RulesPanel })),
  inspector: () => import('./inspector/InspectorPanel.tsx').then((m) => ({ default: m.InspectorPanel })),
  guide: () => Promise.all([import('./gallery/GuidePanel.tsx'), loadGalleryText()]).then(([m]) => ({ default: m.GuidePanel })),
  gallery: () => Promise.all([import('./gallery/GalleryDialog.tsx'), loadGalleryText()]).then(([m]) => ({ default: m.GalleryDialog })),
  share: () => import('./share/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })),
  addContainer: () => import('./actions/Dialogs.tsx').then((m) => ({ default: m.AddContainerDialog })),
  addNetwork: () => import('./actions/Dialogs.tsx').then((m) => ({ default: m.AddNetworkDialog })),
  contextMenu: () => import('./actions/ContextMenu.tsx').then((m) => ({ default: m.ContextMenu })),
};

export const RulesPanel = lazy(loaders.rules);
export const InspectorPanel = lazy(loaders.inspector);
export const GuidePanel = lazy(loaders.guide);
export const GalleryDialog = lazy(loaders.gallery);
export const ShareDialog = lazy(loaders.share);
export const AddContainerDialog = lazy(loaders.addContainer);
export const AddNetworkDialog = lazy(loaders.addNetwork);
export const ContextMenu = lazy(loaders.contextMenu);

/** Fetches them all once the page is idle (the app calls it when the terminal takes commands), so the first click on one does not wait. */
export function prefetchLazyParts(): () => void {
  const run = () => {
    for (const load of Object.values(loaders)) load().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 1500);
  return () => window.clearTimeout(id);
}
