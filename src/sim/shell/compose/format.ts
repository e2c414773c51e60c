/**
 * What Compose prints: the `ps` table (NAME IMAGE COMMAND SERVICE CREATED
 * STATUS PORTS) and its `--format` rows, `logs` lines behind their `NAME  | `
 * prefix, `ls`, logrus warnings as a client without a terminal writes them, and
 * the canonical model `config` prints.
 */
import { processArgv, type Engine } from '../../docker/engine.ts';
import type { Container } from '../../docker/model.ts';
import { containerPortMap, portSummaries } from '../../docker/portmap.ts';
import { commandColumn, displayablePorts, formatList, humanDuration, statusText, table } from '../docker/format.ts';
import type { CommandOutput } from '../types.ts';
import { ok } from '../types.ts';
import type { Mount, PortConfig, Project, Service } from './model.ts';
import { LABEL, shortName } from './plan.ts';
import { toGoYaml } from './yaml.ts';

/** logrus's text formatter without a terminal: `time="..." level=warning msg="..."`. */
export function warningLine(now: number, msg: string): string {
  const time = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `time="${time}" level=warning msg=${goQuote(msg)}\n`;
}

/** Go's strconv.Quote for the text Compose warns with. */
export function goQuote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

const PS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Name: 'NAME',
  Names: 'NAMES',
  Project: 'PROJECT',
  Service: 'SERVICE',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
};

function psRow(engine: Engine, c: Container, trunc: boolean): Record<string, unknown> {
  const now = engine.kernel.now;
  const networks = [...c.endpoints.values()].map((e) => engine.networks.get(e.networkId)?.name ?? '');
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Name: c.name,
    Names: c.name,
    Project: c.labels?.[LABEL.project] ?? '',
    Service: c.labels?.[LABEL.service] ?? '',
    Image: c.image,
    Command: commandColumn(processArgv(c), !trunc),
    CreatedAt: new Date(c.created).toISOString(),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Ports: displayablePorts(portSummaries(containerPortMap(engine, c))),
    State: c.state,
    Status: statusText(c, now),
    Health: '',
    ExitCode: c.exitCode,
    Size: '0B',
    Labels: Object.entries(c.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: '',
    LocalVolumes: '0',
    Networks: networks.join(','),
  };
}

/** `docker compose ps`: the default table, `--format table ...`, `json` or a template, `-q`, `--services`. */
export function psOutput(engine: Engine, containers: Container[], opts: { format?: string; quiet: boolean; services: boolean; trunc: boolean }): CommandOutput {
  if (opts.quiet) return ok(containers.map((c) => `${c.id}\n`).join(''));
  if (opts.services) {
    const names = [...new Set(containers.map((c) => c.labels?.[LABEL.service] ?? ''))];
    return ok(`${names.join('\n')}\n`);
  }
  const format = opts.format ?? 'table';
  if (format === 'json') return ok(containers.map((c) => `${JSON.stringify(psRow(engine, c, opts.trunc))}\n`).join(''));
  if (format !== 'table') return formatList(format, containers.map((c) => psRow(engine, c, opts.trunc)), PS_HEADERS);
  const rows = [['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS']];
  for (const c of containers) {
    const r = psRow(engine, c, opts.trunc);
    rows.push([c.name, c.image, r.Command as string, r.Service as string, r.RunningFor as string, r.Status as string, r.Ports as string]);
  }
  return ok(table(rows));
}

/** `docker compose logs`: each container's lines behind `NAME  | ` (names padded to the longest plus one). */
export function logsOutput(containers: Container[], opts: { prefix: boolean; tail?: number }): string {
  const names = containers.map(shortName);
  const width = Math.max(0, ...names.map((n) => n.length)) + 1;
  let out = '';
  containers.forEach((c, i) => {
    let lines = c.logs.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (opts.tail !== undefined && opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
    const prefix = opts.prefix ? `${names[i]!.padEnd(width)} | ` : '';
    for (const l of lines) out += `${prefix}${l}\n`;
  });
  return out;
}

/** `docker compose ls`: a tabwriter of minimum width 20, one blank of padding. */
export function lsOutput(rows: { name: string; status: string; files: string }[], quiet: boolean): string {
  if (quiet) return rows.map((r) => `${r.name}\n`).join('');
  const cells = [['NAME', 'STATUS', 'CONFIG FILES'], ...rows.map((r) => [r.name, r.status, r.files])];
  const widths = [0, 1].map((i) => Math.max(20, ...cells.map((row) => row[i]!.length + 1)));
  return cells.map((row) => `${row[0]!.padEnd(widths[0]!)}${row[1]!.padEnd(widths[1]!)}${row[2]}\n`).join('');
}

// ---- config -------------------------------------------------------------------------

/** `$` is written `$$` so that the output reads back as the same model. */
const esc = (s: string) => s.replace(/\$/g, '$$$$');

function portYaml(p: PortConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.name !== undefined) out.name = p.name;
  out.mode = p.mode;
  if (p.hostIp !== undefined) out.host_ip = p.hostIp;
  out.target = p.target;
  if (p.published !== undefined) out.published = p.published;
  out.protocol = p.protocol;
  if (p.appProtocol !== undefined) out.app_protocol = p.appProtocol;
  return out;
}

