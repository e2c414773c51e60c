/**
 * `docker network inspect` objects, with Go's field order (the JSON the CLI
 * prints, and the data `-f` templates read). Times are RFC 3339 with
 * nanoseconds, from the virtual clock.
 */
import { formatCidr, formatIPv4 } from '../netfilter/inet.ts';
import type { Engine } from './engine.ts';
import type { Network } from './model.ts';

/** Go's time.Time in JSON: 2026-11-23T22:06:18.161749122Z. */
export function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function networkObject(engine: Engine, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const c of engine.containers.values()) {
    const ep = c.endpoints.get(n.id);
    if (!ep) continue;
    containers[c.id] = {
      Name: c.name,
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: `${formatIPv4(ep.ip)}/${n.pool!.subnet.prefixLen}`,
      IPv6Address: '',
    };
  }
  // Containers in host and none mode are listed on those networks without addresses.
  if (n.driver !== 'bridge') {
    const mode = n.driver === 'host' ? 'host' : 'none';
    for (const c of engine.containers.values()) {
      if (c.networkMode.kind !== mode || (c.state !== 'running' && c.state !== 'paused')) continue;
      containers[c.id] = { Name: c.name, EndpointID: c.id, MacAddress: '', IPv4Address: '', IPv6Address: '' };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: goTime(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.isDefault || n.driver !== 'bridge' ? null : {}, Config: ipamConfig(n) },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: n.options,
    Labels: {},
  };
}

/** IPAM.Config: what was asked for; a pool Docker picked shows its subnet and gateway. */
function ipamConfig(n: Network): Record<string, string>[] | null {
  if (!n.pool) return null;
  const cfg = n.config;
  if (cfg.subnet === undefined) return [{ Subnet: formatCidr(n.pool.subnet), Gateway: formatIPv4(n.pool.gateway) }];
  const out: Record<string, string> = { Subnet: cfg.subnet };
  if (cfg.ipRange !== undefined) out.IPRange = cfg.ipRange;
  if (cfg.gateway !== undefined) out.Gateway = cfg.gateway;
  return [out];
}

/** Go's json.MarshalIndent with four spaces, as the CLI prints inspect output. */
export function goJsonIndent(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}
