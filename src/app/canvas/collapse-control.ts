/**
 * What a bridge's collapse button calls: the live canvas provides the store's
 * setCollapsed; the first screen's snapshot canvas provides nothing, so its
 * bridges draw no button.
 */
import { createContext, useContext } from 'react';

export type SetCollapsed = (bridge: string, collapsed: boolean) => void;

export const CollapseControl = createContext<SetCollapsed | null>(null);

export function useCollapseControl(): SetCollapsed | null {
  return useContext(CollapseControl);
}
