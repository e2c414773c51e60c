/**
 * The live app, loaded after the first screen (main.tsx starts the download at
 * once): the store, built by replaying the saved session (or the starter
 * world) into the simulator, and the App around it. Everything that needs the
 * simulator is in this chunk or loaded from it.
 */
import { App } from './App.tsx';
import { AppStoreContext } from './state/context.ts';
import { browserStorage } from './state/persist.ts';
import { createAppStore } from './state/store.ts';

const store = createAppStore({ storage: browserStorage() });

export default function Live() {
  return (
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  );
}
