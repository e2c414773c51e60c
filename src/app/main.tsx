/**
 * Browser entry point. The live app's chunk (the store and the simulator) and
 * the terminal's (the light terminal; xterm.js comes after it) start downloading at once; meanwhile the first
 * screen draws the world from a graph snapshot (src/app/boot): the saved
 * session's, else the starter world's (its own chunk; a link draws neither). The UI strings come first (English is
 * bundled; Chinese is a small chunk awaited when it is the language), and with
 * a gallery scenario restored, its title and next step for the header.
 */
import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './boot/Boot.tsx';
import { bootStateOf, drawsStarter, readSavedBoot, type StarterSnapshot, withScenarioHeader } from './boot/initial.ts';
import { initI18n, loadGalleryText } from './i18n/index.ts';
import { isScenarioDataFragment, isScenarioFragment } from './share/useLinkOpener.ts';
import { browserStorage } from './state/persist.ts';
import { resolveTheme } from './ui/theme.ts';
import './app.css';

// A link opens a world of its own: the saved or starter world is not drawn while it loads
// (it would be the wrong world, and drawing it delays the simulator the link waits for).
const opensLink = isScenarioFragment(window.location.hash);

// The downloads start now, in parallel with drawing the first screen. The simulator's chunk first, and
// on its own: it is evaluated as soon as it has arrived, while the live app's other chunks still download.
import('../sim/shell/simulator.ts').catch(() => undefined);
// A link's world is built as soon as the simulator has arrived (share/link-ahead.ts: the link read,
// its programs fetched, its lines replayed) while the live app's chunks download: requested
// before them, its few chunks are not queued behind theirs.
if (opensLink) {
  const hash = window.location.hash;
  import('./share/link-ahead.ts')
    .then(({ buildLinkWorldAhead }) => buildLinkWorldAhead(hash).built)
    .catch(() => undefined);
  // The codec (fflate, the format's schema) only for a whole scenario's link, not a gallery link's id.
  if (isScenarioDataFragment(hash)) import('./share/link-data.ts').catch(() => undefined);
  else import('./gallery/gallery-scenarios.ts').catch(() => undefined);
}
const live = import('./Live.tsx');
import('./terminal/TerminalPane.tsx').catch(() => undefined);
const Live = lazy(() => live);

const container = document.getElementById('root');
if (!container) throw new Error('vethlab: index.html has no #root element');

const saved = readSavedBoot(browserStorage());
// The starter's snapshot (a chunk of its own) only where it is drawn; should it fail to load, the canvas waits for the simulator.
const starter: Promise<StarterSnapshot | undefined> =
  !opensLink && drawsStarter(saved)
    ? import('./graph/starter-snapshot.ts').then((m) => m.STARTER_SNAPSHOT).catch(() => undefined)
    : Promise.resolve(undefined);
document.documentElement.dataset.theme = resolveTheme(
  saved.view.theme,
  window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
);

// The UI's language first: the gallery's text is added to its strings.
const strings = initI18n();
// A gallery link's title and steps are the gallery's text (a whole scenario's link loads it only if
// it opens a gallery scenario: useLinkOpener.ts).
if (opensLink && !isScenarioDataFragment(window.location.hash)) void strings.then(() => loadGalleryText()).catch(() => undefined);
const firstScreen = starter.then((snapshot) => {
  const state = bootStateOf(saved, snapshot);
  return withScenarioHeader(opensLink ? { ...state, graph: undefined } : state);
});
void Promise.all([strings, firstScreen]).then(([i18n, state]) => {
  document.documentElement.lang = i18n.language;
  i18n.onLanguageChanged((lng) => {
    document.documentElement.lang = lng;
  });
  createRoot(container).render(
    <StrictMode>
      <Boot state={state} Live={Live} />
    </StrictMode>,
  );
});
