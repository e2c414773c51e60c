/**
 * The contract between the kernel model (src/sim/net) and netfilter: the network
 * stack calls `runHook` at each of the five IPv4 hooks, netfilter runs the tables
 * registered there in the kernel's priority order (raw, conntrack, mangle, nat,
 * filter, then conntrack confirm) and answers with a verdict, the packet as it
 * leaves the hook (NAT applied) and every step it took, for the Trace.
 */
import type { AddrType, IpAddr, Packet, PacketPlace } from './packet.ts';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export type TableName = 'raw' | 'mangle' | 'nat' | 'filter' | 'security';

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

/** `--reject-with` values of iptables 1.8.9 for IPv4, and of ip6tables for IPv6. */
export type RejectWith =
  | 'icmp-net-unreachable'
  | 'icmp-host-unreachable'
  | 'icmp-port-unreachable'
  | 'icmp-proto-unreachable'
  | 'icmp-net-prohibited'
  | 'icmp-host-prohibited'
  | 'icmp-admin-prohibited'
  | 'icmp6-no-route'
  | 'icmp6-adm-prohibited'
  | 'icmp6-not-neighbor'
  | 'icmp6-addr-unreachable'
  | 'icmp6-port-unreachable'
  | 'icmp6-policy-fail'
  | 'icmp6-reject-route'
  | 'tcp-reset';

/** What the namespace tells netfilter about itself while a hook runs. */
export interface HookContext {
  /** Kernel address type of an address in this namespace (for `-m addrtype`). */
  addrType(ip: IpAddr): AddrType;
  /** Source address MASQUERADE picks: the primary address of `outIface` for `dst`. */
  masqueradeSource(outIface: string, dst: IpAddr): IpAddr | undefined;
  /** Virtual time in milliseconds (conntrack timeouts); never a wall clock. */
  now: number;
}

/** A rule as the Trace names it: its chain, its 1-based number and its iptables-save text. */
export interface RuleRef {
  table: TableName;
  chain: string;
  /** 1-based position in the chain; 0 means the chain's policy. */
  num: number;
  /** `-A CHAIN ...` exactly as iptables-save prints it, or `:CHAIN POLICY` for a policy. */
  text: string;
}

export type StepAction =
  | 'conntrack' // conntrack looked the packet up (state in `ctState`, NAT of an existing flow applied)
  | 'enter' // entered a chain (built-in chain at hook start, or by jump/goto)
  | 'jump'
  | 'goto'
  | 'return' // -j RETURN, or falling off the end of a user chain
  | 'accept'
  | 'drop'
  | 'reject'
  | 'dnat'
  | 'snat'
  | 'masquerade'
  | 'redirect'
  | 'log'
  | 'policy'; // fell off a built-in chain: its policy decided

/** One thing netfilter did; the Trace shows these in order. */
export interface NetfilterStep {
  action: StepAction;
  table: TableName;
  chain: string;
  /** The rule that matched (undefined for `enter`, `conntrack` and the implicit end-of-chain return). */
  rule?: RuleRef;
  /** Set on `conntrack` steps: the state the packet got. */
  ctState?: CtState;
  /** Headers before and after a rewrite (NAT rules, and conntrack applying an existing mapping). */
  before?: Packet;
  after?: Packet;
  /** Set on `policy` steps. */
  policy?: 'ACCEPT' | 'DROP';
  /** Set on `log` steps: the --log-prefix. */
  logPrefix?: string;
}

export interface HookResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** The packet as it leaves the hook (NAT and conntrack reversal applied). */
  packet: Packet;
  steps: NetfilterStep[];
  /** For DROP/REJECT: the rule or policy that decided. For ACCEPT: the last deciding rule, if any. */
  decidedBy?: RuleRef;
  /** For REJECT: what the rejecting rule sends back. */
  rejectWith?: RejectWith;
  ctState: CtState;
}

/** One call of the kernel model into netfilter (what `Netfilter.runHook` receives). */
export interface HookCall {
  hook: Hook;
  packet: Packet;
  place: PacketPlace;
}
