/**
 * `-p` / `--publish` specs as the docker client reads them:
 * `[ip:][hostPort[-hostPortEnd]:]containerPort[-end][/proto]`. A host range for
 * one container port binds its first free port (golden 60: 8000-8010:80 takes 8001
 * when 8000 is in use); a range to a range of the same length maps port by port,
 * and `.HostConfig.PortBindings` keeps each host port alone (golden 60).
 */
import type { PortBinding } from '../../docker/model.ts';
import { parseIPv6 } from '../../netfilter/addr.ts';
import { parseIPv4 } from '../../netfilter/inet.ts';

export class PortSpecError extends Error {}

/** go-connections nat.ParsePortSpec, checked by the client before it asks the daemon anything. */
export function parsePortSpec(spec: string): PortBinding[] {
  const parts = spec.split(':');
  const last = parts[parts.length - 1]!;
  const rawIp = parts.length === 1 ? '' : parts.length === 2 ? '' : parts.slice(0, parts.length - 2).join(':');
  const hostPart = parts.length === 1 ? '' : parts[parts.length - 2]!;
  const [containerPart, protoText] = splitProtoPort(last);
  const ip = rawIp.startsWith('[') ? unbracket(rawIp) : rawIp;
  // net.ParseIP: either family; an unbracketed `::1` works too (every colon but the last two is the address's).
  if (ip !== '' && parseIPv4(ip) === undefined && parseIPv6(ip) === undefined) throw new PortSpecError(`invalid IP address: ${ip}`);
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
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new PortSpecError(`invalid proto: ${protoText}`);
  const bindings: PortBinding[] = [];
  const oneToOne = host !== undefined && container.end > container.start;
  for (let i = 0; i <= container.end - container.start; i++) {
    const binding: PortBinding = { proto, containerPort: container.start + i, hostIp: ip === '' ? '0.0.0.0' : ip, hostPort: 0, requested: { hostIp: ip, hostPort: hostPart } };
    if (host && oneToOne) {
      binding.hostPort = host.start + i;
      binding.requested = { hostIp: ip, hostPort: String(host.start + i) };
    } else if (host) {
      binding.hostPort = host.start;
      if (host.end > host.start) binding.hostPortEnd = host.end;
    }
    bindings.push(binding);
  }
  return bindings;
}

/** `[ADDR]` without its brackets, through net.SplitHostPort(ip + ":") as ParsePortSpec does, with its errors. */
function unbracket(ip: string): string {
  const hostport = `${ip}:`;
  const fail = (why: string) => new PortSpecError(`invalid IP address ${ip}: address ${hostport}: ${why}`);
  const end = hostport.indexOf(']');
  if (end < 0) throw fail("missing ']' in address");
  if (end + 1 !== hostport.lastIndexOf(':')) throw fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
  if (hostport.indexOf('[', 1) >= 0) throw fail("unexpected '[' in address");
  if (hostport.indexOf(']', end + 1) >= 0) throw fail("unexpected ']' in address");
  return hostport.slice(1, end);
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

/**
 * `--expose PORT[-END][/PROTO]` as the client expands it (cli/command/container/opts.go):
 * one exposed port per number of the range. Texts the client's parser words
 * differently across go-connections releases are refused with a vethlab line.
 */
export function parseExpose(spec: string): string[] {
  if (spec.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${spec}`);
  const [portPart, protoText] = splitProtoPort(spec);
  const range = parseRange(portPart);
  if (!range) throw new PortSpecError(`vethlab: --expose ${spec}: not a port or port range (PORT[-END][/PROTO])`);
  const out: string[] = [];
  for (let p = range.start; p <= range.end; p++) out.push(`${p}/${protoText.toLowerCase()}`);
  return out;
}
