/** The starter world's snapshot as scripts/starter-snapshot.ts writes it and the test checks it. */
import { placeNodes } from '../../src/app/canvas/layout.ts';
import { deriveGraph } from '../../src/app/graph/derive.ts';
import { snapshotOf } from '../../src/app/graph/snapshot.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../src/scenario/starter.ts';

export function starterSnapshot() {
  const graph = deriveGraph(replay(STARTER_SCENARIO.commands).sim);
  // A first visit: nothing saved and nothing measured yet, as the live canvas places it.
  // The wide layout, and the upright phone's (bridges stacked) for a first visit on a phone.
  return { ...snapshotOf(graph), positions: placeNodes(graph, {}, {}).positions, narrowPositions: placeNodes(graph, {}, {}, { narrow: true, aspect: 390 / 470 }).positions };
}
