/** Small builders for traversal tests: packets, a namespace context, rules by command line. */
import { formatAddr } from '../../src/sim/netfilter/addr.ts';
import type { AddrType, HookContext, Packet, TcpFlag } from '../../src/sim/netfilter/index.ts';
import { Netfilter } from '../../src/sim/netfilter/netfilter.ts';
import { parseIPv4 } from '../../src/sim/netfilter/inet.ts';
import { shellWords } from './replay.ts';

export const ip = (text: string): number => {
  const v = parseIPv4(text);
  if (v === undefined) throw new Error(`bad address ${text}`);
  return v;
};
/** An address of a packet as text (either family). */
export const fmt = formatAddr;

export function tcp(src: string, sport: number, dst: string, dport: number, flags: TcpFlag[] = ['SYN']): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'tcp', sport, dport, tcpFlags: flags, length: 60 };
}

export function udp(src: string, sport: number, dst: string, dport: number): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'udp', sport, dport, length: 40 };
}

export function ping(src: string, dst: string, id = 7, reply = false): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'icmp', sport: 0, dport: 0, icmpType: reply ? 0 : 8, icmpCode: 0, icmpId: id, length: 84 };
}

/** A namespace with these local addresses (first one per interface answers MASQUERADE). */
export function context(local: Record<string, string>, now = 0): HookContext {
  const addrs = new Map(Object.entries(local).map(([iface, a]) => [iface, ip(a)]));
  const localSet = new Set(addrs.values());
  return {
    now,
    addrType: (a: number): AddrType => (localSet.has(a) || a >>> 24 === 127 ? 'LOCAL' : 'UNICAST'),
    masqueradeSource: (iface: string) => addrs.get(iface),
  };
}

/** Runs iptables command lines; fails the test on any error output. */
export function rules(nf: Netfilter, ...lines: string[]): void {
  for (const line of lines) {
    const r = nf.iptables(shellWords(line).slice(1), 4);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
}
