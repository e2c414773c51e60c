/**
 * libnetwork's port allocator (portallocator/portallocator.go, Docker 28.5): which
 * host ports are taken, per host address and protocol. A request for one port
 * fails if any map that overlaps it (the address's own, 0.0.0.0 or ::, or for an
 * unspecified address every address of its family) holds the port; a request for
 * a range (or for any port: the ephemeral range 32768-60999, the kernel's
 * ip_local_port_range) takes the first free port after the last one that range
 * gave out, wrapping around, so freed ports are not reused at once.
 */
import type { PortProto } from './model.ts';

/** The kernel's net.ipv4.ip_local_port_range, which dockerd reads for ephemeral ports. */
export const EPHEMERAL_PORTS = { start: 32768, end: 60999 } as const;

interface RangeCursor {
  begin: number;
  end: number;
  last: number;
}

interface ProtoMap {
  taken: Set<number>;
  ranges: Map<string, RangeCursor>;
}

export type Allocation = { ok: true; port: number } | { ok: false; message: string };

const isV4 = (addr: string) => !addr.includes(':');
const UNSPECIFIED = ['0.0.0.0', '::'] as const;

export class PortAllocator {
  private readonly byAddr = new Map<string, Map<PortProto, ProtoMap>>();

  private protoMap(addr: string, proto: PortProto): ProtoMap {
    let protos = this.byAddr.get(addr);
    if (!protos) {
      protos = new Map();
      for (const p of ['tcp', 'udp', 'sctp'] as const) protos.set(p, { taken: new Set(), ranges: new Map() });
      this.byAddr.set(addr, protos);
    }
    return protos.get(proto)!;
  }

  /**
   * One port for every address in `addrs` (the same number for all): `start` alone
   * when start === end, else the first free one of the range; 0, 0 for any
   * ephemeral port. The error texts are the allocator's own.
   */
  request(addrs: readonly string[], proto: PortProto, start: number, end: number): Allocation {
    const wanted = new Map<string, { map: ProtoMap; allocate: boolean }>();
    for (const addr of addrs) wanted.set(addr, { map: this.protoMap(addr, proto), allocate: true });
    for (const unspecified of UNSPECIFIED) {
      const family = isV4(unspecified);
      if (wanted.has(unspecified)) {
        for (const [addr] of this.byAddr) if (isV4(addr) === family && !wanted.has(addr)) wanted.set(addr, { map: this.protoMap(addr, proto), allocate: false });
      } else if (addrs.some((a) => isV4(a) === family)) {
        wanted.set(unspecified, { map: this.protoMap(unspecified, proto), allocate: false });
      }
    }
    if (start > 0 && start === end) {
      for (const [addr, w] of wanted) if (w.map.taken.has(start)) return { ok: false, message: `Bind for ${addr}:${start} failed: port is already allocated` };
      for (const w of wanted.values()) if (w.allocate) w.map.taken.add(start);
      return { ok: true, port: start };
    }
    const [begin, last] = start === 0 && end === 0 ? [EPHEMERAL_PORTS.start, EPHEMERAL_PORTS.end] : [start, end];
    const cursors = new Map([...wanted].map(([addr, w]) => [addr, cursorOf(w.map, begin, last)]));
    const first = cursors.get(addrs[0]!)!;
    let port = first.last;
    for (let i = first.begin; i <= first.end; i++) {
      port++;
      if (port > first.end) port = first.begin;
      if ([...wanted.values()].some((w) => w.map.taken.has(port))) continue;
      for (const [addr, w] of wanted) {
        if (!w.allocate) continue;
        w.map.taken.add(port);
        cursors.get(addr)!.last = port;
      }
      return { ok: true, port };
    }
    return { ok: false, message: 'all ports are allocated' };
  }

  release(addr: string, proto: PortProto, port: number): void {
    this.byAddr.get(addr)?.get(proto)?.taken.delete(port);
  }
}

function cursorOf(map: ProtoMap, begin: number, end: number): RangeCursor {
  const key = `${begin}-${end}`;
  let cursor = map.ranges.get(key);
  if (!cursor) {
    cursor = { begin, end, last: end };
    map.ranges.set(key, cursor);
  }
  return cursor;
}
