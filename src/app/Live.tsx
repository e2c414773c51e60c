/**
 * The live app, loaded after the first screen (main.tsx starts the download at
 * once): the store, built by replaying the saved session (or the starter
 * world) into the simulator, and the App around it. Everything that needs the
 * simulator is in this chunk or loaded from it.
 *
 * A link's world (`#s=`, `#g=`) is built before the live app is first drawn:
 * drawing the saved or starter world first, only to replace it, made a
 * 300-container link's first topology wait for two canvases instead of one.
 */
import { App } from './App.tsx';
import { discardBootHandoff } from './boot/handoff.ts';
import { galleryStoreFor } from './gallery/context.ts';
import { openFragmentLink } from './share/useLinkOpener.ts';
import { AppStoreContext } from './state/context.ts';
import { browserStorage, loadSession } from './state/persist.ts';
import { programsIdle, whenProgramsReady } from './state/programs.ts';
import { createAppStore } from './state/store.ts';

const storage = browserStorage();
const saved = loadSession(storage);
// The store replays the saved session as it is made: the programs its lines may need come first.
const store = await whenProgramsReady(saved.kind === 'loaded' ? saved.session.commands : [], () => createAppStore({ storage }));
await openFragmentLink(store, galleryStoreFor(store));
// A link whose lines wait for a program opens once it has loaded.
await programsIdle();
// Not the world the first screen drew: nothing of its canvas carries over.
if (store.getState().world !== 0) discardBootHandoff();

export default function Live() {
  return (
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  );
}
