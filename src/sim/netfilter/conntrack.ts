/**
 * Connection tracking: flows keyed by their original and reply tuples, the
 * state a packet gets (NEW, ESTABLISHED, RELATED for ICMP errors about a flow),
 * the NAT bindings set by the first packet, and per-protocol timeouts on the
 * virtual clock. An ICMP echo uses its identifier as both ports.
 */
import type { CtState } from './hook.ts';
import type { IpAddr, L4Proto, Packet } from './packet.ts';

export interface ConntrackTuple {
  /** Addresses of the flow's family (IPv4 numbers or IPv6 bigints). */
  src: IpAddr;
  dst: IpAddr;
  /** TCP/UDP ports; for ICMP echo both are the echo identifier. */
  sport: number;
  dport: number;
}

export type TcpCtState = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'CLOSE_WAIT' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSE';

export interface ConntrackEntry {
  proto: L4Proto;
  original: ConntrackTuple;
  /** What replies look like on the wire: the inverse of the translated original. */
  reply: ConntrackTuple;
  /** ESTABLISHED once a reply was seen, else NEW. */
  state: 'NEW' | 'ESTABLISHED';
  tcpState?: TcpCtState;
  seenReply: boolean;
  assured: boolean;
  /** NAT bindings: the source (SNAT/MASQUERADE) and destination (DNAT/REDIRECT) were rewritten. */
  snat: boolean;
  dnat: boolean;
  /** ICMP type of the original packet (8 for an echo request). */
  icmpType?: number;
  /** Seconds left before the entry expires, as of the last packet the table saw. */
  timeout: number;
  /** Virtual time (ms) at which it expires. */
  expires: number;
}

/** Internal entry: the public fields plus the keys it is indexed under. */
export interface Flow extends ConntrackEntry {
  confirmed: boolean;
  keys: string[];
}

export type Direction = 'original' | 'reply';

const SEC = 1000;
const TCP_TIMEOUTS: Record<TcpCtState, number> = {
  SYN_SENT: 120,
  SYN_RECV: 60,
  ESTABLISHED: 432000,
  FIN_WAIT: 120,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  TIME_WAIT: 120,
  CLOSE: 10,
};

export function tupleKey(proto: L4Proto, src: IpAddr, sport: number, dst: IpAddr, dport: number): string {
  // An IPv6 key spells its family: a bigint and a number of the same value are different flows.
  const family = typeof src === 'bigint' ? '6' : '';
  return `${proto}${family}:${src}:${sport}:${dst}:${dport}`;
}

/** ICMP types that are queries with an identifier (echo, timestamp, info, address mask). */
function isIcmpQuery(type: number | undefined): boolean {
  return type === 8 || type === 0 || type === 13 || type === 14 || type === 15 || type === 16 || type === 17 || type === 18;
}

/** The tuple fields of a packet (ICMP queries use the identifier as ports). */
export function packetPorts(p: Packet): [number, number] {
  if (p.proto === 'icmp') {
    const id = p.icmpId ?? 0;
    return [id, id];
  }
  return [p.sport, p.dport];
}

export function isIcmpError(p: Packet): boolean {
  return p.proto === 'icmp' && p.inner !== undefined && !isIcmpQuery(p.icmpType);
}

export class Conntrack {
  private readonly byKey = new Map<string, Flow>();
  private readonly flows = new Set<Flow>();
  private lastNow = 0;

  /** Finds the flow a packet belongs to and its direction; expired flows are removed first. */
  lookup(p: Packet, now: number): { flow: Flow; dir: Direction } | undefined {
    this.lastNow = now;
    const [sp, dp] = packetPorts(p);
    const flow = this.byKey.get(tupleKey(p.proto, p.src, sp, p.dst, dp));
    if (!flow) return undefined;
    if (flow.expires <= now) {
      this.remove(flow);
      return undefined;
    }
    const r = flow.reply;
    const isReply =
      (p.src === r.src && sp === r.sport && p.dst === r.dst && dp === r.dport) ||
      // After the reply's destination was un-SNATed (between PREROUTING and POSTROUTING).
      (p.src === r.src && sp === r.sport && p.dst === flow.original.src && dp === flow.original.sport) ||
      // After the reply's source was un-DNATed: what loops back over lo in the same namespace.
      (p.src === flow.original.dst && sp === flow.original.dport && p.dst === r.dst && dp === r.dport && flow.dnat);
    return { flow, dir: isReply ? 'reply' : 'original' };
  }

  /** The flow an ICMP error's embedded packet belongs to (for RELATED). */
  lookupRelated(p: Packet, now: number): Flow | undefined {
    if (!p.inner) return undefined;
    return this.lookup(p.inner, now)?.flow;
  }

