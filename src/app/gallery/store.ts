/**
 * The gallery's own small store (zustand, vanilla) beside the app store: which
 * scenario is open and on which step, whether the Guide tab shows, the dialog
 * and its confirmation. The world itself stays in the app store: opening a
 * scenario replaces it there (`replaceWorld`), and steps run through the same
 * path as a typed line (`requestRun`). A scenario comes from the gallery, or
 * from a link or a file (`openDoc`); before a link replaces the user's world,
 * that world is kept (previous.ts) and `backToMyWorld` brings it back. Saved
 * under `vethlab.gallery`; on load a saved scenario counts only while the
 * session still starts with its setup.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PanelName, ScenarioDoc, ScenarioLayout } from '../../scenario/format/types.ts';
import type { GalleryScenario } from '../../scenario/gallery/types.ts';
import type { StorageLike } from '../state/persist.ts';
import { GALLERY_STORAGE_KEY, loadGallery as load, serializeGallery } from './saved.ts';
import type { AppStore } from '../state/store.ts';
import { programsUnavailable, whenProgramsReady } from '../state/programs.ts';
import { activeScenario, doneSteps, nextStep, ownCommands } from './model.ts';
import { openingStep } from './opening.ts';
import { dropPrevious, loadPrevious, savePrevious, type PreviousWorld } from './previous.ts';
import {
  findScenario,
  galleryScenariosLoaded,
  LINKED_ID,
  linkedScenario,
  loadDocReader,
  loadGalleryScenarios,
  registerLinked,
  restoreLinkedText,
  scenarioForDoc,
} from './registry.ts';

export { GALLERY_STORAGE_KEY };

/** A scenario about to open: what it is, the step to start at (0-based), and how it lays out. */
export interface PendingOpen {
  scenario: GalleryScenario;
  step: number;
  layout?: ScenarioLayout;
  /** Networks drawn collapsed, by stable names. */
  collapsed?: readonly string[];
  panel?: PanelName;
  /** A link or a file keeps the world it replaces (back to my world); the gallery's cards do not. */
  source: 'gallery' | 'link';
}

