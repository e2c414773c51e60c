/**
 * Autoplay (`autoplay=1`): the open scenario's steps run one after another,
 * each once the last one's packet has finished moving on the canvas, with a
 * pause to read it. It stops at the last step, and never repeats one.
 */
import { useEffect } from 'react';
import { useGallery, useGalleryStore } from '../gallery/context.ts';
import { activeScenario, doneSteps, nextStep } from '../gallery/model.ts';
import { useApp } from '../state/context.ts';

/** The pause after a step, to read what it printed and where its packet went. */
export const AUTOPLAY_PAUSE_MS = 1800;

export function useAutoplay(enabled: boolean): void {
  const gallery = useGalleryStore();
  const commands = useApp((s) => s.commands);
  const playing = useApp((s) => s.player.playing);
  const pending = useApp((s) => s.pendingRun);
  const activeId = useGallery((s) => s.activeId);
  useEffect(() => {
    if (!enabled || playing || pending) return;
    const scenario = activeScenario(commands, activeId);
    if (!scenario) return;
    const next = nextStep(scenario, doneSteps(commands, scenario));
    if (next === undefined) return;
    const timer = window.setTimeout(() => gallery.getState().runStep(next), AUTOPLAY_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, playing, pending, commands, activeId, gallery]);
}
