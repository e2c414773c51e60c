/**
 * React Flow's chunk (FlowView.tsx), loaded once: when the terminal takes
 * commands, or as soon as the user reaches for the canvas (the first screen's
 * canvas included, so it is on its way before the live app asks for it).
 */
import type { ComponentType } from 'react';
import type { FlowViewProps } from './FlowView.tsx';

let loaded: ComponentType<FlowViewProps> | undefined;
let loading: Promise<ComponentType<FlowViewProps>> | undefined;
let wanted = false;

export function loadFlowView(): Promise<ComponentType<FlowViewProps>> {
  loading ??= import('./FlowView.tsx').then(
    (m) => (loaded = m.FlowView),
    (error: unknown) => {
      // A later call tries again (a connection back).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The renderer, when its chunk has arrived: a canvas mounted later (a reset, another world) draws with it at once. */
export function loadedFlowView(): ComponentType<FlowViewProps> | undefined {
  return loaded;
}

/** The user reached for the canvas before the live app was there: it brings React Flow in at once. */
export function wantFlowView(): void {
  wanted = true;
  loadFlowView().catch(() => undefined);
}

export function flowViewWanted(): boolean {
  return wanted;
}
