/**
 * How busybox's arp, route and netstat turn addresses into names without -n, as the
 * rig's images (busybox-static on glibc) do it: libbb's INET_rresolve and netstat's
 * ip_port_str call getnameinfo (/etc/hosts, then a PTR question from a socket of its
 * own), and arp's HOSTNAME argument goes through gethostbyname (/etc/hosts, then an A
 * question). Every question is a packet the tool sent, kept in `traces` in the order
 * asked (test/fixtures/tcpdump/capnettools.txt).
 */
import type { Trace } from '../../net/trace.ts';

/** The container's resolver as these tools ask it. */
export interface ToolResolver {
  /** getnameinfo of an IPv4 address: /etc/hosts, then a PTR question. */
  name(ip: string): { name?: string; traces: readonly Trace[] };
  /** gethostbyname: /etc/hosts, then an A question. */
  address(host: string): { address?: string; traces: readonly Trace[] };
}

/**
 * A resolver whose questions are collected in `traces`. `cached`: each address is asked
 * once, as libbb's INET_rresolve remembers its answers (INET_nn; arp and route); netstat's
 * getnameinfo asks again for every socket.
 */
export function askingResolver(resolver: ToolResolver, traces: Trace[], cached = true) {
  const named = new Map<string, string | undefined>();
  return {
    name(ip: string): string | undefined {
      if (cached && named.has(ip)) return named.get(ip);
      const answer = resolver.name(ip);
      traces.push(...answer.traces);
      named.set(ip, answer.name);
      return answer.name;
    },
    address(host: string): string | undefined {
      const answer = resolver.address(host);
      traces.push(...answer.traces);
      return answer.address;
    },
  };
}

export type AskingResolver = ReturnType<typeof askingResolver>;

export const isDottedQuad = (text: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && text.split('.').every((n) => Number(n) <= 255);

