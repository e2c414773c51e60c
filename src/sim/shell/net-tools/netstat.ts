/**
 * busybox 1.35's `netstat` inside containers: `-r` (routing table) and the
 * socket listing (-t, -u, -l, -a, -n): TCP then UDP, IPv4 then IPv6, in
 * busybox's fixed columns; an AF_INET6 socket on `::` shows as `:::PORT`.
 * On a user-defined network the list includes the embedded DNS's two
 * listeners on 127.0.0.11 (docker/dns.ts; golden dns-resolver-sockets).
 * Debian's busybox (the rig's images) is built without `-W` and `-p`;
 * Alpine's has them.
 */
import type { SocketInfo } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { busyboxUsage } from '../busybox.ts';
import { padEnd, padStart } from './devices.ts';
import { netstatRoutes } from './route.ts';

/** The options both busybox builds list; Alpine's adds -W and -p. */
const USAGE_OPTIONS = `Display networking information

\t-r\tRouting table
\t-a\tAll sockets
\t-l\tListening sockets
\t\tElse: connected sockets
\t-t\tTCP sockets
\t-u\tUDP sockets
\t-w\tRaw sockets
\t-x\tUnix sockets
\t\tElse: all socket types
\t-e\tOther/more information
\t-n\tDon't resolve names
`;

/** The rig's Debian build (golden dns-resolver-sockets). */
const DEBIAN_USAGE = busyboxUsage(`Usage: netstat [-ral] [-tuwx] [-en]

${USAGE_OPTIONS}`);

const ALPINE_USAGE = busyboxUsage(`Usage: netstat [-ral] [-tuwx] [-enWp]

${USAGE_OPTIONS}\t-W\tWide display
\t-p\tShow PID/program name for sockets
`);

/** busybox netstat as Debian builds it (the rig's images): an unknown option prints the usage. */
export const netstatCommand: Command = (argv, ctx) => {
  const flags = new Set<string>();
  for (const a of argv) {
    if (!/^-[raltuwxen]+$/.test(a)) {
      const bad = /^-[raltuwxen]*([^raltuwxen])/.exec(a)?.[1];
      return fail(`${bad === undefined ? '' : `netstat: invalid option -- '${bad}'\n`}${DEBIAN_USAGE}`, 1);
    }
    for (const f of a.slice(1)) flags.add(f);
  }
  return listing(flags, ctx);
};

/** Alpine's busybox netstat: it has -W and -p, whose columns are not modelled here. */
export const alpineNetstatCommand: Command = (argv, ctx) => {
  const flags = new Set<string>();
  for (const a of argv) {
    if (!/^-[raltuwxenWp]+$/.test(a)) return fail(ALPINE_USAGE, 1);
    for (const f of a.slice(1)) flags.add(f);
  }
  const unmodelled = ['W', 'p'].find((f) => flags.has(f));
  if (unmodelled !== undefined) return fail(`vethlab: busybox netstat -${unmodelled} is not modelled here\n`, 1);
  return listing(flags, ctx);
};

function listing(flags: ReadonlySet<string>, ctx: Parameters<Command>[1]): ReturnType<Command> {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('netstat: socket: Operation not permitted\n', 1);
  if (flags.has('r')) return ok(netstatRoutes(view, flags.has('n')));
  const anyType = !['t', 'u', 'w', 'x'].some((f) => flags.has(f));
  const listening = flags.has('l');
  const all = flags.has('a');
  const what = all ? 'servers and established' : listening ? 'only servers' : 'w/o servers';
  let out = '';
  if (anyType || flags.has('t') || flags.has('u') || flags.has('w')) {
    out += `Active Internet connections (${what})\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n`;
    // Every socket the model has is a listener (TCP) or an unconnected datagram socket (UDP).
    if (listening || all) {
      const sockets = view.sockets();
      const pick = (proto: 'tcp' | 'udp', family: 4 | 6) => sockets.filter((s) => s.proto === proto && (s.family ?? 4) === family);
      if (anyType || flags.has('t')) for (const s of [...pick('tcp', 4), ...pick('tcp', 6)]) out += line(s, 'LISTEN');
      if (anyType || flags.has('u')) for (const s of [...pick('udp', 4), ...pick('udp', 6)]) out += line(s, '');
    }
  }
  if (anyType || flags.has('x')) {
    out += `Active UNIX domain sockets (${what})\nProto RefCnt Flags       Type       State         I-Node Path\n`;
  }
  return ok(out);
}

/** busybox prints tcp6/udp6 sockets as tcp/udp, with `::` addresses (`:::80`). */
function line(s: SocketInfo, state: string): string {
  const foreign = s.family === 6 ? ':::*' : '0.0.0.0:*';
  return `${padEnd(s.proto, 5)} ${padStart('0', 6)} ${padStart('0', 6)} ${padEnd(`${s.address}:${s.port}`, 23)} ${padEnd(foreign, 23)} ${padEnd(state, 12)}\n`;
}
