/** The world on screen as the share links read it (the Share dialog's, and an embed's "Open in vethlab"). */
import { useMemo } from 'react';
import { useGallery } from '../gallery/context.ts';
import { activeScenario } from '../gallery/model.ts';
import { graphOf } from '../graph/cache.ts';
import { useApp } from '../state/context.ts';
import type { ShareWorld } from './share-doc.ts';

export function useShareWorld(): ShareWorld {
  const commands = useApp((s) => s.commands);
  const seed = useApp((s) => s.seed);
  const positions = useApp((s) => s.positions);
  const collapsed = useApp((s) => s.collapsed);
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const activeId = useGallery((s) => s.activeId);
  return useMemo(
    () => ({ commands, seed, positions, collapsed, graph: graphOf(sim, rev), scenario: activeScenario(commands, activeId) }),
    [commands, seed, positions, collapsed, sim, rev, activeId],
  );
}
