/**
 * The gallery's own small store (zustand, vanilla) beside the app store: which
 * scenario is open and on which step, whether the Guide tab shows, the dialog
 * and its confirmation. The world itself stays in the app store: opening a
 * scenario replaces it there (`replaceWorld`), and steps run through the same
 * path as a typed line (`requestRun`). Saved under `vethlab.gallery`; on load a
 * saved scenario counts only while the session still starts with its setup.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { findGalleryScenario } from '../../scenario/gallery/index.ts';
import type { StorageLike } from '../state/persist.ts';
import { GALLERY_STORAGE_KEY, GALLERY_VERSION as VERSION, loadGallery as load } from './saved.ts';
import type { AppStore } from '../state/store.ts';
import { activeScenario, doneSteps, nextStep, ownCommands } from './model.ts';

export { GALLERY_STORAGE_KEY };

export interface GalleryState {
  /** The open scenario (null: the first screen's world, or a world of the user's own). */
  activeId: string | null;
  /** The step the learner is on. */
  step: number;
  /** The side panel shows the Guide tab. */
  guideOpen: boolean;
  dialogOpen: boolean;
  /** A scenario waiting for the user to confirm that their own commands may go. */
  confirmId: string | null;

  openDialog(): void;
  closeDialog(): void;
  /** Opens a scenario, or asks first when the user's own commands would be lost. */
  requestOpen(id: string): void;
  confirmOpen(): void;
  cancelOpen(): void;
  /** Lines the user ran on their own in this world. */
  ownCommands(): string[];
  showGuide(open: boolean): void;
  selectStep(step: number): void;
  runStep(step: number): void;
  typeStep(step: number): void;
}

export type GalleryStore = StoreApi<GalleryState>;

export interface GalleryStoreOptions {
  storage?: StorageLike;
  /** Translates an i18n key (the terminal's note names the scenario in the user's language). */
  translate?: (key: string) => string;
}

export function createGalleryStore(app: AppStore, options: GalleryStoreOptions = {}): GalleryStore {
  const { storage } = options;
  const translate = options.translate ?? ((key: string) => key);
  const saved = load(storage);
  const initial = activeScenario(app.getState().commands, saved.id);

  const store = createStore<GalleryState>()((set, get) => {
    const open = (id: string) => {
      const scenario = findGalleryScenario(id);
      if (!scenario) return;
      app.getState().setInspectorOpen(false);
      app.getState().replaceWorld(scenario.commands, {
        key: 'gallery:terminal.opened',
        values: { title: translate(scenario.titleKey), count: String(scenario.commands.length) },
      });
      set({ activeId: id, step: 0, guideOpen: true, dialogOpen: false, confirmId: null });
    };
    const stepLine = (step: number) => findGalleryScenario(get().activeId)?.steps[step]?.command;

    return {
      activeId: initial ? initial.id : null,
      step: initial ? Math.min(saved.step, initial.steps.length - 1) : 0,
      guideOpen: saved.guide,
      dialogOpen: false,
      confirmId: null,

      openDialog() {
        set({ dialogOpen: true, confirmId: null });
      },
      closeDialog() {
        set({ dialogOpen: false, confirmId: null });
      },
      requestOpen(id) {
        if (get().ownCommands().length > 0) set({ confirmId: id, dialogOpen: true });
        else open(id);
      },
      confirmOpen() {
        const id = get().confirmId;
        if (id) open(id);
      },
      cancelOpen() {
        set({ confirmId: null });
      },
      ownCommands() {
        const { commands } = app.getState();
        return ownCommands(commands, activeScenario(commands, get().activeId));
      },
      showGuide(openGuide) {
        if (openGuide) app.getState().setInspectorOpen(false);
        set({ guideOpen: openGuide });
      },
      selectStep(step) {
        set({ step });
      },
      runStep(step) {
        const line = stepLine(step);
        if (line === undefined) return;
        set({ step });
        app.getState().requestRun(line);
      },
      typeStep(step) {
        const line = stepLine(step);
        if (line === undefined) return;
        set({ step });
        app.getState().requestType(line);
      },
    };
  });

  // The world moves on: a reset (or anything that drops the setup) closes the scenario;
  // the step just done hands over to the next one; the inspector takes the panel.
  app.subscribe((s, prev) => {
    const g = store.getState();
    if (s.inspectorOpen && !prev.inspectorOpen && g.guideOpen) store.setState({ guideOpen: false });
    if (s.commands === prev.commands || g.activeId === null) return;
    const scenario = activeScenario(s.commands, g.activeId);
    if (!scenario) {
      store.setState({ activeId: null, step: 0 });
      return;
    }
    const done = doneSteps(s.commands, scenario);
    const just = s.commands[s.commands.length - 1];
    if (s.commands.length > prev.commands.length && scenario.steps[g.step]?.command === just) {
      store.setState({ step: nextStep(scenario, done, g.step + 1) ?? g.step });
    }
  });

  const save = () => {
    const { activeId, step, guideOpen } = store.getState();
    try {
      storage?.setItem(GALLERY_STORAGE_KEY, JSON.stringify({ version: VERSION, id: activeId, step, guide: guideOpen }));
    } catch {
      // Storage full or denied: the gallery state is a convenience, the session is saved apart.
    }
  };
  store.subscribe((s, prev) => {
    if (s.activeId !== prev.activeId || s.step !== prev.step || s.guideOpen !== prev.guideOpen) save();
  });
  return store;
}
