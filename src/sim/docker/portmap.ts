/**
 * A container's ports as the daemon reports them (`.NetworkSettings.Ports`, the
 * PORTS of `docker ps`, `docker port`): what its endpoints actually carry. An
 * endpoint on a non-internal bridge network exposes the image's ports; the one
 * that publishes (see Engine.attach) adds the host ports it bound, IPv4 ones
 * before IPv6 ones for each container port. Internal networks, host, none and
 * container: modes, and stopped containers report nothing.
 */
import type { Engine } from './engine.ts';
import type { BoundPort, Container } from './model.ts';

export interface HostBinding {
  hostIp: string;
  hostPort: number;
}

/** `80/tcp` -> its bindings, or null for a port exposed but not published; in the daemon's order. */
export type PortMap = Map<string, HostBinding[] | null>;

export function containerPortMap(engine: Engine, c: Container): PortMap {
  const out: PortMap = new Map();
  if (c.state !== 'running' && c.state !== 'paused') return out;
  const endpoints = [...c.endpoints.values()].filter((ep) => !engine.networks.get(ep.networkId)?.internal);
  if (endpoints.length === 0) return out;
  for (const e of c.exposed) out.set(e, null);
  const bound = boundPorts(c);
  const add = (b: BoundPort) => out.set(`${b.containerPort}/${b.proto}`, [...(out.get(`${b.containerPort}/${b.proto}`) ?? []), { hostIp: b.hostIp, hostPort: b.hostPort }]);
  for (const b of bound) if (!b.hostIp.includes(':')) add(b);
  for (const b of bound) if (b.hostIp.includes(':')) add(b);
  return out;
}

/** The host ports a running container holds (on its publishing endpoint), in the order they were bound. */
export function boundPorts(c: Container): BoundPort[] {
  return [...c.endpoints.values()].find((ep) => ep.publishesPorts)?.bound ?? [];
}

/** nat.PortBinding.HostPort: a string, empty for a routed binding that maps no host port (golden 62). */
export function hostPortText(b: HostBinding): string {
  return b.hostPort === 0 ? '' : String(b.hostPort);
}

/** One entry of the daemon's container list (`types.Port`): a binding, or an exposed port alone. */
export interface PortSummary {
  ip: string;
  privatePort: number;
  publicPort: number;
  type: string;
}

export function portSummaries(map: PortMap): PortSummary[] {
  const out: PortSummary[] = [];
  for (const [key, bindings] of map) {
    const [port = '0', type = 'tcp'] = key.split('/');
    if (!bindings || bindings.length === 0) out.push({ ip: '', privatePort: Number(port), publicPort: 0, type });
    else for (const b of bindings) out.push({ ip: b.hostIp, privatePort: Number(port), publicPort: b.hostPort, type });
  }
  return out;
}
