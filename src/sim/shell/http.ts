/**
 * HTTP over the packet walk, for wget and curl: a TCP connect probe, then what
 * the process that accepted it serves. httpd in a container serves "It works!";
 * the "internet" host on gw serves its page and /cgi-bin/whoami (the client
 * address it saw, so masquerading is visible); docker-proxy accepts on the host
 * and opens its own connection to the container, a second probe in the Trace list.
 */
import type { Engine } from '../docker/engine.ts';
import { GW_NS, HOST_NS, INTERNET_IP } from '../docker/world.ts';
import { formatIPv4, parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import { observedResult } from '../net/trace.ts';

export const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';
export const INTERNET_PAGE = `<html><body><h1>Hello from ${INTERNET_IP} (the internet)</h1></body></html>\n`;

export type HttpResult =
  | { kind: 'ok'; body: string; traces: Trace[] }
  | { kind: 'not-found'; traces: Trace[] }
  | { kind: 'refused' | 'timeout' | 'unreachable' | 'no-route' | 'not-http'; traces: Trace[] };

export interface Url {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(text: string): Url | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(text);
  if (!m) return undefined;
  return { host: m[1]!, port: m[2] === undefined ? 80 : Number(m[2]), path: m[3] ?? '/' };
}

/** GET `path` from ip:port, starting in namespace `from`. */
export function httpGet(engine: Engine, from: string, ip: string, port: number, path: string, depth = 0): HttpResult {
  const trace = engine.kernel.probe({ kind: 'tcp-connect', from, dst: ip, port });
  const traces = [trace];
  const seen = observedResult(trace);
  if (seen !== 'reply') return { kind: seen, traces };
  const o = trace.outcome;
  if (o.kind !== 'delivered') return { kind: 'timeout', traces };
  const arrived = [...trace.hops].reverse().find((h) => h.leg === 'request' && h.kind === 'deliver')?.packet;
  const client = arrived ? formatIPv4(arrived.src) : '';
  switch (o.process) {
    case 'httpd':
      if (o.netns === GW_NS) {
        if (path === '/cgi-bin/whoami') return { kind: 'ok', body: `you are ${client}\n`, traces };
        return path === '/' || path === '/index.html' ? { kind: 'ok', body: INTERNET_PAGE, traces } : { kind: 'not-found', traces };
      }
      return path === '/' || path === '/index.html' ? { kind: 'ok', body: IT_WORKS, traces } : { kind: 'not-found', traces };
    case 'docker-proxy': {
      const backend = arrived && proxyBackend(engine, arrived.dport);
      if (!backend || depth > 2) return { kind: 'refused', traces };
      const inner = httpGet(engine, HOST_NS, backend.ip, backend.port, path, depth + 1);
      return { ...inner, traces: [...traces, ...inner.traces] };
    }
    default:
      return { kind: 'not-http', traces };
  }
}

/** The container address and port a docker-proxy on `hostPort` forwards to. */
function proxyBackend(engine: Engine, hostPort: number): { ip: string; port: number } | undefined {
  for (const c of engine.containers.values()) {
    const ep = [...c.endpoints.values()].find((e) => e.publishesPorts);
    const binding = c.ports.find((p) => p.hostPort === hostPort && p.proto === 'tcp');
    if (ep && binding) return { ip: formatIPv4(ep.ip), port: binding.containerPort };
  }
  return undefined;
}

export function isIp(text: string): boolean {
  return parseIPv4(text) !== undefined;
}
