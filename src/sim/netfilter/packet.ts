/**
 * The packet as netfilter sees it: IPv4 addresses as unsigned 32-bit numbers,
 * IPv6 addresses as 128-bit bigints (the type of an address is the packet's
 * family), the L4 header fields that matches read, and where the packet is in the stack.
 * Netfilter knows interface names, never the topology behind them.
 */

/** ICMP of either family: ICMPv4 in an IPv4 packet, ICMPv6 (protocol 58) in an IPv6 one. */
export type L4Proto = 'tcp' | 'udp' | 'icmp';

/** IANA protocol numbers, as iptables prints them in `-L -n` on the nft backend. */
export const PROTO_NUMBER: Record<L4Proto, number> = { icmp: 1, tcp: 6, udp: 17 };

/** The protocol number a rule's `-p` compares with: ICMP in an IPv6 packet is ipv6-icmp (58). */
export function protoNumber(p: Packet): number {
  return p.proto === 'icmp' && isIPv6(p) ? 58 : PROTO_NUMBER[p.proto];
}

/** An IPv4 address as an unsigned 32-bit number, or an IPv6 address as a 128-bit bigint. */
export type IpAddr = number | bigint;

export function isIPv6(p: Packet): boolean {
  return typeof p.dst === 'bigint';
}

export type TcpFlag = 'SYN' | 'ACK' | 'RST' | 'FIN' | 'PSH' | 'URG';

export interface Packet {
  /** Source IPv4 address as an unsigned 32-bit integer. */
  src: number | bigint;
  /** Destination IPv4 address as an unsigned 32-bit integer. */
  dst: number | bigint;
  proto: L4Proto;
  /** TCP/UDP ports; 0 for ICMP. */
  sport: number;
  dport: number;
  /** ICMP type and code (ICMPv6's numbers in an IPv6 packet); undefined for TCP/UDP. */
  icmpType?: number;
  icmpCode?: number;
  /** ICMP echo identifier (plays the role of a port for conntrack of pings). */
  icmpId?: number;
  /** TCP flags of this segment; undefined for UDP/ICMP. */
  tcpFlags?: readonly TcpFlag[];
  /** For ICMP errors: the offending packet's headers (makes the error RELATED). */
  inner?: Packet;
  /**
   * An ICMP error or reset this namespace's own stack generated about another packet
   * (REJECT, failed ARP, no route). The kernel attaches the cause's conntrack entry to
   * it (nf_ct_attach), so it is RELATED here even when that entry was never confirmed.
   * The walk clears it when the packet leaves the namespace.
   */
  localError?: boolean;
  /** Total IP length in bytes, used by rule counters (84 for a default ping, 104 over IPv6). */
  length: number;
  /** IPv4 time to live or IPv6 hop limit; undefined means the default 64. Routers decrement it. */
  ttl?: number;
}

/** Where the packet is when a hook runs: the names `-i`, `-o` and `--physdev-*` test. */
export interface PacketPlace {
  /** Input interface (the bridge itself for bridged frames, as br_netfilter reports it). */
  inIface?: string;
  outIface?: string;
  /** Bridge ports, set only while a bridge is handling the frame (br_netfilter). */
  physIn?: string;
  physOut?: string;
  /** True when the packet is being bridged (for `--physdev-is-bridged`). */
  bridged?: boolean;
}

/** Answers of the namespace for `-m addrtype` (RTN_* types of the kernel's local table). */
export type AddrType =
  | 'UNSPEC'
  | 'UNICAST'
  | 'LOCAL'
  | 'BROADCAST'
  | 'ANYCAST'
  | 'MULTICAST'
  | 'BLACKHOLE'
  | 'UNREACHABLE'
  | 'PROHIBIT'
  | 'THROW'
  | 'NAT'
  | 'XRESOLVE';
