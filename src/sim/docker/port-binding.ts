/**
 * How the bridge driver turns a container's `-p` bindings into host ports
 * (libnetwork/drivers/bridge/port_mapping_linux.go, Docker 28.5): sorted (exact
 * ports before ranges, then by container port, protocol tcp < udp < sctp, host
 * port and address), each binding made into an IPv4 request and, for an
 * unspecified address with the default 0.0.0.0, an IPv6 one on `::` (docker-proxy
 * relays it to the IPv4-only container); bindings that differ only in address get
 * one port together. A range or an ephemeral request is tried up to ten times
 * when binding fails. On a network whose IPv4 gateway mode is routed, the IPv4
 * binding maps nothing: it only opens the container port (host port 0).
 */
import type { BoundPort, PortBinding, PortProto } from './model.ts';
import type { PortAllocator } from './portalloc.ts';

/** bridge_linux.go maxAllocatePortAttempts. */
const MAX_ATTEMPTS = 10;

/** What the network adds to a binding: its default host address and whether IPv4 NAT is off. */
export interface BindingContext {
  /** `com.docker.network.bridge.host_binding_ipv4` (0.0.0.0 by default). */
  defaultHostIp: string;
  /** Gateway mode `routed`: no NAT, no proxy, the container port opened for direct routing. */
  routed: boolean;
}

/** Binding failed: the driver's message, without the "driver failed programming" prefix the engine adds. */
export class PortBindError extends Error {}

interface Request {
  proto: PortProto;
  containerPort: number;
  hostIp: string;
  start: number;
  end: number;
  noNat: boolean;
}

const PROTO_ORDER: Record<PortProto, number> = { tcp: 0, udp: 1, sctp: 2 };

/** The address as the user gave it: empty when none was (the network's default applies). */
function givenHostIp(p: PortBinding): string {
  return p.requested ? p.requested.hostIp : p.hostIp === '0.0.0.0' ? '' : p.hostIp;
}

function hostEnd(p: PortBinding): number {
  return p.hostPortEnd ?? p.hostPort;
}

/** netip.Addr.Compare over the addresses the simulator uses: none first, IPv4 before IPv6, then numerically. */
function compareAddr(a: string, b: string): number {
  const rank = (x: string) => (x === '' ? 0 : x.includes(':') ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const parts = (x: string) => x.split('.').map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** cmpPortBinding. */
function compareBindings(a: PortBinding, b: PortBinding): number {
  const isRange = (p: PortBinding) => p.hostPort === 0 || p.hostPort !== hostEnd(p);
  if (isRange(a) !== isRange(b)) return isRange(a) ? 1 : -1;
  return (
    a.containerPort - b.containerPort ||
    PROTO_ORDER[a.proto] - PROTO_ORDER[b.proto] ||
    a.hostPort - b.hostPort ||
    hostEnd(a) - hostEnd(b) ||
    compareAddr(givenHostIp(a), givenHostIp(b))
  );
}

/** configurePortBindingIPv4 and configurePortBindingIPv6 for a container with no IPv6 address. */
function requestsFor(p: PortBinding, ctx: BindingContext): Request[] {
  const given = givenHostIp(p);
  const base = { proto: p.proto, containerPort: p.containerPort, start: p.hostPort, end: hostEnd(p) };
  const out: Request[] = [];
  const v6Given = given.includes(':');
  if (!v6Given && (given !== '' || !ctx.defaultHostIp.includes(':'))) {
    out.push({ ...base, hostIp: ctx.routed ? '0.0.0.0' : given === '' ? ctx.defaultHostIp : given, noNat: ctx.routed });
  }
  if (v6Given) out.push({ ...base, hostIp: given, noNat: false });
  else if (given === '' && ctx.defaultHostIp === '0.0.0.0') out.push({ ...base, hostIp: '::', noNat: false });
  return out;
}

/**
 * The bound ports for `ports`, or a PortBindError with everything it allocated
 * released. `canBind` says whether the host can open a socket for the protocol
 * (the rig's kernel has no SCTP: its text is docker-proxy's error).
 */
export function bindPorts(ports: readonly PortBinding[], ctx: BindingContext, allocator: PortAllocator, canBind: (proto: PortProto) => boolean): BoundPort[] {
  const sorted = [...ports].sort(compareBindings);
  const bound: BoundPort[] = [];
  let group: Request[] = [];
  try {
    sorted.forEach((p, i) => {
      group.push(...requestsFor(p, ctx));
      const next = sorted[i + 1];
      if (next && next.containerPort === p.containerPort && next.proto === p.proto && next.hostPort === p.hostPort && hostEnd(next) === hostEnd(p)) return;
      bound.push(...bindGroup(group, allocator, canBind));
      group = [];
    });
  } catch (e) {
    releasePorts(bound, allocator);
    throw e;
  }
  return bound;
}

export function releasePorts(bound: readonly BoundPort[], allocator: PortAllocator): void {
  for (const b of bound) if (b.proxied) allocator.release(b.hostIp, b.proto, b.hostPort);
}

/** bindHostPorts: one port for the whole group, retried for ranges. */
function bindGroup(group: Request[], allocator: PortAllocator, canBind: (proto: PortProto) => boolean): BoundPort[] {
  const first = group[0];
  if (!first) return [];
  const exact = first.start !== 0 && first.start === first.end;
  let failure = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const natted = group.filter((r) => !r.noNat);
    let port = 0;
    if (natted.length > 0) {
      const got = allocator.request(natted.map((r) => r.hostIp), first.proto, first.start, first.end);
      if (!got.ok) throw new PortBindError(got.message);
      port = got.port;
    }
    const unbindable = natted.find(() => !canBind(first.proto));
    if (!unbindable) {
      return group.map((r) => ({ proto: r.proto as 'tcp' | 'udp', containerPort: r.containerPort, hostIp: r.hostIp, hostPort: r.noNat ? 0 : port, proxied: !r.noNat }));
    }
    for (const r of natted) allocator.release(r.hostIp, r.proto, port);
    const where = unbindable.hostIp.includes(':') ? `[${unbindable.hostIp}]:${port}` : `${unbindable.hostIp}:${port}`;
    failure = `error starting userland proxy: failed to listen on ${where}: protocol not supported`;
    if (exact) break;
  }
  throw new PortBindError(failure);
}
