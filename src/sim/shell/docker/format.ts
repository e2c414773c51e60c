/**
 * How the docker client renders containers: the PORTS column, `docker port`
 * lines, Go's HumanDuration for CREATED and STATUS, and tabwriter tables
 * (columns padded to the widest cell plus three blanks).
 */
import type { Container, PortBinding } from '../../docker/model.ts';

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
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days} days`;
  return `${Math.floor(days / 7)} weeks`;
}

export function statusText(c: Container, now: number): string {
  switch (c.state) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
    case 'paused':
      return `Up ${humanDuration(now - (c.startedAt ?? now))} (Paused)`;
    case 'exited':
      return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
  }
}

/** Host bindings as the client lists them: IPv4 ones first, then the IPv6 twins of 0.0.0.0 bindings. */
function hostBindings(p: PortBinding[]): { hostIp: string; hostPort: number; binding: PortBinding }[] {
  const v4 = p.map((b) => ({ hostIp: b.hostIp, hostPort: b.hostPort, binding: b }));
  const v6 = p.filter((b) => b.hostIp === '0.0.0.0').map((b) => ({ hostIp: '::', hostPort: b.hostPort, binding: b }));
  return [...v4, ...v6];
}

export function portsColumn(c: Container): string {
  if (c.state !== 'running' && c.state !== 'paused') return '';
  if (c.networkMode.kind === 'container') return '';
  const published = hostBindings(c.ports).map(({ hostIp, hostPort, binding }) => {
    const host = hostIp === '::' ? '[::]' : hostIp;
    return `${host}:${hostPort}->${binding.containerPort}/${binding.proto}`;
  });
  const publishedKeys = new Set(c.ports.map((p) => `${p.containerPort}/${p.proto}`));
  const exposedOnly = c.exposed.filter((e) => !publishedKeys.has(e));
  return [...exposedOnly, ...published].join(', ');
}

/** `docker port C [PORT[/PROTO]]` lines. */
export function portLines(c: Container, filter?: { port: number; proto: string }): string[] {
  const lines: string[] = [];
  for (const { hostIp, hostPort, binding } of hostBindings(c.ports)) {
    if (filter && (binding.containerPort !== filter.port || binding.proto !== filter.proto)) continue;
    const host = hostIp === '::' ? `[::]:${hostPort}` : `${hostIp}:${hostPort}`;
    lines.push(filter ? host : `${binding.containerPort}/${binding.proto} -> ${host}`);
  }
  return lines;
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

/** `"httpd -f -p 80 -h /…"`: the command quoted, cut to 20 characters with an ellipsis. */
export function commandColumn(cmd: string[], noTrunc: boolean): string {
  const text = cmd.join(' ');
  if (noTrunc || text.length <= 20) return `"${text}"`;
  return `"${text.slice(0, 19)}…"`;
}
