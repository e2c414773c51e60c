/**
 * What the top bar says about the world: the open scenario's title and its next
 * step, else the first screen's scenario and its hint (gallery/model.ts), with
 * what clicking the hint does.
 */
import { useApp, useAppStore } from '../state/context.ts';
import { useGallery, useGalleryStore } from './context.ts';
import { headerLine } from './model.ts';

export interface HeaderScenario {
  titleKey: string;
  own?: 'version' | 'world';
  /** The line the header offers, its label's i18n key, and what clicking it does. */
  hint?: { line: string; labelKey: string; run(): void };
}

export function useHeaderScenario(): HeaderScenario {
  const app = useAppStore();
  const gallery = useGalleryStore();
  const commands = useApp((s) => s.commands);
  const activeId = useGallery((s) => s.activeId);
  const step = useGallery((s) => s.step);
  const { titleKey, hint, own } = headerLine(commands, activeId, step);
  if (!hint) return { titleKey, ...(own ? { own } : {}) };
  const { step: galleryStep } = hint;
  return {
    titleKey,
    ...(own ? { own } : {}),
    hint: {
      line: hint.line,
      labelKey: hint.labelKey,
      run: galleryStep === undefined ? () => app.getState().requestRun(hint.line) : () => gallery.getState().runStep(galleryStep),
    },
  };
}
