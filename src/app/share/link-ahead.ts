/**
 * A link's world built ahead (main.tsx starts this as the page loads): the link is read, the
 * programs its lines need are fetched, and its lines are replayed into a world the live app
 * takes when it opens the link (state/replay-ahead.ts). All of it happens while the live app's
 * own chunks are still downloading; before, it began only once they had all arrived and the
 * starter world had replayed. Opening the link (useLinkOpener.ts) stays the one place that
 * decides what the link does: it reads the same promise (openLink), and a world it does not
 * take is dropped.
 */
import { openingLines } from '../gallery/opening.ts';
import { scenarioForDoc } from '../gallery/registry.ts';
import { partsForLine } from '../../sim/shell/lazy/needs.ts';
import { loadParts } from '../../sim/shell/lazy/parts.ts';
import { replayAhead } from '../state/replay-ahead.ts';
import { openLink } from './link-open.ts';

/** A link's world on its way: `fetching` once the link is read and its programs are downloading, `built` once its world is kept. */
export interface LinkWorldAhead {
  fetching: Promise<void>;
  built: Promise<void>;
}

let building: { hash: string; ahead: LinkWorldAhead } | undefined;

/**
 * Reads the link, loads its programs and replays its world, once per fragment (the live app
 * awaits the same build before it opens the link, so it never replays the world twice). A bad
 * link or a failed fetch is left for opening the link to report.
 */
export function buildLinkWorldAhead(hash: string): LinkWorldAhead {
  if (building?.hash !== hash) building = { hash, ahead: build(hash) };
  return building.ahead;
}

function build(hash: string): LinkWorldAhead {
  let fetching!: () => void;
  const started = new Promise<void>((resolve) => (fetching = resolve));
  const built = (async () => {
    const link = await openLink(hash);
    if (link.kind !== 'open') return;
    const lines = openingLines(link.doc, link.step);
    const parts = loadParts(new Set(lines.flatMap(partsForLine)));
    fetching();
    await parts;
    replayAhead(
      lines,
      scenarioForDoc(link.doc).seed,
      lines.map(() => 0),
    );
  })()
    .catch(() => undefined)
    .finally(fetching);
  return { fetching: started, built };
}
