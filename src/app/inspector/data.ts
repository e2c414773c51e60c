/**
 * What the inspector shows for a node or a veth, read through the simulator's
 * own commands without running anything a user would: `docker inspect` and
 * `docker inspect --type network` (their JSON, parsed), and iproute2's `ip`
 * (`ip -d link show DEV` on the host, `ip -br addr` and `ip route` in a
 * namespace) called as functions on the kernel's read-only views. Nothing is
 * recorded and the world is left as it was (no clock, no counter moves).
 * Pure; no DOM.
 */
import type { Container, Network } from '../../sim/docker/model.ts';
import type { Engine } from '../../sim/docker/engine.ts';
import { inspectCommand } from '../../sim/shell/docker/inspect-cmd.ts';
import { ipCommand } from '../../sim/shell/net-tools/ip.ts';
import type { KernelApi } from '../../sim/net/api.ts';
import type { FileSystem } from '../../sim/shell/fs.ts';
import type { TopologyGraph } from '../graph/types.ts';
import { addressesOf, containerNodeId } from '../graph/derive.ts';

/** What the inspector reads of a Simulator (a Simulator fits it). */
export interface InspectWorld {
  kernel: KernelApi;
  engine: Engine;
  machineFs(machine: 'host'): FileSystem;
}

export interface NetworkRow {
  network: string;
  ip: string;
  prefixLen: number;
  mac: string;
  gateway: string;
  /** The container's interface on it, and the veth edge behind it. */
  ifname?: string;
  veth?: string;
}

export interface IfaceRow {
  name: string;
  addresses: string[];
  mac: string;
  up: boolean;
  veth?: string;
}

export interface ContainerInspection {
  kind: 'container';
  node: string;
  name: string;
  id: string;
  image: string;
  state: string;
  exitCode: number;
  command: string;
  networkMode: string;
  /** Containers sharing this namespace (`--network container:`), besides this one. */
  joined: string[];
  networks: NetworkRow[];
  /** `0.0.0.0:8080->80/tcp`, `80/tcp` (exposed, not published). */
  ports: string[];
  interfaces: IfaceRow[];
  netns?: string;
  ipAddr?: string;
  ipRoute?: string;
  json: string;
}

export interface NetworkInspection {
  kind: 'network';
  node: string;
  bridge: string;
  network?: string;
  id?: string;
  driver?: string;
  subnet?: string;
  gateway?: string;
  internal: boolean;
  icc: boolean;
  isDefault: boolean;
  containers: { name: string; ip: string; mac: string }[];
  ipLink: string;
  json?: string;
}

export interface VethEnd {
  netns: string;
  iface: string;
  ifindex?: number;
  mac?: string;
  addresses: string[];
  /** The node drawing this end: a container, a bridge (its port) or the host. */
  node?: string;
  master?: string;
}

export interface VethInspection {
  kind: 'veth';
  edge: string;
  /** The end on the Docker host (a bridge port) first. */
  ends: [VethEnd, VethEnd];
  ipLink: string;
}

export interface NetnsInspection {
  kind: 'netns';
  node: string;
  netns: string;
  ipAddr: string;
  ipRoute: string;
}

export type Inspection = ContainerInspection | NetworkInspection | VethInspection | NetnsInspection;

/** Runs iproute2's `ip` as a function on a namespace: read-only listings only. */
export function ipText(world: InspectWorld, netns: string, argv: string[]): string {
  const out = ipCommand()(argv, { kernel: world.kernel, netns, stdin: '', env: {}, userland: 'debian', fs: world.machineFs('host') });
  return out.stdout + out.stderr;
}

