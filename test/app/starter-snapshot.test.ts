/**
 * The committed starter snapshot (src/app/graph/starter-snapshot.ts) is what
 * the starter world derives and lays out today; regenerate it with
 * `npx tsx scripts/starter-snapshot.ts` when this fails.
 */
import { describe, expect, it } from 'vitest';
import { STARTER_SNAPSHOT } from '../../src/app/graph/starter-snapshot.ts';
import { readGraphSnapshot } from '../../src/app/graph/snapshot.ts';
import { parseSession, serializeSession, DEFAULT_VIEW } from '../../src/app/state/persist.ts';
import { starterSnapshot } from './starter-snapshot.ts';

describe('the starter snapshot', () => {
  it('equals deriveGraph(replay(STARTER)) and its first layout', () => {
    expect(JSON.parse(JSON.stringify(starterSnapshot()))).toEqual(STARTER_SNAPSHOT);
  });

  it('reads back from a saved session; a broken one is dropped alone', () => {
    const graph = readGraphSnapshot(JSON.parse(JSON.stringify(STARTER_SNAPSHOT)));
    expect(graph?.nodes.map((n) => n.id)).toEqual(STARTER_SNAPSHOT.nodes.map((n) => n.id));
    const base = { seed: 1, commands: ['docker ps'], positions: {}, view: DEFAULT_VIEW };
    const ok = parseSession(serializeSession({ ...base, graph: { nodes: STARTER_SNAPSHOT.nodes, edges: STARTER_SNAPSHOT.edges } }));
    expect(ok.kind === 'loaded' && ok.session.graph?.edges.length).toBe(STARTER_SNAPSHOT.edges.length);
    const bad = parseSession(JSON.stringify({ version: 1, ...base, graph: { nodes: [{ id: 1 }], edges: [] } }));
    expect(bad.kind === 'loaded' && [bad.session.graph, bad.dropped]).toEqual([undefined, ['graph']]);
  });
});
