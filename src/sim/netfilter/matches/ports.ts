/** Port and port-range arguments shared by tcp, udp and multiport (xtables_parse_port). */
import { paramError } from '../errors.ts';
import { serviceName, servicePort } from '../services.ts';

export type PortProto = 'tcp' | 'udp';

export function parsePort(text: string, proto: PortProto): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n <= 65535) return n;
  } else {
    const p = servicePort(text, proto);
    if (p !== undefined) return p;
  }
  throw paramError(`invalid port/service \`${text}' specified`);
}

/** `N`, `N:M`, `:M`, `N:` as [min, max]. */
export function parsePortRange(text: string, proto: PortProto): [number, number] {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text, proto);
    return [p, p];
  }
  const lo = colon === 0 ? 0 : parsePort(text.slice(0, colon), proto);
  const hi = colon === text.length - 1 ? 65535 : parsePort(text.slice(colon + 1), proto);
  return [lo, hi];
}

/** print_port(): the service name unless numeric or unknown. */
export function portText(port: number, proto: PortProto, numeric: boolean): string {
  return (numeric ? undefined : serviceName(port, proto)) ?? String(port);
}