function inspectJson(world: InspectWorld, argv: string[]): { json: string; value: Record<string, unknown> | undefined } {
  const out = inspectCommand(world.engine, argv);
  if (out.exitCode !== 0) return { json: out.stdout + out.stderr, value: undefined };
  const list = JSON.parse(out.stdout) as Record<string, unknown>[];
  return { json: out.stdout, value: list[0] };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function vethEdgeOf(graph: TopologyGraph, netns: string, iface: string): string | undefined {
  return graph.vethEdge[`${netns}|${iface}`];
}

function portsOf(json: Json): string[] {
  const out: string[] = [];
  const ports = obj(obj(json.NetworkSettings).Ports);
  for (const [port, bindings] of Object.entries(ports)) {
    if (!Array.isArray(bindings) || bindings.length === 0) {
      out.push(port);
      continue;
    }
    for (const b of bindings) out.push(`${str(obj(b).HostIp) || '0.0.0.0'}:${str(obj(b).HostPort)}->${port}`);
  }
  return out;
}

function inspectContainer(world: InspectWorld, graph: TopologyGraph, c: Container): ContainerInspection {
  const { json, value } = inspectJson(world, ['--type', 'container', c.id]);
  const v = value ?? {};
  const cmd = [str(v.Path), ...(Array.isArray(v.Args) ? v.Args.map(str) : [])].filter((w) => w !== '');
  const networks: NetworkRow[] = [];
  for (const [name, raw] of Object.entries(obj(obj(v.NetworkSettings).Networks))) {
    const e = obj(raw);
    const row: NetworkRow = { network: name, ip: str(e.IPAddress), prefixLen: Number(e.IPPrefixLen) || 0, mac: str(e.MacAddress), gateway: str(e.Gateway) };
    const net = world.engine.findNetwork(name);
    const ep = net ? c.endpoints.get(net.id) : undefined;
    if (ep) {
      row.ifname = ep.ifname;
      const veth = c.netns ? vethEdgeOf(graph, c.netns, ep.ifname) : undefined;
      if (veth) row.veth = veth;
    }
    networks.push(row);
  }
  const view = c.netns ? world.kernel.netns(c.netns) : undefined;
  const interfaces: IfaceRow[] = view
    ? view
        .links()
        .filter((l) => l.kind !== 'loopback')
        .map((l) => {
          const row: IfaceRow = {
            name: l.peer ? `${l.name}@if${l.peer.ifindex}` : l.name,
            addresses: addressesOf(view, l.name),
            mac: l.mac,
            up: l.up,
          };
          const veth = vethEdgeOf(graph, view.name, l.name);
          if (veth) row.veth = veth;
          return row;
        })
    : [];
  const joined = c.netns && c.netns !== 'host' ? [...world.engine.containers.values()].filter((o) => o !== c && o.netns === c.netns).map((o) => o.name) : [];
  const out: ContainerInspection = {
    kind: 'container',
    node: containerNodeId(c.name),
    name: c.name,
    id: c.id,
    image: str(obj(v.Config).Image) || c.image,
    state: c.state,
    exitCode: c.exitCode,
    command: cmd.join(' '),
    networkMode: str(obj(v.HostConfig).NetworkMode),
    joined,
    networks,
    ports: portsOf(v),
    interfaces,
    json,
  };
  if (view) {
    out.netns = view.name;
    out.ipAddr = ipText(world, view.name, ['-br', 'addr']);
    out.ipRoute = ipText(world, view.name, ['route']);
  }
  return out;
}

function inspectBridge(world: InspectWorld, bridge: string, node: string): NetworkInspection | undefined {
  const host = world.kernel.netns('host');
  if (!host?.link(bridge)) return undefined;
  const net: Network | undefined = [...world.engine.networks.values()].find((n) => n.bridge === bridge);
  const out: NetworkInspection = {
    kind: 'network',
    node,
    bridge,
    internal: net?.internal ?? false,
    icc: net?.icc ?? true,
    isDefault: net?.isDefault ?? false,
    containers: [],
    ipLink: ipText(world, 'host', ['-d', 'link', 'show', bridge]),
  };
  if (!net) return out;
  const { json, value } = inspectJson(world, ['--type', 'network', net.id]);
  const v = value ?? {};
  out.network = net.name;
  out.id = net.id;
  out.driver = str(v.Driver);
  const cfg = obj((obj(v.IPAM).Config as unknown[] | null)?.[0]);
  if (str(cfg.Subnet)) out.subnet = str(cfg.Subnet);
  if (str(cfg.Gateway)) out.gateway = str(cfg.Gateway);
  out.json = json;
  out.containers = Object.values(obj(v.Containers))
    .map((raw) => {
      const e = obj(raw);
      return { name: str(e.Name), ip: str(e.IPv4Address), mac: str(e.MacAddress) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

function vethEnd(world: InspectWorld, graph: TopologyGraph, netns: string, iface: string): VethEnd {
  const view = world.kernel.netns(netns);
  const link = view?.link(iface);
  const end: VethEnd = {
    netns,
    iface,
    addresses: view ? addressesOf(view, iface) : [],
  };
  if (link) {
    end.ifindex = link.ifindex;
    end.mac = link.mac;
    if (link.master) end.master = link.master;
  }
  const node = graph.ifaceNode[`${netns}|${iface}`];
  if (node) end.node = node;
  return end;
}

function inspectVeth(world: InspectWorld, graph: TopologyGraph, edgeId: string): VethInspection | undefined {
  const edge = graph.edges.find((e) => e.id === edgeId && e.kind === 'veth');
  if (!edge?.ends) return undefined;
  const a = vethEnd(world, graph, edge.ends.source.netns, edge.ends.source.iface);
  const b = vethEnd(world, graph, edge.ends.target.netns, edge.ends.target.iface);
  const [hostEnd, other] = b.netns === 'host' && a.netns !== 'host' ? [b, a] : [a, b];
  return { kind: 'veth', edge: edgeId, ends: [hostEnd, other], ipLink: ipText(world, hostEnd.netns, ['-d', 'link', 'show', hostEnd.iface]) };
}

/** The inspection of a node id or a veth edge id, or undefined when it is gone. */
export function inspect(world: InspectWorld, graph: TopologyGraph, id: string): Inspection | undefined {
  if (id.startsWith('veth:')) return inspectVeth(world, graph, id);
  if (id.startsWith('bridge:')) return inspectBridge(world, id.slice('bridge:'.length), id);
  if (id.startsWith('c:')) {
    const c = [...world.engine.containers.values()].find((x) => x.name === id.slice(2));
    return c ? inspectContainer(world, graph, c) : undefined;
  }
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || !('netns' in node.data) || typeof node.data.netns !== 'string') return undefined;
  const netns = node.data.netns;
  return { kind: 'netns', node: id, netns, ipAddr: ipText(world, netns, ['-br', 'addr']), ipRoute: ipText(world, netns, ['route']) };
}
