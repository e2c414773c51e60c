/**
 * The live app, loaded after the first screen (main.tsx starts the download at
 * once): the store, built by replaying the saved session (or the starter
 * world) into the simulator, and the App around it. Everything that needs the
 * simulator is in this chunk or loaded from it.
 *
 * A link's world (`#s=`, `#g=`) is built before the live app is first drawn:
 * drawing the saved or starter world first, only to replace it, made a
 * 300-container link's first topology wait for two canvases instead of one.
 * The session is saved once that first picture is painted (a page hidden or
 * closed before then saves at once): a world's snapshot and its write are on
 * no path to the picture.
 */
import { useEffect } from 'react';
import { App } from './App.tsx';
import { discardBootHandoff, untilFirstScreenPainted } from './boot/handoff.ts';
import { galleryStoreFor } from './gallery/context.ts';
import { loadDocReader, loadGalleryScenarios } from './gallery/registry.ts';
import { loadGallery } from './gallery/saved.ts';
import { buildLinkWorldAhead } from './share/link-ahead.ts';
import { isScenarioFragment, openFragmentLink } from './share/useLinkOpener.ts';
import { AppStoreContext } from './state/context.ts';
import { browserStorage, loadSession } from './state/persist.ts';
import { programsIdle, whenProgramsReady } from './state/programs.ts';
import { keptReplay } from './state/replay-ahead.ts';
import { createAppStore } from './state/store.ts';

/** How long the replay waits at most for the first screen's drawing (a page under heavy load). */
const FIRST_SCREEN_WAIT_MS = 3000;

// The saved world's snapshot is on screen before the replay's long task: without this wait the
// replay could run first (the first screen renders after its strings load), and a returning
// visitor's reload of a 300-container world showed nothing for 2-4 s. A link's world replaces
// the first screen's, so its replay does not wait.
if (!isScenarioFragment(window.location.hash)) await untilFirstScreenPainted(FIRST_SCREEN_WAIT_MS);

const storage = browserStorage();
const saved = loadSession(storage);

// A link's world is built ahead (main.tsx started it as the page loaded: share/link-ahead.ts). With
// nothing saved, the link replaces the starter world at once: the store starts empty once that world
// is built (a bad link leaves the starter's). Else the saved world replays once the link is read and
// its programs download, meanwhile.
const linkAhead = isScenarioFragment(window.location.hash) ? buildLinkWorldAhead(window.location.hash) : undefined;
if (linkAhead) await (saved.kind === 'empty' ? linkAhead.built : linkAhead.fetching);
const startEmpty = linkAhead !== undefined && saved.kind === 'empty' && keptReplay() !== undefined;

// The store replays the saved session as it is made: the programs its lines may need come first.
const store = await whenProgramsReady(saved.kind === 'loaded' ? saved.session.commands : [], () => createAppStore({ storage, holdSaves: true, startEmpty }));
// A saved gallery scenario (its title, its steps) comes back with the gallery's list; a linked one's
// document is read again with the format's reader.
const savedGallery = loadGallery(storage);
if (savedGallery.id !== null) await loadGalleryScenarios().catch(() => undefined);
if (savedGallery.linked !== undefined) await loadDocReader();
// The link opens once its world is built, taking that world instead of replaying its lines again.
if (linkAhead) await linkAhead.built;
await openFragmentLink(store, galleryStoreFor(store));
// A link whose lines wait for a program opens once it has loaded.
await programsIdle();
// Started empty for a link that then did not open (its text failed to load): the starter's world, with the notice saying why.
if (startEmpty && store.getState().world === 0) {
  const { notice } = store.getState();
  store.getState().resetWorld('starter');
  if (notice) store.getState().setNotice(notice);
}
// Not the world the first screen drew: nothing of its canvas carries over.
if (store.getState().world !== 0) discardBootHandoff();

const releaseSaves = () => store.getState().releaseSaves();
window.addEventListener('pagehide', releaseSaves);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') releaseSaves();
});

export default function Live() {
  // After the first paint: a frame's callback runs before it, a task queued there after it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(releaseSaves, 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  );
}
