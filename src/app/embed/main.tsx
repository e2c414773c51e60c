/**
 * The embed page's entry point (embed.html): a world from the link in its URL
 * fragment, with the options of its query (options.ts), in stores kept in
 * memory, so that an embed neither reads nor writes the full app's saved
 * session and two embeds on one page share nothing.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { provideGalleryStore } from '../gallery/context.ts';
import { initI18n, loadGalleryText } from '../i18n/index.ts';
import { resolveLink } from '../share/links.ts';
import { AppStoreContext } from '../state/context.ts';
import { MemoryStorage } from '../state/memory-storage.ts';
import { createAppStore } from '../state/store.ts';
import { AppModeContext } from '../ui/mode.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { parseEmbedOptions } from './options.ts';
import '../app.css';

const options = parseEmbedOptions(window.location.search);
document.documentElement.classList.add('embed-page');

const container = document.getElementById('root');
if (!container) throw new Error('vethlab: embed.html has no #root element');

void Promise.all([initI18n({ persist: false, ...(options.lang ? { language: options.lang } : {}) }), loadGalleryText(), resolveLink(window.location.hash)]).then(([i18n, , link]) => {
  document.documentElement.lang = i18n.language;
  const storage = new MemoryStorage();
  const app = createAppStore({ storage });
  const gallery = provideGalleryStore(app, storage);
  // The URL's theme, else the scenario's own view, else the reader's system.
  const urlTheme = new URLSearchParams(window.location.search).has('theme');
  const theme = urlTheme ? options.theme : (link.kind === 'open' ? link.doc.view?.theme : undefined) ?? 'auto';
  app.getState().setView({ theme: theme === 'auto' ? 'system' : theme });
  if (link.kind === 'error') app.getState().setNotice(link.notice);
  else if (link.kind === 'open') gallery.getState().openDoc(link.doc, options.step ?? link.step, { ask: false });
  createRoot(container).render(
    <StrictMode>
      <AppStoreContext.Provider value={app}>
        <AppModeContext.Provider value={{ embedded: true, readOnly: options.readOnly }}>
          <EmbedApp options={options} />
        </AppModeContext.Provider>
      </AppStoreContext.Provider>
    </StrictMode>,
  );
});
