/**
 * deriveGraph: the simulator's state -> the topology the canvas draws
 * (ARCHITECTURE.md, principle 1). Pure: it reads the kernel's namespaces, links,
 * addresses, routes and sockets and the engine's containers and networks, and
 * returns plain data. No DOM, no React; unit tests call it on a Simulator.
 */
import type { Container, Network } from '../../sim/docker/model.ts';
import { boundPorts } from '../../sim/docker/portmap.ts';
import type { LinkInfo, NetnsView } from '../../sim/net/api.ts';
import { formatCidr, formatIPv4 } from '../../sim/netfilter/inet.ts';
import type {
  ContainerInfo,
  IfaceInfo,
  PortInfo,
  TopoEdge,
  TopologyGraph,
  TopoNode,
} from './types.ts';

/** What deriveGraph reads of a Simulator (a Simulator fits it). */
export interface WorldView {
  kernel: { namespaces(): NetnsView[]; netns(name: string): NetnsView | undefined };
  engine: { containers: ReadonlyMap<string, Container>; networks: ReadonlyMap<string, Network> };
}

const HOST = 'host';
const LAN = 'lan';
const GW = 'gw';
const INTERNET_IP = '203.0.113.10';

/** Top-to-bottom order of the drawing: an edge's source is the end nearer the internet. */
const RANK: Record<string, number> = { internet: 0, gw: 1, lan: 2, 'host:eth0': 2, 'host:stack': 3 };
function rankOf(id: string): number {
  if (id in RANK) return RANK[id]!;
  if (id.startsWith('bridge:')) return 4;
  return 5;
}

export function containerNodeId(name: string): string {
  return `c:${name}`;
}

function modeText(c: Container): string {
  const m = c.networkMode;
  switch (m.kind) {
    case 'bridge':
      return 'bridge';
    case 'host':
      return 'host';
    case 'none':
      return 'none';
    case 'container': {
      return `container:${m.target}`;
    }
  }
}

function containerInfo(c: Container): ContainerInfo {
  return { name: c.name, image: c.image, state: c.state, mode: modeText(c) };
}

function publishedPorts(c: Container): PortInfo[] {
  return boundPorts(c)
    .filter((b) => b.proxied && !b.hostIp.includes(':'))
    .map((b) => ({ kind: 'published', text: `${b.hostIp}:${b.hostPort}->${b.containerPort}/${b.proto}` }));
}

function listeningPorts(view: NetnsView): PortInfo[] {
  // The embedded DNS's own two sockets (dockerd's, on 127.0.0.11, in every container of a
  // user network) are the resolver, not a server the container runs: netstat shows them.
  return view
    .sockets()
    .filter((s) => !(s.process === 'dockerd' && s.address === '127.0.0.11'))
    .map((s) => ({ kind: 'listening', text: `${s.proto} ${s.address}:${s.port} ${s.process}` }));
}

/**
 * A device's addresses as the canvas labels them: IPv4, then global IPv6 (a dual-stack
 * network's `2001:db8:1::2/64`); link-local fe80:: ones every IPv6 device has are left out.
 */
export function addressesOf(view: NetnsView, ifname: string): string[] {
  return [...(addressTable(view).get(ifname) ?? [])];
}

/**
 * Every device's addresses in a namespace, as addressesOf labels them, read in one pass: the
 * host lists every veth's link-local address, and reading them for each of 30 bridges was most
 * of deriving a 300-container world's graph.
 */
function addressTable(view: NetnsView): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (a: { ifname: string; address: string; prefixLen: number }) => {
    const text = `${a.address}/${a.prefixLen}`;
    const list = table.get(a.ifname);
    if (list) list.push(text);
    else table.set(a.ifname, [text]);
  };
  for (const a of view.addresses()) add(a);
  for (const a of view.addresses6()) if (a.scope === 'global') add(a);
  return table;
}

/** The address tables of the namespaces one derivation reads, each read once. */
class AddressBook {
  private readonly tables = new Map<NetnsView, Map<string, string[]>>();
  of(view: NetnsView, ifname: string): string[] {
    let table = this.tables.get(view);
    if (!table) this.tables.set(view, (table = addressTable(view)));
    return [...(table.get(ifname) ?? [])];
  }
}

function ifaceInfo(book: AddressBook, view: NetnsView, link: LinkInfo, network?: string): IfaceInfo {
  const addresses = book.of(view, link.name);
  const info: IfaceInfo = {
    name: link.name,
    display: link.peer ? `${link.name}@if${link.peer.ifindex}` : link.name,
    addresses,
    mac: link.mac,
    up: link.up,
  };
  if (network !== undefined) info.network = network;
  return info;
}

