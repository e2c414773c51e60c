/**
 * The topology as data: what the canvas draws, derived from the simulator
 * (never edited by hand). Node and edge ids are stable across changes so that
 * positions the user gave them survive: `c:<container>` (a container, or the
 * network namespace it owns with every container that joined it), `bridge:<name>`,
 * `host`, `host:stack`, `host:eth0`, `lan`, `gw`, `internet`.
 */

export type NodeKind = 'host' | 'stack' | 'iface' | 'bridge' | 'netns' | 'container' | 'machine' | 'internet' | 'group';

export interface IfaceInfo {
  name: string;
  /** `eth0@if7`: the name with the peer's ifindex, as `ip link` prints it. */
  display: string;
  /** `172.18.0.2/16`, one per address. */
  addresses: string[];
  mac: string;
  up: boolean;
  /** Network the interface belongs to (Docker endpoints). */
  network?: string;
}

export interface ContainerInfo {
  name: string;
  image: string;
  state: string;
  /** `bridge`, `host`, `none`, `container:<name>`. */
  mode: string;
}

export interface PortInfo {
  /** `0.0.0.0:8080->80/tcp` for published ports; `tcp 0.0.0.0:80 httpd` for listeners. */
  text: string;
  kind: 'published' | 'listening';
}

export interface HostNodeData {
  kind: 'host';
  label: string;
}
export interface StackNodeData {
  kind: 'stack';
  netns: string;
  ipForward: boolean;
  /** `ip route` lines, short. */
  routes: string[];
}
export interface IfaceNodeData {
  kind: 'iface';
  netns: string;
  iface: IfaceInfo;
}
export interface BridgeNodeData {
  kind: 'bridge';
  netns: string;
  name: string;
  /** Docker network on this bridge, when there is one. */
  network?: string;
  subnet?: string;
  gateway?: string;
  /** The bridge's own addresses (`172.18.0.1/16`). */
  addresses: string[];
  internal: boolean;
  icc: boolean;
  isDefault: boolean;
  ports: number;
  /** The canvas shows its containers as one group node (view state: canvas/collapse.ts, never deriveGraph). */
  collapsed?: boolean;
}
export interface NetnsNodeData {
  kind: 'netns';
  netns: string;
  /** The owner first, then containers that joined with `--network container:`. */
  containers: ContainerInfo[];
  interfaces: IfaceInfo[];
  ports: PortInfo[];
  /** No interface besides lo (`--network none`). */
  isolated: boolean;
}
export interface ContainerNodeData {
  kind: 'container';
  container: ContainerInfo;
  ports: PortInfo[];
  /** Host-network containers live in the host's namespace. */
  netns?: string;
}
export interface MachineNodeData {
  kind: 'machine';
  netns: string;
  name: string;
  role: 'lan' | 'router';
  interfaces: IfaceInfo[];
}
export interface InternetNodeData {
  kind: 'internet';
  netns: string;
  address: string;
  services: string[];
}

/** A collapsed network's containers drawn as one node (canvas/collapse.ts; never made by deriveGraph). */
export interface GroupNodeData {
  kind: 'group';
  /** The bridge node whose containers it stands for. */
  bridge: string;
  /** The network's name (the bridge's name when it has no network). */
  network: string;
  /** Containers hidden in it, joined (`container:`) ones included. */
  containers: number;
  /** How many of them are in each state, most first (`running` 9, `paused` 1). */
  states: [string, number][];
  /** The veth pairs from the bridge into them, drawn as one edge. */
  links: number;
}

export type TopoNodeData =
  | HostNodeData
  | StackNodeData
  | IfaceNodeData
  | BridgeNodeData
  | NetnsNodeData
  | ContainerNodeData
  | MachineNodeData
  | InternetNodeData
  | GroupNodeData;

export interface TopoNode {
  id: string;
  data: TopoNodeData;
  /** `host` for what lives on the Docker host (drawn inside its frame). */
  parent?: 'host';
}

export type EdgeKind = 'veth' | 'l3' | 'shared-netns' | 'route';

export interface TopoEdge {
  id: string;
  kind: EdgeKind;
  /** Upper end (towards the internet) and lower end (towards containers). */
  source: string;
  target: string;
  /** Handle on the target: `if:<name>` on a container's interface. */
  targetHandle?: string;
  /** veth: both ends' names, source side first. */
  label?: string;
  ends?: { source: { netns: string; iface: string }; target: { netns: string; iface: string } };
}

export interface TopologyGraph {
  nodes: TopoNode[];
  edges: TopoEdge[];
  /** Namespace -> the node that stands for it (the host namespace -> `host:stack`). */
  netnsNode: Record<string, string>;
  /** `netns|iface` of either end of a veth -> its edge. */
  vethEdge: Record<string, string>;
  /** `netns|iface` -> the node drawing that interface (bridge ports -> their bridge). */
  ifaceNode: Record<string, string>;
}
