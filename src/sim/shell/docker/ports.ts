/**
 * `-p` / `--publish` specs as the docker client reads them:
 * `[ip:][hostPort[-hostPortEnd]:]containerPort[-end][/proto]`. A host range for
 * one container port binds its first free port (golden 21: 8000-8001:80 uses 8000).
 */
import type { PortBinding } from '../../docker/model.ts';
import { parseIPv4 } from '../../netfilter/inet.ts';

export class PortSpecError extends Error {}

export function parsePortSpec(spec: string): PortBinding[] {
  let rest = spec;
  let proto: 'tcp' | 'udp' = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const p = rest.slice(slash + 1);
    if (p !== 'tcp' && p !== 'udp') throw new PortSpecError(`invalid proto: ${p}`);
    proto = p;
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(':');
  let hostIp = '0.0.0.0';
  let hostPart = '';
  let containerPart: string;
  if (parts.length === 1) {
    containerPart = parts[0]!;
  } else if (parts.length === 2) {
    [hostPart, containerPart] = parts as [string, string];
  } else if (parts.length === 3) {
    const ip = parts[0]!;
    if (parseIPv4(ip) === undefined) throw new PortSpecError(`invalid IP address: ${ip}`);
    hostIp = ip;
    hostPart = parts[1]!;
    containerPart = parts[2]!;
  } else {
    throw new PortSpecError(`invalid port format for --expose: ${spec}`);
  }
  const container = parseRange(containerPart, spec);
  const host = hostPart === '' ? undefined : parseRange(hostPart, spec);
  const bindings: PortBinding[] = [];
  for (let i = 0; i <= container.end - container.start; i++) {
    let hostPort = 0;
    if (host) hostPort = host.end - host.start === container.end - container.start ? host.start + i : host.start;
    bindings.push({ proto, containerPort: container.start + i, hostIp, hostPort, requested: { hostIp: parts.length === 3 ? hostIp : '', hostPort: hostPart } });
  }
  return bindings;
}

function parseRange(text: string, spec: string): { start: number; end: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new PortSpecError(`invalid containerPort: ${text}`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end > 65535 || end < start) throw new PortSpecError(`invalid range specified for container port: ${spec}`);
  return { start, end };
}
