/**
 * A container's ports as the daemon reports them (`.NetworkSettings.Ports`, the
 * PORTS of `docker ps`, `docker port`): what its endpoints actually carry. An
 * endpoint on a non-internal bridge network exposes the image's ports; the one
 * that publishes (see Engine.attach) adds the host bindings, each 0.0.0.0 one
 * with its IPv6 twin `::`. Internal networks, host, none and container:
 * modes, and stopped containers report nothing.
 */
import type { Engine } from './engine.ts';
import type { Container } from './model.ts';

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
  if (!endpoints.some((ep) => ep.publishesPorts)) return out;
  const add = (key: string, b: HostBinding) => out.set(key, [...(out.get(key) ?? []), b]);
  for (const p of c.ports) add(`${p.containerPort}/${p.proto}`, { hostIp: p.hostIp, hostPort: p.hostPort });
  for (const p of c.ports) if (p.hostIp === '0.0.0.0') add(`${p.containerPort}/${p.proto}`, { hostIp: '::', hostPort: p.hostPort });
  return out;
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
