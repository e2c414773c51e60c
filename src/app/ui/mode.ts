/**
 * How the app runs: the full page, or embedded in a tutorial page (embed.html),
 * where there is no gallery to browse, nothing is saved, and a scenario opens
 * without asking; read-only (`readonly=1`) also turns typing off: the steps
 * run, from the Guide or the host page, but the terminal takes no keys and the
 * Guide offers no Type.
 */
import { createContext, useContext } from 'react';

export interface AppMode {
  embedded: boolean;
  readOnly: boolean;
}

export const AppModeContext = createContext<AppMode>({ embedded: false, readOnly: false });

export function useAppMode(): AppMode {
  return useContext(AppModeContext);
}

export function useReadOnly(): boolean {
  return useContext(AppModeContext).readOnly;
}