function mountYaml(m: Mount): Record<string, unknown> {
  const out: Record<string, unknown> = { type: m.type };
  if (m.source !== undefined) out.source = m.source;
  out.target = m.target;
  if (m.readOnly) out.read_only = true;
  Object.assign(out, m.other);
  return out;
}

function escAll(v: unknown): unknown {
  if (typeof v === 'string') return esc(v);
  if (Array.isArray(v)) return v.map(escAll);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escAll(x)]));
  return v;
}

/** compose-go's HealthCheckConfig in its struct's order; a string test is `CMD-SHELL` and the string. */
const HEALTHCHECK_KEYS = ['test', 'timeout', 'interval', 'retries', 'start_period', 'start_interval', 'disable'];

function healthcheckYaml(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of HEALTHCHECK_KEYS) if (o[k] !== undefined) out[k] = k === 'test' && typeof o[k] === 'string' ? ['CMD-SHELL', o[k]] : o[k];
  for (const [k, x] of Object.entries(o)) if (!HEALTHCHECK_KEYS.includes(k)) out[k] = x;
  return out;
}

function serviceYaml(s: Service): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...s.extra };
  if (fields.healthcheck !== undefined) fields.healthcheck = healthcheckYaml(fields.healthcheck);
  if (s.command !== undefined) fields.command = s.command;
  if (s.containerName !== undefined) fields.container_name = s.containerName;
  if (s.dependsOn.size > 0) {
    fields.depends_on = Object.fromEntries([...s.dependsOn.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, d]) => [k, { condition: d.condition, ...(d.restart ? { restart: true } : {}), required: d.required }]));
  }
  if (s.entrypoint !== undefined) fields.entrypoint = s.entrypoint;
  if (s.environment.length > 0) fields.environment = Object.fromEntries([...s.environment].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (s.expose.length > 0) fields.expose = s.expose;
  if (s.hostname !== undefined) fields.hostname = s.hostname;
  if (s.image !== undefined) fields.image = s.image;
  if (s.labels.length > 0) fields.labels = Object.fromEntries([...s.labels].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (s.networkMode !== undefined) fields.network_mode = s.networkMode;
  if (s.networks.size > 0) {
    fields.networks = Object.fromEntries(
      [...s.networks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, cfg]) => {
        if (cfg === null) return [k, null];
        const out: Record<string, unknown> = {};
        if (cfg.aliases) out.aliases = cfg.aliases;
        if (cfg.ipv4Address !== undefined) out.ipv4_address = cfg.ipv4Address;
        Object.assign(out, cfg.other);
        return [k, out];
      }),
    );
  }
  if (s.ports.length > 0) fields.ports = s.ports.map(portYaml);
  if (s.restart !== undefined) fields.restart = s.restart;
  if (s.volumes.length > 0) fields.volumes = s.volumes.map(mountYaml);
  // compose-go's ServiceConfig is (nearly) in key order; its YAML follows the struct.
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return escAll(sorted) as Record<string, unknown>;
}

/** The model as `docker compose config` prints it. */
export function configYaml(p: Project): string {
  const doc: Record<string, unknown> = { name: p.name, services: Object.fromEntries([...p.services.values()].map((s) => [s.name, serviceYaml(s)])) };
  if (p.networks.size > 0) {
    doc.networks = Object.fromEntries(
      [...p.networks.values()].map((n) => {
        const out: Record<string, unknown> = { name: n.name };
        if (n.driver !== undefined) out.driver = n.driver;
        if (Object.keys(n.driverOpts).length > 0) out.driver_opts = n.driverOpts;
        if (n.ipam) {
          const ipam: Record<string, unknown> = {};
          if (n.ipam.driver !== undefined) ipam.driver = n.ipam.driver;
          ipam.config = n.ipam.config.map((c) => ({ ...(c.subnet !== undefined ? { subnet: c.subnet } : {}), ...(c.ipRange !== undefined ? { ip_range: c.ipRange } : {}), ...(c.gateway !== undefined ? { gateway: c.gateway } : {}) }));
          out.ipam = ipam;
        }
        if (n.external) out.external = true;
        if (n.internal) out.internal = true;
        if (n.attachable) out.attachable = true;
        if (n.enableIpv6 !== undefined) out.enable_ipv6 = n.enableIpv6;
        if (n.labels.length > 0) out.labels = Object.fromEntries(n.labels);
        return [n.key, out];
      }),
    );
  }
  if (p.volumes.size > 0) {
    doc.volumes = Object.fromEntries(
      [...p.volumes.values()].map((v) => {
        const out: Record<string, unknown> = { name: v.name };
        if (v.driver !== undefined) out.driver = v.driver;
        if (v.external) out.external = true;
        if (v.labels.length > 0) out.labels = Object.fromEntries(v.labels);
        return [v.key, out];
      }),
    );
  }
  return toGoYaml(doc);
}
