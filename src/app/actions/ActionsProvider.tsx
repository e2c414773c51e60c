/**
 * The actions' UI state (which context menu or dialog is open, which bridge a
 * dragged container hovers) and the one way every action runs: a command line
 * handed to the store's `requestRun`, which the terminal types at its prompt and
 * runs like a typed line (echoed, recorded in the session, replayed on reload).
 * Components reach it with `useActions()`; without a provider (an embed, a test)
 * the actions do nothing and the canvas still works.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useAppStore } from '../state/context.ts';
import type { MenuAction } from './menu.ts';

export type DialogKind = 'container' | 'network';

export interface MenuState {
  /** The canvas node (or veth edge) whose actions are shown; `pane` for the canvas itself. */
  target: string;
  x: number;
  y: number;
  /** Focus goes back there when the menu closes. */
  returnFocus: HTMLElement | null;
}

export interface DialogState {
  kind: DialogKind;
  /** A network to preselect in the container dialog. */
  network?: string;
  returnFocus: HTMLElement | null;
}

export interface Actions {
  menu: MenuState | null;
  dialog: DialogState | null;
  /** The bridge node a dragged container would be connected to on drop. */
  dropTarget: string | null;
  /** A short text for screen readers after a drop. */
  announcement: string;
  openMenu(menu: MenuState): void;
  closeMenu(focus?: boolean): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  setDropTarget(id: string | null): void;
  announce(text: string): void;
  /** Runs a command line as if typed in the Docker host's terminal. */
  run(line: string): void;
  perform(action: MenuAction): void;
}

const ActionsContext = createContext<Actions | null>(null);

export function useActions(): Actions | null {
  return useContext(ActionsContext);
}

function refocus(el: HTMLElement | null) {
  if (el && el.isConnected) el.focus({ preventScroll: true });
}

export function ActionsProvider({ children }: { children: ReactNode }) {
  const store = useAppStore();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [announcement, announce] = useState('');

  const run = useCallback((line: string) => store.getState().requestRun(line), [store]);
  const closeMenu = useCallback(
    (focus = true) => {
      if (menu && focus) requestAnimationFrame(() => refocus(menu.returnFocus));
      setMenu(null);
    },
    [menu],
  );
  const closeDialog = useCallback(() => {
    if (dialog) requestAnimationFrame(() => refocus(dialog.returnFocus));
    setDialog(null);
  }, [dialog]);
  const perform = useCallback(
    (action: MenuAction) => {
      if (action.kind === 'run') run(action.line);
      else if (action.kind === 'inspect') store.getState().inspect(action.node, true);
      else {
        const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setMenu(null);
        setDialog({ kind: action.dialog, ...(action.network ? { network: action.network } : {}), returnFocus: menu?.returnFocus ?? opener });
      }
    },
    [run, store, menu],
  );

  const value = useMemo<Actions>(
    () => ({
      menu,
      dialog,
      dropTarget,
      announcement,
      openMenu: setMenu,
      closeMenu,
      openDialog: (d) => {
        setMenu(null);
        setDialog(d);
      },
      closeDialog,
      setDropTarget,
      announce,
      run,
      perform,
    }),
    [menu, dialog, dropTarget, announcement, closeMenu, closeDialog, run, perform],
  );
  return <ActionsContext.Provider value={value}>{children}</ActionsContext.Provider>;
}
