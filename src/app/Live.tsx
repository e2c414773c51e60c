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
import { browserStorage } from './state/persist.ts';
import { createAppStore } from './state/store.ts';

const store = createAppStore({ storage: browserStorage() });
await openFragmentLink(store, galleryStoreFor(store));
// Not the world the first screen drew: nothing of its canvas carries over.
if (store.getState().world !== 0) discardBootHandoff();

export default function Live() {
  return (
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  );
}
