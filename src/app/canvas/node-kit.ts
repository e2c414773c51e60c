/**
 * What the node components (nodes.tsx) take from the renderer that draws them:
 * their handles and whether the view is zoomed out to compact chips. React
 * Flow's canvas (FlowView.tsx) provides its Handle and a store subscription;
 * the static drawing shown before React Flow has loaded (StaticCanvas.tsx)
 * provides handles of the same markup and its fixed zoom. So one set of node
 * components draws both, and nodes.tsx needs none of React Flow's code.
 */
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

/** The zoom below which bridges and containers draw as compact chips. */
export const COMPACT_ZOOM = 0.45;
