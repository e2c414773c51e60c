/**
 * The app's first load in four chunks of its own code instead of about sixty. Left to itself,
 * the bundler cut the modules shared between the first screen, the live app and the lazy panels
 * into a chunk per set of importers (the store, the gallery's model, the graph cache, a dialog,
 * a theme helper...), each a few KB: a cold load over HTTP/1.1 (six connections to a host)
 * fetched them in waves. This group gathers them by what loads them instead:
 *
 * - `first`: what the first screen's entry (main.tsx) reaches statically, and the embed page
 *   does not; `first-shared`: what both reach (React, the UI strings...);
 * - `live`: what the live app (Live.tsx), the host terminal (TerminalPane.tsx) and a link's world
 *   built ahead (share/link-ahead.ts) reach statically, and neither the first screen nor the
 *   embed page does; `live-shared`: the part of that the embed page reaches too (the store,
 *   the graph, the terminal's model), so an embed does not download the full app's panels.
 *
 * The live groups take no module the first screen can load before the live app has arrived:
 * what main.tsx reaches through the chunks it loads on its own (the saved world's canvas, the
 * starter's snapshot, the Chinese strings, a link's codec...) stays where it was. Neither
 * takes the simulator's modules (their own groups in vite.config.ts) nor the modules the
 * simulator's chunk reaches (ip-address), whose chunk must not wait for the app's.
 */
import { fileURLToPath } from 'node:url';

/** What the chunking pass tells of a module (rolldown's ModuleInfo, the fields read here). */
interface ModuleGraphInfo {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

interface ChunkingContext {
  getModuleInfo(id: string): ModuleGraphInfo | null;
}

const source = (file: string): string => fileURLToPath(new URL(`../../${file}`, import.meta.url));

/** The entry of the first screen, and the one of the embed page. */
const FIRST_SCREEN = source('src/app/main.tsx');
const EMBED = source('src/app/embed/main.tsx');
const SIMULATOR = source('src/sim/shell/simulator.ts');
/**
 * The live app's module. It stays a chunk of its own: it awaits at its top level (a link's world
 * built ahead, by a module of the `live` chunk), and a chunk waits for every await in it before
 * any importer goes on, so in one chunk with them it would wait for itself.
 */
const LIVE = source('src/app/Live.tsx');
/** What main.tsx starts loading at once for the live app. */
const LIVE_ROOTS = [LIVE, ...['src/app/terminal/TerminalPane.tsx', 'src/app/share/link-ahead.ts'].map(source)];

/** Script modules only: styles and virtual modules keep the bundler's own placement. */
const isScript = (id: string): boolean => /\.(?:[cm]?[jt]sx?)$/.test(id) && !id.startsWith('\0');

/** Every module reachable from `roots`, through static imports (and dynamic ones with `dynamic`), not entering `stop`. */
function reach(ctx: ChunkingContext, roots: readonly string[], options: { dynamic?: boolean; stop?: ReadonlySet<string> } = {}): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id) || options.stop?.has(id)) continue;
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    todo.push(...info.importedIds);
    if (options.dynamic) todo.push(...info.dynamicallyImportedIds);
  }
  return seen;
}

interface LiveSets {
  live: Set<string>;
  /** What the first screen's entry reaches statically (but the entry itself and the simulator's modules). */
  firstScreen: Set<string>;
  embed: Set<string>;
}

function liveSets(ctx: ChunkingContext): LiveSets {
  const simulator = reach(ctx, [SIMULATOR]);
  const firstScreen = reach(ctx, [FIRST_SCREEN], { dynamic: true, stop: new Set([...LIVE_ROOTS, SIMULATOR]) });
  const live = new Set(
    [...reach(ctx, LIVE_ROOTS)].filter((id) => isScript(id) && id !== LIVE && !firstScreen.has(id) && !simulator.has(id) && !/[\\/]src[\\/]sim[\\/]/.test(id)),
  );
  const firstScreenStatic = new Set([...reach(ctx, [FIRST_SCREEN])].filter((id) => isScript(id) && id !== FIRST_SCREEN && !simulator.has(id)));
  return { live, firstScreen: firstScreenStatic, embed: reach(ctx, [EMBED]) };
}

/** The codeSplitting group (rolldown's `name` function: null leaves a module to the bundler). */
export function appChunks() {
  let sets: LiveSets | undefined;
  return {
    name(id: string, ctx: ChunkingContext): string | null {
      sets ??= liveSets(ctx);
      if (sets.firstScreen.has(id)) return sets.embed.has(id) ? 'first-shared' : 'first';
      if (!sets.live.has(id)) return null;
      return sets.embed.has(id) ? 'live-shared' : 'live';
    },
    includeDependenciesRecursively: false,
  };
}

