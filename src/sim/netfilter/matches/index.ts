/** The match extensions the model knows, by `-m` name. */
import { addrtypeMatch } from './addrtype.ts';
import { commentMatch } from './comment.ts';
import { conntrackMatch, stateMatch } from './conntrack.ts';
import { icmp6Match, icmpMatch } from './icmp.ts';
import { markMatch } from './mark.ts';
import { multiportMatch } from './multiport.ts';
import { physdevMatch } from './physdev.ts';
import { tcpMatch, udpMatch } from './tcpudp.ts';
import type { MatchModule } from './types.ts';

const MODULES: readonly MatchModule[] = [
  tcpMatch,
  udpMatch,
  icmpMatch,
  icmp6Match,
  conntrackMatch,
  stateMatch,
  addrtypeMatch,
  physdevMatch,
  commentMatch,
  multiportMatch,
  markMatch,
];

export function findMatch(name: string, family: 4 | 6): MatchModule | undefined {
  return MODULES.find((m) => m.name === name && m.families.includes(family));
}

/** The match `-p PROTO` loads on demand for an option it does not know (tcp, udp, icmp, icmp6). */
export function protocolMatch(proto: number, family: 4 | 6): MatchModule | undefined {
  if (proto === 6) return tcpMatch;
  if (proto === 17) return udpMatch;
  if (proto === 1 && family === 4) return icmpMatch;
  if (proto === 58 && family === 6) return icmp6Match;
  return undefined;
}

export type { Match, MatchBuilder, MatchInput, MatchModule, RuleContext } from './types.ts';
