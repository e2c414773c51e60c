/**
 * How the docker client renders lists: the PORTS column, `docker port` lines,
 * Go's HumanDuration for CREATED and STATUS, sizes, natural sort order,
 * `--format` templates and tabwriter tables (columns padded to the widest cell
 * plus three blanks).
 */
import type { Container } from '../../docker/model.ts';
import { isRestarting } from '../../docker/restart-manager.ts';
import { healthText } from '../../docker/health-monitor.ts';
import { hostPortText, type PortMap, type PortSummary } from '../../docker/portmap.ts';
import { lazyPart } from '../lazy/parts.ts';
import { fail, ok, type CommandOutput } from '../types.ts';

/** go-units HumanDuration, as `docker ps` prints ages. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  // go-units duration.go: weeks below two months, months below two years, then years.
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(seconds / 3600 / 24 / 365)} years`;
}

export function statusText(c: Container, now: number): string {
  switch (c.state) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${humanDuration(now - (c.startedAt ?? now))}${c.health ? ` (${healthText(c.health)})` : ''}`;
    case 'paused':
      return `Up ${humanDuration(now - (c.startedAt ?? now))} (Paused)`;
    case 'exited':
      if (isRestarting(c)) return `Restarting (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
      return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
  }
}

/**
 * The PORTS column (cli/command/formatter DisplayablePorts): sorted by container
 * port, host address, host port; exposed ports and `IP:N->N` bindings grouped
 * into ranges first, then the other bindings.
 */
export function displayablePorts(ports: PortSummary[]): string {
  const sorted = [...ports].sort((a, b) => a.privatePort - b.privatePort || (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) || a.publicPort - b.publicPort || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of sorted) {
    let key = p.type;
    if (p.ip !== '') {
      if (p.publicPort !== p.privatePort) {
        hostMappings.push(`${joinHostPort(p.ip, String(p.publicPort))}->${p.privatePort}/${p.type}`);
        continue;
      }
      key = `${p.ip}/${p.type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    } else if (p.privatePort === group.last + 1) {
      group.last = p.privatePort;
    } else {
      result.push(formGroup(key, group));
      groups.set(key, { first: p.privatePort, last: p.privatePort });
    }
  }
  for (const [key, group] of groups) result.push(formGroup(key, group));
  return [...result, ...hostMappings].join(', ');
}

function formGroup(key: string, g: { first: number; last: number }): string {
  const slash = key.lastIndexOf('/');
  const ip = slash < 0 ? '' : key.slice(0, slash);
  const type = key.slice(slash + 1);
  const range = g.first === g.last ? String(g.first) : `${g.first}-${g.last}`;
  return `${ip === '' ? range : `${joinHostPort(ip, range)}->${range}`}/${type}`;
}

/** Go's net.JoinHostPort: IPv6 addresses in brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `docker port C` lines (`80/tcp -> 0.0.0.0:8080`), in natural sort order like the client. */
export function portLines(map: PortMap): string[] {
  const lines: string[] = [];
  for (const [key, bindings] of map) for (const b of bindings ?? []) lines.push(`${key} -> ${joinHostPort(b.hostIp, hostPortText(b))}`);
  return lines.sort(naturalCompare);
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const pd = /^\d/.test(p);
    const qd = /^\d/.test(q);
    if (pd && qd) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
      if (p.length !== q.length) return p.length - q.length;
      continue;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** go-units HumanSizeWithPrecision(size, precision), decimal units: `4.36MB` (3, docker images), `4.361MB` (4, HumanSize). */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${Number(value.toPrecision(precision))}${units[i]}`;
}

/**
 * A list command's `--format` (the client's formatter.Context): `table ...` is
 * a tabwriter table under a header of the fields' names, anything else one
 * template line per item; `\t` and `\n` in the format are tab and newline.
 * Rows are the typed values the template sees.
 */
export function formatList(format: string, rows: object[], headers: Record<string, string>): CommandOutput {
  const isTable = format.startsWith('table');
  const template = (isTable ? format.slice(5) : format).replace(/^ +| +$/g, '').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const lines: string[] = [];
  for (const row of rows) {
    const r = lazyPart('gotpl').renderTemplate(template, row);
    if ('error' in r) return fail(`${r.error}\n`, 1);
    lines.push(r.output);
  }
  if (!isTable) return ok(lines.map((l) => `${l}\n`).join(''));
  const header = template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_m, name: string) => headers[name] ?? name.toUpperCase());
  return ok(table([header, ...lines].flatMap((text) => text.split('\n')).map((line) => line.split('\t'))));
}

/** Go's tabwriter as the docker CLI sets it up: minwidth 10, padding 3, blanks. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(Math.max(10, widths[i]! + 3))))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * The COMMAND column: the daemon's command string (arguments with a blank in
 * single quotes), cut to 20 characters with an ellipsis, then Go-quoted
 * (strconv.Quote): `"sh -c 'exit 2'"`, `"httpd -f -p 80 -h /…"`.
 */
export function commandColumn(cmd: string[], noTrunc: boolean): string {
  const [path = '', ...args] = cmd;
  const text = args.length > 0 ? `${path} ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}` : path;
  const chars = [...text];
  const shown = noTrunc || chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`;
  return `"${shown.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
