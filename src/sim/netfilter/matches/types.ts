/**
 * What every match extension (`-m NAME` and the implicit protocol matches) offers:
 * option parsing as libxtables does it, the iptables-save text, the `-L` text, and
 * the test against a packet. A parsed match is an immutable object; the hot path
 * calls only `test`.
 */
import type { CtState } from '../hook.ts';
import type { AddrType, IpAddr, Packet, PacketPlace } from '../packet.ts';

/** What a match may look at while a rule is evaluated. */
export interface MatchInput {
  packet: Packet;
  place: PacketPlace;
  ctState: CtState;
  /** Conntrack status bits for `--ctstate SNAT/DNAT`. */
  ctNat: { snat: boolean; dnat: boolean };
  addrType(ip: IpAddr): AddrType;
  mark: number;
}

/** The rule around the match, for checks such as "TCP match requires '-p tcp'". */
export interface RuleContext {
  family: 4 | 6;
  /** Protocol number of `-p` (0 = all). */
  proto: number;
  protoInv: boolean;
}

export interface Match {
  readonly name: string;
  /** Options after ` -m NAME`, each starting with a space (may be empty). */
  save(): string;
  /** The `-L` text, starting with a space. */
  print(numeric: boolean): string;
  test(input: MatchInput): boolean;
}

/** Collects one match's options while the command line is parsed. */
export interface MatchBuilder {
  /** Long option names (without `--`) this match takes, and how many arguments each needs (`--tcp-flags` takes two). */
  readonly options: Readonly<Record<string, number>>;
  /** Handles one option with its arguments; throws IptablesError on a bad value. */
  parse(option: string, args: readonly string[], invert: boolean): void;
  /** Final checks (xtables_option_mfcall) and the parsed match. */
  finish(rule: RuleContext): Match;
}

export interface MatchModule {
  readonly name: string;
  /** Families that have this match (icmp is IPv4 only, icmp6 IPv6 only). */
  readonly families: readonly (4 | 6)[];
  create(family: 4 | 6): MatchBuilder;
}
