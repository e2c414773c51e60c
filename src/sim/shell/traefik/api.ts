/**
 * traefik's API on the `traefik` entry point with `api.insecure` (v3.5.3 pkg/api
 * handler.go, handler_http.go): `/api/rawdata` (the runtime configuration: routers,
 * middlewares, services by qualified name), `/api/http/routers` and
 * `/api/http/services` (lists sorted by name, each with its name and provider, the
 * `X-Next-Page` header of the one page). The JSON is encoding/json's: fields in the
 * structs' order, maps by key, `&`, `<`, `>` escaped.
 */
import { goError, type GoRequest, type GoResponse } from '../go-http.ts';
import type { StaticConfig } from './config.ts';
import type { DynamicConfig, Router, Service } from './dynamic.ts';

type Json = string | number | bigint | boolean | null | Json[] | { [key: string]: Json | undefined };

/** encoding/json's Encoder: bigint for int64 priorities, keys in the order given (struct fields) or sorted (maps). */
function encode(value: Json): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  return `{${Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encode(k)}:${encode(v!)}`)
    .join(',')}}`;
}

const sortedMap = (entries: [string, Json][]): Json => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** runtime.RouterInfo: the dynamic.Router, its errors, status and the entry points it uses. */
function routerInfo(r: Router, errors: Map<string, string>, cfg: StaticConfig): { [key: string]: Json | undefined } {
  const error = errors.get(r.name);
  const using = r.entryPoints.filter((e) => cfg.entryPoints.some((ep) => ep.name === e));
  const priority = typeof r.priority === 'bigint' || r.priority !== 0 || error !== undefined ? r.priority : r.rule.length;
  return {
    entryPoints: r.entryPoints,
    middlewares: r.middlewares.length > 0 ? r.middlewares : undefined,
    service: r.service,
    rule: r.rule,
    ruleSyntax: r.ruleSyntax,
    priority: priority === 0 ? undefined : priority,
    observability: { accessLogs: true, metrics: true, tracing: true, traceVerbosity: 'minimal' },
    error: error === undefined ? undefined : [error],
    status: error === undefined ? 'enabled' : 'disabled',
    using: error === undefined ? using : undefined,
  };
}

/** runtime.ServiceInfo with its server statuses (every server UP: no health check runs). */
function serviceInfo(s: Service, dynamic: DynamicConfig): { [key: string]: Json | undefined } {
  const usedBy = dynamic.routers.filter((r) => (r.service.includes('@') ? r.service : `${r.service}@${r.provider}`) === s.name).map((r) => r.name);
  if (s.internal) return { status: 'enabled', usedBy: usedBy.length > 0 ? usedBy : undefined };
  return {
    loadBalancer: { servers: s.servers.map((url) => ({ url })), strategy: 'wrr', passHostHeader: s.passHostHeader, responseForwarding: { flushInterval: '100ms' } },
    status: 'enabled',
    usedBy: usedBy.length > 0 ? usedBy : undefined,
    serverStatus: s.servers.length > 0 ? sortedMap(s.servers.map((url) => [url, 'UP'])) : undefined,
  };
}

/** The internal middlewares the dashboard's router uses. */
function middlewares(cfg: StaticConfig): [string, Json][] {
  if (!cfg.api?.insecure || !cfg.api.dashboard) return [];
  return [
    ['dashboard_redirect@internal', { redirectRegex: { regex: '^(http:\\/\\/(\\[[\\w:.]+\\]|[\\w\\._-]+)(:\\d+)?)\\/$', replacement: '${1}/dashboard/', permanent: true }, status: 'enabled', usedBy: ['dashboard@internal'] }],
    ['dashboard_stripprefix@internal', { stripPrefix: { prefixes: ['/dashboard/', '/dashboard'] }, status: 'enabled', usedBy: ['dashboard@internal'] }],
  ];
}

const json = (body: Json, extra: [string, string][] = []): GoResponse => ({ status: 200, headers: [['Content-Type', 'application/json'], ...extra], body: `${encode(body)}\n` });

export function apiAnswer(req: GoRequest, dynamic: DynamicConfig, errors: Map<string, string>, cfg: StaticConfig): GoResponse {
  const providerOf = (name: string) => name.slice(name.indexOf('@') + 1);
  switch (req.path) {
    case '/api/rawdata':
      return json({
        routers: sortedMap(dynamic.routers.map((r) => [r.name, routerInfo(r, errors, cfg)])),
        middlewares: middlewares(cfg).length > 0 ? sortedMap(middlewares(cfg)) : undefined,
        services: sortedMap(dynamic.services.map((s) => [s.name, serviceInfo(s, dynamic)])),
      });
    case '/api/http/routers':
      return json(dynamic.routers.map((r) => ({ ...routerInfo(r, errors, cfg), name: r.name, provider: providerOf(r.name) })), [['X-Next-Page', '1']]);
    case '/api/http/services':
      return json(dynamic.services.map((s) => ({ ...serviceInfo(s, dynamic), name: s.name, provider: providerOf(s.name), type: s.internal ? undefined : 'loadbalancer' })), [['X-Next-Page', '1']]);
    case '/api/http/middlewares':
      return json(middlewares(cfg).map(([name, m]) => ({ ...(m as Record<string, Json>), name, provider: 'internal', type: name.includes('redirect') ? 'redirectregex' : 'stripprefix' })), [['X-Next-Page', '1']]);
    default:
      return goError('404 page not found', 404);
  }
}