  create(p: Packet, now: number): Flow {
    const [sp, dp] = packetPorts(p);
    const flow: Flow = {
      proto: p.proto,
      original: { src: p.src, dst: p.dst, sport: sp, dport: dp },
      reply: { src: p.dst, dst: p.src, sport: dp, dport: sp },
      state: 'NEW',
      seenReply: false,
      assured: false,
      snat: false,
      dnat: false,
      icmpType: p.proto === 'icmp' ? p.icmpType : undefined,
      timeout: 0,
      expires: now,
      confirmed: false,
      keys: [],
    };
    if (p.proto === 'tcp') flow.tcpState = 'SYN_SENT';
    this.flows.add(flow);
    this.reindex(flow);
    this.touch(flow, p, 'original', now);
    return flow;
  }

  remove(flow: Flow): void {
    for (const k of flow.keys) if (this.byKey.get(k) === flow) this.byKey.delete(k);
    this.flows.delete(flow);
  }

  /** Indexes a flow under every tuple its packets carry at some hook (before/after each NAT step). */
  reindex(flow: Flow): void {
    for (const k of flow.keys) if (this.byKey.get(k) === flow) this.byKey.delete(k);
    const o = flow.original;
    const r = flow.reply;
    const keys = new Set([
      tupleKey(flow.proto, o.src, o.sport, o.dst, o.dport),
      // original after DNAT: source unchanged, destination = reply source
      tupleKey(flow.proto, o.src, o.sport, r.src, r.sport),
      tupleKey(flow.proto, r.src, r.sport, r.dst, r.dport),
      // reply after un-SNAT: destination back to the original source
      tupleKey(flow.proto, r.src, r.sport, o.src, o.sport),
      // original after SNAT (and DNAT): as it left the box, what an ICMP error quotes
      tupleKey(flow.proto, r.dst, r.dport, r.src, r.sport),
    ]);
    // The reply after un-DNAT, as POSTROUTING leaves it: over lo it comes back to PREROUTING
    // here, where the kernel's skb still carries its entry (DOCKER_OUTPUT's DNAT to 127.0.0.11).
    if (flow.dnat) keys.add(tupleKey(flow.proto, o.dst, o.dport, r.dst, r.dport));
    flow.keys = [...keys];
    for (const k of flow.keys) this.byKey.set(k, flow);
  }

  /** Is a reply tuple already used by another flow (NAT must pick another port)? */
  replyTaken(flow: Flow, src: IpAddr, sport: number, dst: IpAddr, dport: number): boolean {
    const other = this.byKey.get(tupleKey(flow.proto, src, sport, dst, dport));
    return other !== undefined && other !== flow;
  }

  /** Updates state and timeout for a packet seen in a direction. */
  touch(flow: Flow, p: Packet, dir: Direction, now: number): void {
    if (dir === 'reply' && !flow.seenReply) {
      flow.seenReply = true;
      flow.state = 'ESTABLISHED';
    } else if (dir === 'original' && flow.seenReply && flow.proto !== 'icmp') flow.assured = true;
    let timeout: number;
    if (flow.proto === 'tcp') {
      flow.tcpState = nextTcpState(flow.tcpState ?? 'SYN_SENT', p, dir);
      if (flow.tcpState === 'ESTABLISHED') flow.assured = true;
      timeout = TCP_TIMEOUTS[flow.tcpState];
    } else if (flow.proto === 'udp') timeout = flow.seenReply ? 120 : 30;
    else timeout = 30;
    flow.timeout = timeout;
    flow.expires = now + timeout * SEC;
    this.lastNow = now;
  }

  entries(): ConntrackEntry[] {
    const out: ConntrackEntry[] = [];
    for (const f of this.flows) {
      if (!f.confirmed || f.expires <= this.lastNow) continue;
      out.push({
        proto: f.proto,
        original: { ...f.original },
        reply: { ...f.reply },
        state: f.state,
        tcpState: f.tcpState,
        seenReply: f.seenReply,
        assured: f.assured,
        snat: f.snat,
        dnat: f.dnat,
        icmpType: f.icmpType,
        timeout: Math.max(0, Math.ceil((f.expires - this.lastNow) / SEC)),
        expires: f.expires,
      });
    }
    return out;
  }

  flush(): void {
    this.byKey.clear();
    this.flows.clear();
  }
}

function nextTcpState(state: TcpCtState, p: Packet, dir: Direction): TcpCtState {
  const f = p.tcpFlags ?? [];
  const has = (x: string): boolean => f.includes(x as never);
  if (has('RST')) return 'CLOSE';
  if (has('SYN') && has('ACK') && dir === 'reply' && (state === 'SYN_SENT' || state === 'SYN_RECV')) return 'SYN_RECV';
  if (has('SYN') && !has('ACK')) return state === 'SYN_SENT' || state === 'CLOSE' || state === 'TIME_WAIT' ? 'SYN_SENT' : state;
  if (has('FIN')) {
    if (state === 'ESTABLISHED' || state === 'SYN_RECV') return dir === 'original' ? 'FIN_WAIT' : 'CLOSE_WAIT';
    if (state === 'FIN_WAIT' || state === 'CLOSE_WAIT') return 'LAST_ACK';
    return state;
  }
  if (has('ACK')) {
    if (state === 'SYN_RECV' && dir === 'original') return 'ESTABLISHED';
    if (state === 'LAST_ACK') return 'TIME_WAIT';
  }
  return state;
}

export type { CtState };