export interface OpenOptions {
  /** Ask before the user's own commands go (default); an embed, driven by its page, does not. */
  ask?: boolean;
}

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
  pending: PendingOpen | null;
  /** A world from before a link is kept: `backToMyWorld` can bring it back. */
  previous: boolean;
  /** Grows with every scenario opened (a new linked one is saved even under the same id). */
  opened: number;

  openDialog(): void;
  closeDialog(): void;
  /** Opens a gallery scenario (or the linked one again), or asks first when the user's own commands would be lost. */
  requestOpen(id: string, options?: OpenOptions): void;
  /** Opens a scenario from a link or a file at its view's step (or `step`, from 1), asking first likewise. */
  openDoc(doc: ScenarioDoc, step?: number, options?: OpenOptions): void;
  confirmOpen(): void;
  cancelOpen(): void;
  /** Brings back the world a link replaced. */
  backToMyWorld(): void;
  /** Forgets it (the user chose to stay). */
  forgetPrevious(): void;
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
  // A saved linked scenario: its creator has loaded the format's reader (Live.tsx; loadDocReader).
  if (saved.linked !== undefined) restoreLinkedText(saved.linked);
  const initial = activeScenario(app.getState().commands, saved.id);

  const store = createStore<GalleryState>()((set, get) => {
    const keepPrevious = () => {
      const { commands, seed, positions, times, collapsed } = app.getState();
      const g = get();
      const own = ownCommands(commands, activeScenario(commands, g.activeId));
      const untouched = own.length === 0 && g.activeId === null;
      // The first screen's world is always there to come back to; a link opened over another link keeps the older world.
      if (untouched || (g.previous && own.length === 0)) return;
      const linked = linkedScenario();
      const kept = savePrevious(storage, {
        session: { seed, commands, positions, times, collapsed },
        gallery: { id: g.activeId, step: g.step, guide: g.guideOpen, ...(g.activeId === LINKED_ID && linked ? { linked: linked.doc } : {}) },
      });
      if (kept) set({ previous: true });
    };

    /** Opens a scenario once the programs its lines may need have loaded, in turn with every line of the app (state/programs.ts). */
    const open = (p: PendingOpen) => {
      const lines = [...p.scenario.commands, ...p.scenario.steps.slice(0, p.step).map((s) => s.command)];
      void Promise.resolve(whenProgramsReady(lines, () => openNow(p))).catch((error: unknown) => app.getState().setNotice(programsUnavailable(error)));
    };
    const openNow = (p: PendingOpen) => {
      const { scenario } = p;
      if (p.source === 'link') keepPrevious();
      if (scenario.id === LINKED_ID) registerLinked(scenario);
      const ran = scenario.steps.slice(0, p.step).map((s) => s.command);
      app.getState().setInspectorOpen(false);
      app.getState().replaceWorld(
        [...scenario.commands, ...ran],
        { key: 'gallery:terminal.opened', values: { title: translate(scenario.titleKey), count: String(scenario.commands.length + ran.length) } },
        { seed: scenario.seed, ...(p.layout ? { layout: p.layout } : {}), ...(p.collapsed ? { collapsed: p.collapsed } : {}) },
      );
      const hasSteps = scenario.steps.length > 0;
      const panel = p.panel ?? (hasSteps ? 'guide' : undefined);
      if (panel === 'trace' || panel === 'rules') app.getState().setView({ panel });
      set((g) => ({
        activeId: scenario.id,
        step: Math.min(p.step, Math.max(0, scenario.steps.length - 1)),
        guideOpen: panel === 'guide',
        dialogOpen: false,
        confirmId: null,
        pending: null,
        opened: g.opened + 1,
      }));
    };

    /** The world a link replaced, back (`backToMyWorld`). */
    const bringBack = (session: PreviousWorld['session'], gallery: PreviousWorld['gallery']) => {
      if (gallery.id === LINKED_ID && !restoreLinkedText(gallery.linked)) gallery.id = null;
      app.getState().setInspectorOpen(false);
      app.getState().replaceWorld(session.commands, { key: 'notice.backToMyWorld', values: { count: String(session.commands.length) } }, {
        seed: session.seed,
        positions: session.positions,
        ...(session.times ? { times: session.times } : {}),
        ...(session.collapsed ? { collapsedIds: session.collapsed } : {}),
      });
      const scenario = activeScenario(session.commands, gallery.id);
      set((g) => ({ activeId: scenario ? scenario.id : null, step: scenario ? gallery.step : 0, guideOpen: scenario ? gallery.guide : false, opened: g.opened + 1 }));
    };

    const request = (p: PendingOpen, options: OpenOptions = {}) => {
      if (options.ask !== false && get().ownCommands().length > 0) set({ pending: p, confirmId: p.scenario.id, dialogOpen: true });
      else open(p);
    };
    const stepLine = (step: number) => findScenario(get().activeId)?.steps[step]?.command;

    return {
      activeId: initial ? initial.id : null,
      step: initial ? Math.min(saved.step, Math.max(0, initial.steps.length - 1)) : 0,
      guideOpen: saved.guide,
      dialogOpen: false,
      confirmId: null,
      pending: null,
      previous: loadPrevious(storage) !== undefined,
      opened: 0,

      openDialog() {
        set({ dialogOpen: true, confirmId: null, pending: null });
      },
      closeDialog() {
        set({ dialogOpen: false, confirmId: null, pending: null });
      },
      requestOpen(id, options) {
        const go = () => {
          const scenario = findScenario(id);
          if (scenario) request({ scenario, step: 0, source: id === LINKED_ID ? 'link' : 'gallery' }, options);
        };
        // A gallery scenario named before the gallery's list has loaded (the trace's "since the articles" note).
        if (id === LINKED_ID || galleryScenariosLoaded()) go();
        else void loadGalleryScenarios().then(go, (error: unknown) => app.getState().setNotice(programsUnavailable(error)));
      },
      openDoc(doc, step, options) {
        request({
          scenario: scenarioForDoc(doc),
          step: openingStep(doc, step),
          ...(doc.layout ? { layout: doc.layout } : {}),
          ...(doc.view?.collapsed ? { collapsed: doc.view.collapsed } : {}),
          ...(doc.view?.panel ? { panel: doc.view.panel } : {}),
          source: 'link',
        }, options);
      },
      confirmOpen() {
        const { pending } = get();
        if (pending) open(pending);
      },
      cancelOpen() {
        // A link's question closes with the dialog; a card's goes back to the cards.
        const fromLink = get().pending?.source === 'link';
        set({ confirmId: null, pending: null, ...(fromLink ? { dialogOpen: false } : {}) });
      },
      backToMyWorld() {
        const previous = loadPrevious(storage);
        dropPrevious(storage);
        set({ previous: false });
        if (!previous) return;
        const { session, gallery } = previous;
        const back = () => whenProgramsReady(session.commands, () => bringBack(session, gallery));
        // The world may have been a gallery scenario's, named before the gallery's list has loaded.
        const needsGallery = gallery.id !== null && gallery.id !== LINKED_ID && !galleryScenariosLoaded();
        const ready = !needsGallery && gallery.linked === undefined ? back() : Promise.all([loadGalleryScenarios(), gallery.linked !== undefined ? loadDocReader() : undefined]).then(back);
        void Promise.resolve(ready).catch((error: unknown) => app.getState().setNotice(programsUnavailable(error)));
      },
      forgetPrevious() {
        dropPrevious(storage);
        set({ previous: false });
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
    const linked = linkedScenario();
    try {
      storage?.setItem(GALLERY_STORAGE_KEY, serializeGallery({ id: activeId, step, guide: guideOpen, ...(activeId === LINKED_ID && linked ? { linked: linked.doc } : {}) }));
    } catch {
      // Storage full or denied: the gallery state is a convenience, the session is saved apart.
    }
  };
  store.subscribe((s, prev) => {
    if (s.activeId !== prev.activeId || s.step !== prev.step || s.guideOpen !== prev.guideOpen || s.opened !== prev.opened) save();
  });
  return store;
}
