/**
 * What the node components (nodes.tsx) take from the renderer that draws them:
 * their handles, whether the view is zoomed out to compact chips, and the
 * translation function (one `useTranslation` for the canvas: a 300-container
 * world's nodes each subscribing to i18next was a tenth of its first draw). React
 * Flow's canvas (FlowView.tsx) provides its Handle and a store subscription;
 * the static drawing shown before React Flow has loaded (StaticCanvas.tsx)
 * provides handles of the same markup and its fixed zoom. So one set of node
 * components draws both, and nodes.tsx needs none of React Flow's code.
 */
import type { TFunction } from '../i18n/index.ts';
import { type ComponentType, createContext, createElement, useContext } from 'react';
import type { Side } from './static-geometry.ts';

export interface HandleProps {
  id?: string;
  type: 'source' | 'target';
  position: Side;
  style?: Record<string, string>;
}

export interface NodeKit {
  Handle: ComponentType<HandleProps>;
  /** Whether the view is below the zoom where bridges and containers draw as chips (a hook: it may subscribe). */
  useCompact(): boolean;
  /** The UI's translation function; a new one when the language changes (the nodes then draw again). */
  t: TFunction;
}

const NodeKitContext = createContext<NodeKit | null>(null);

export const NodeKitProvider = NodeKitContext.Provider;

function useKit(): NodeKit {
  const kit = useContext(NodeKitContext);
  if (!kit) throw new Error('vethlab: a canvas node was drawn outside a canvas (no NodeKitProvider)');
  return kit;
}

/** A handle of the node being drawn, as its renderer draws handles. */
export function Handle(props: HandleProps) {
  return createElement(useKit().Handle, props);
}

export function useCompact(): boolean {
  return useKit().useCompact();
}

/** The translation function, for the nodes' words (`node.*` keys). */
export function useNodeT(): TFunction {
  return useKit().t;
}

/** The zoom below which bridges and containers draw as compact chips. */
export const COMPACT_ZOOM = 0.45;
