/**
 * The gallery's parts of the top bar: the Gallery button, and what the bar says
 * about the world (the open scenario's title and its next step, else the first
 * screen's scenario and its hint).
 */
import { useTranslation } from 'react-i18next';
import { GALLERY_NS } from '../../scenario/gallery/index.ts';
import { STARTER_SCENARIO } from '../../scenario/starter.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { useGallery, useGalleryStore } from './context.ts';
import { activeScenario, doneSteps } from './model.ts';

export function GalleryButton() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  return (
    <button type="button" className="gallery-open" onClick={() => gallery.getState().openDialog()} title={t('ui.openTitle')} aria-haspopup="dialog">
      {t('ui.open')}
    </button>
  );
}

export interface HeaderScenario {
  titleKey: string;
  /** The line the header offers, its label's i18n key, and what clicking it does. */
  hint?: { line: string; labelKey: string; run(): void };
}

export function useHeaderScenario(): HeaderScenario {
  const app = useAppStore();
  const gallery = useGalleryStore();
  const commands = useApp((s) => s.commands);
  const activeId = useGallery((s) => s.activeId);
  const step = useGallery((s) => s.step);
  const scenario = activeScenario(commands, activeId);
  if (!scenario) {
    const hint = STARTER_SCENARIO.hint;
    return {
      titleKey: STARTER_SCENARIO.titleKey,
      ...(hint ? { hint: { line: hint, labelKey: 'hint.try', run: () => app.getState().requestRun(hint) } } : {}),
    };
  }
  const done = doneSteps(commands, scenario);
  const line = scenario.steps[step]?.command;
  return {
    titleKey: scenario.titleKey,
    ...(line !== undefined && !(done.size === scenario.steps.length)
      ? { hint: { line, labelKey: 'gallery:header.next', run: () => gallery.getState().runStep(step) } }
      : {}),
  };
}
