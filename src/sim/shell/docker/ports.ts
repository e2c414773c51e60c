/**
 * `-p` / `--publish` specs as the docker client reads them:
 * `[ip:][hostPort[-hostPortEnd]:]containerPort[-end][/proto]`. A host range for
 * one container port binds its first free port (golden 21: 8000-8001:80 uses 8000).
 */
import type { PortBinding } from '../../docker/model.ts';
import { parseIPv4 } from '../../netfilter/inet.ts';

export class PortSpecError extends Error {}

/** go-connections nat.ParsePortSpec, checked by the client before it asks the daemon anything. */
export function parsePortSpec(spec: string): PortBinding[] {
  const parts = spec.split(':');
  const last = parts[parts.length - 1]!;
  const ip = parts.length === 1 ? '' : parts.length === 2 ? '' : parts.slice(0, parts.length - 2).join(':');
  const hostPart = parts.length === 1 ? '' : parts[parts.length - 2]!;
  const [containerPart, protoText] = splitProtoPort(last);
  if (ip !== '' && parseIPv4(ip) === undefined) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPart === '') throw new PortSpecError(`no port specified: ${spec}<empty>`);
  const container = parseRange(containerPart);
  if (!container) throw new PortSpecError(`invalid containerPort: ${containerPart}`);
  let host: { start: number; end: number } | undefined;
  if (hostPart !== '') {
    host = parseRange(hostPart);
    if (!host) throw new PortSpecError(`invalid hostPort: ${hostPart}`);
    if (host.end - host.start !== container.end - container.start && container.end !== container.start) {
      throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`);
    }
  }
  const proto = protoText.toLowerCase();
  // sctp, which Docker accepts too, is not simulated.
  if (proto !== 'tcp' && proto !== 'udp') throw new PortSpecError(`invalid proto: ${protoText}`);
  const bindings: PortBinding[] = [];
  for (let i = 0; i <= container.end - container.start; i++) {
    let hostPort = 0;
    if (host) hostPort = host.end - host.start === container.end - container.start ? host.start + i : host.start;
    bindings.push({ proto, containerPort: container.start + i, hostIp: ip === '' ? '0.0.0.0' : ip, hostPort, requested: { hostIp: ip, hostPort: hostPart } });
  }
  return bindings;
}

/** nat.SplitProtoPort: `80/udp` -> 80, udp; no protocol means tcp. */
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1 || parts[1] === '') return [parts[0]!, 'tcp'];
  return [parts[0]!, parts[1]!];
}

/** nat.ParsePortRange: `N` or `N-M` with 16-bit unsigned numbers, M >= N. */
function parseRange(text: string): { start: number; end: number } | undefined {
  const uint16 = (t: string) => (/^\d+$/.test(t) && Number(t) <= 65535 ? Number(t) : undefined);
  if (!text.includes('-')) {
    const n = uint16(text);
    return n === undefined ? undefined : { start: n, end: n };
  }
  const [a = '', b = ''] = text.split('-');
  const start = uint16(a);
  const end = uint16(b);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}
