/**
 * Browser entry point: the i18n resources, the store (the saved session
 * replayed, or the first-screen scenario), then the React app into #root.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import { AppStoreContext } from './state/context.ts';
import type { StorageLike } from './state/persist.ts';
import { createAppStore } from './state/store.ts';
import './app.css';

function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('vethlab: index.html has no #root element');

const i18n = initI18n();
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
const store = createAppStore({ storage: browserStorage() });

createRoot(container).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
