/**
 * src/sim/netfilter: tables, chains, rules, matches, targets, counters, conntrack
 * and NAT, and the iptables 1.8.9 (nf_tables) command grammar, iptables-save and
 * iptables-restore. It knows packets and interface names, not the topology.
 */
export * from './packet.ts';
export * from './hook.ts';
export { Netfilter, type CommandResult } from './netfilter.ts';
export type { ConntrackEntry, ConntrackTuple, TcpCtState } from './conntrack.ts';