function routeText(r: ReturnType<NetnsView['routes']>[number]): string {
  return [r.dst, r.via && `via ${r.via}`, `dev ${r.dev}`, r.linkdown && 'linkdown'].filter(Boolean).join(' ');
}

/** The owner of a container namespace: `container:<name>` is named after it. */
function ownerName(netns: string): string | undefined {
  return netns.startsWith('container:') ? netns.slice('container:'.length) : undefined;
}

export function deriveGraph(world: WorldView): TopologyGraph {
  const nodes: TopoNode[] = [];
  const edges: TopoEdge[] = [];
  const netnsNode: Record<string, string> = { [HOST]: 'host:stack', [LAN]: LAN, [GW]: GW };
  const vethEdge: Record<string, string> = {};
  const ifaceNode: Record<string, string> = {};
  const containers = [...world.engine.containers.values()];
  const networks = [...world.engine.networks.values()];
  const networkById = new Map(networks.map((n) => [n.id, n]));
  const book = new AddressBook();

  // ---- outside the Docker host: the internet host and the LAN ----------------
  const gw = world.kernel.netns(GW);
  if (gw) {
    const services = gw
      .sockets()
      .filter((s) => s.address === INTERNET_IP)
      .map((s) => `${s.proto}/${s.port} ${s.process}`);
    nodes.push({ id: 'internet', data: { kind: 'internet', netns: GW, address: INTERNET_IP, services } });
    const ifaces = gw.links().filter((l) => l.kind === 'bridge').map((l) => ifaceInfo(book, gw, l));
    nodes.push({ id: GW, data: { kind: 'machine', netns: GW, name: GW, role: 'router', interfaces: ifaces } });
    for (const l of gw.links()) ifaceNode[`${GW}|${l.name}`] = GW;
    edges.push({ id: 'route:gw-internet', kind: 'route', source: 'internet', target: GW });
  }
  const lan = world.kernel.netns(LAN);
  if (lan) {
    const ifaces = lan.links().filter((l) => l.kind !== 'loopback').map((l) => ifaceInfo(book, lan, l));
    nodes.push({ id: LAN, data: { kind: 'machine', netns: LAN, name: LAN, role: 'lan', interfaces: ifaces } });
    for (const l of lan.links()) ifaceNode[`${LAN}|${l.name}`] = LAN;
  }

  // ---- the Docker host: its stack, eth0 and bridges ----------------------------
  const host = world.kernel.netns(HOST);
  if (host) {
    nodes.push({ id: 'host', data: { kind: 'host', label: 'dockerhost' } });
    nodes.push({
      id: 'host:stack',
      parent: 'host',
      data: {
        kind: 'stack',
        netns: HOST,
        ipForward: host.sysctl('net.ipv4.ip_forward') === '1',
        routes: host.routes().map(routeText),
      },
    });
    const links = host.links();
    const eth0 = links.find((l) => l.name === 'eth0');
    if (eth0) {
      nodes.push({ id: 'host:eth0', parent: 'host', data: { kind: 'iface', netns: HOST, iface: ifaceInfo(book, host, eth0) } });
      ifaceNode[`${HOST}|eth0`] = 'host:eth0';
      edges.push({ id: 'l3:host:eth0', kind: 'l3', source: 'host:eth0', target: 'host:stack', label: book.of(host, 'eth0').join(' ') });
    }
    for (const l of links) {
      if (l.kind === 'loopback' || l.name === 'eth0') continue;
      if (l.kind === 'bridge') {
        const id = `bridge:${l.name}`;
        const net = networks.find((n) => n.bridge === l.name);
        const addresses = book.of(host, l.name);
        const data: TopoNode['data'] = {
          kind: 'bridge',
          netns: HOST,
          name: l.name,
          addresses,
          internal: net?.internal ?? false,
          icc: net?.icc ?? true,
          isDefault: net?.isDefault ?? false,
          ports: links.filter((p) => p.master === l.name).length,
        };
        if (net) {
          data.network = net.name;
          if (net.pool) {
            data.subnet = formatCidr(net.pool.subnet);
            data.gateway = formatIPv4(net.pool.gateway);
          }
        }
        nodes.push({ id, parent: 'host', data });
        ifaceNode[`${HOST}|${l.name}`] = id;
        edges.push({ id: `l3:${id}`, kind: 'l3', source: 'host:stack', target: id, label: addresses.join(' ') });
      } else {
        ifaceNode[`${HOST}|${l.name}`] = l.master ? `bridge:${l.master}` : 'host:stack';
      }
    }
  }

  // ---- containers: one box per network namespace --------------------------
  const knownNs = new Set([HOST, LAN, GW]);
  // Each namespace's running containers, in the engine's order (one pass, not one per namespace).
  const running = new Map<string, Container[]>();
  for (const c of containers) {
    if (c.netns === undefined || c.state === 'created' || c.state === 'exited') continue;
    const list = running.get(c.netns);
    if (list) list.push(c);
    else running.set(c.netns, [c]);
  }
  for (const view of world.kernel.namespaces()) {
    if (knownNs.has(view.name)) continue;
    const members = [...(running.get(view.name) ?? [])];
    // The container that made the namespace (not one joined to it), by its name now (it may have been renamed).
    const owner = members.find((c) => c.networkMode.kind !== 'container')?.name ?? ownerName(view.name);
    members.sort((a, b) => (a.name === owner ? -1 : b.name === owner ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ownerContainer = members.find((c) => c.name === owner) ?? members[0];
    const id = owner !== undefined ? containerNodeId(owner) : `ns:${view.name}`;
    netnsNode[view.name] = id;
    const interfaces = view
      .links()
      .filter((l) => l.kind !== 'loopback')
      .map((l) => {
        const ep = ownerContainer && [...ownerContainer.endpoints.values()].find((e) => e.ifname === l.name);
        return ifaceInfo(book, view, l, ep ? networkById.get(ep.networkId)?.name : undefined);
      });
    for (const i of interfaces) ifaceNode[`${view.name}|${i.name}`] = id;
    nodes.push({
      id,
      parent: 'host',
      data: {
        kind: 'netns',
        netns: view.name,
        containers: members.map(containerInfo),
        interfaces,
        ports: [...(ownerContainer ? publishedPorts(ownerContainer) : []), ...listeningPorts(view)],
        isolated: interfaces.length === 0,
      },
    });
  }
  // Containers without a namespace of their own: stopped ones, and host-network ones.
  for (const c of containers) {
    if (c.netns !== undefined && c.netns !== HOST && c.state !== 'created' && c.state !== 'exited') continue;
    const id = containerNodeId(c.name);
    if (nodes.some((n) => n.id === id)) continue;
    const running = c.state === 'running' || c.state === 'paused';
    const data: TopoNode['data'] = { kind: 'container', container: containerInfo(c), ports: running ? publishedPorts(c) : [] };
    if (running && c.netns === HOST) {
      data.netns = HOST;
      edges.push({ id: `shared:${id}`, kind: 'shared-netns', source: 'host:stack', target: id, label: 'host netns' });
    }
    nodes.push({ id, parent: 'host', data });
  }

  // ---- veth pairs ------------------------------------------------------------
  const seen = new Set<string>();
  const nodeById = new Map<string, TopoNode>();
  for (const n of nodes) if (!nodeById.has(n.id)) nodeById.set(n.id, n);
  for (const view of world.kernel.namespaces()) {
    for (const l of view.links()) {
      if (l.kind !== 'veth' || !l.peer || l.peer.netns === view.name) continue;
      const a = { netns: view.name, iface: l.name };
      const b = { netns: l.peer.netns, iface: l.peer.name };
      const ka = `${a.netns}|${a.iface}`;
      const kb = `${b.netns}|${b.iface}`;
      const key = ka < kb ? `${ka}~${kb}` : `${kb}~${ka}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const na = ifaceNode[ka];
      const nb = ifaceNode[kb];
      if (!na || !nb) continue;
      const [up, down, upEnd, downEnd] = rankOf(na) <= rankOf(nb) ? [na, nb, a, b] : [nb, na, b, a];
      const edge: TopoEdge = {
        id: `veth:${upEnd.netns}|${upEnd.iface}`,
        kind: 'veth',
        source: up,
        target: down,
        label: `${upEnd.iface} ⇄ ${downEnd.iface}`,
        ends: { source: upEnd, target: downEnd },
      };
      const downNode = nodeById.get(down);
      if (downNode?.data.kind === 'netns') edge.targetHandle = `if:${downEnd.iface}`;
      edges.push(edge);
      vethEdge[ka] = edge.id;
      vethEdge[kb] = edge.id;
    }
  }

  return { nodes, edges, netnsNode, vethEdge, ifaceNode };
}
