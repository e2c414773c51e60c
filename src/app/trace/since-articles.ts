/**
 * Where a packet's fate differs from what the seed articles (Docker 0.10 to
 * 17.x) taught: the rule that decided it, mapped to the gallery scenario whose
 * "today vs the article" text explains the change. A ping typed freely that
 * dies in raw PREROUTING gets the same explanation the gallery gives.
 */
import type { Trace } from '../../sim/net/trace.ts';

interface Change {
  /** The gallery scenario whose `today` text explains it. */
  scenario: string;
  matches(rule: { table: string; chain: string; text: string }): boolean;
}

const CHANGES: readonly Change[] = [
  // Docker 28: a packet for another network's container address dies before routing.
  { scenario: 'isolation-connect', matches: (r) => r.table === 'raw' && r.chain === 'PREROUTING' && /^-A PREROUTING -d \S+ ! -i \S+ -j DROP$/.test(r.text) },
  // The articles' one DOCKER-ISOLATION chain is two stages today.
  { scenario: 'isolation-connect', matches: (r) => r.table === 'filter' && r.chain === 'DOCKER-ISOLATION-STAGE-2' },
  // icc=false is a rule of DOCKER-FORWARD today, not of FORWARD.
  { scenario: 'icc-off', matches: (r) => r.table === 'filter' && r.chain === 'DOCKER-FORWARD' && /^-A DOCKER-FORWARD -i (\S+) -o \1 -j DROP$/.test(r.text) },
];

/** The gallery scenario that explains what changed for this trace's deciding rule, if any. */
export function sinceArticles(trace: Trace): string | undefined {
  const o = trace.outcome;
  if (o.kind !== 'dropped' && o.kind !== 'rejected') return undefined;
  return CHANGES.find((c) => c.matches(o.by))?.scenario;
}
