/**
 * iproute2 6.1's `ss` on the Debian machines: listening TCP and unconnected UDP
 * sockets (-l, -a, -t, -u, -n, -4, -6) in its computed columns: each column as
 * wide as its widest cell, addresses right-aligned against their ports.
 */
import type { SocketInfo } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { padEnd, padStart } from './devices.ts';

/** listen(2) backlogs of the programs the model runs (Go's listeners, docker-proxy's and the embedded DNS's, take somaxconn). */
const BACKLOG: Record<string, number> = { 'docker-proxy': 4096, dockerd: 4096, httpd: 9, 'redis-server': 1 };

export const ssCommand: Command = (argv, ctx) => {
  const flags = new Set<string>();
  for (const a of argv) {
    const long: Record<string, string> = { '--listening': 'l', '--all': 'a', '--tcp': 't', '--udp': 'u', '--numeric': 'n', '--processes': 'p', '--ipv4': '4', '--ipv6': '6' };
    if (long[a]) flags.add(long[a]);
    else if (/^-[latunp46]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else return fail(`ss: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\n`, 1);
  }
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('Cannot open netlink socket: Protocol not supported\n', 1);
  const tcp = flags.has('t') || !flags.has('u');
  const udp = flags.has('u') || !flags.has('t');
  const showListeners = flags.has('l') || flags.has('a');
  const family = (s: SocketInfo) => s.family ?? 4;
  const wanted = (s: SocketInfo) => (!flags.has('4') || family(s) === 4) && (!flags.has('6') || family(s) === 6);
  const sockets = showListeners ? view.sockets().filter(wanted) : [];
  const byPort = (a: SocketInfo, b: SocketInfo) => family(a) - family(b) || a.port - b.port;
  // ss dumps UDP before TCP, IPv4 before IPv6.
  const list = [...(udp ? sockets.filter((s) => s.proto === 'udp').sort(byPort) : []), ...(tcp ? sockets.filter((s) => s.proto === 'tcp').sort(byPort) : [])];
  const netid = tcp && udp;
  const rows = list.map((s) => {
    const [addr, peer] = family(s) === 4 ? [s.address, '0.0.0.0'] : s.v6only ? ['[::]', '[::]'] : ['*', '*'];
    return {
      netid: s.proto as string,
      state: s.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
      recvq: '0',
      sendq: String(s.proto === 'tcp' ? (BACKLOG[s.process] ?? 128) : 0),
      local: addr,
      lport: String(s.port),
      peer,
      pport: '*',
    };
  });
  const width = (header: string, cells: string[]) => Math.max(header.length, ...cells.map((c) => c.length));
  const w = {
    netid: width('Netid', rows.map((r) => r.netid)),
    state: width('State', rows.map((r) => r.state)),
    recvq: width('Recv-Q', rows.map((r) => r.recvq)),
    sendq: width('Send-Q', rows.map((r) => r.sendq)),
    local: width('Local Address', rows.map((r) => r.local)),
    lport: width('Port', rows.map((r) => r.lport)),
    peer: width('Peer Address', rows.map((r) => r.peer)),
    pport: width('Port', rows.map((r) => r.pport)),
  };
  const line = (c: typeof rows[number], process: string) =>
    `${netid ? `${padEnd(c.netid, w.netid)} ` : ''}${padEnd(c.state, w.state)} ${padEnd(c.recvq, w.recvq)} ${padEnd(c.sendq, w.sendq)} ${padStart(c.local, w.local)}:${padEnd(c.lport, w.lport)} ${padStart(c.peer, w.peer)}:${padEnd(c.pport, w.pport)}${process}\n`;
  const header = line({ netid: 'Netid', state: 'State', recvq: 'Recv-Q', sendq: 'Send-Q', local: 'Local Address', lport: 'Port', peer: 'Peer Address', pport: 'Port' }, 'Process');
  return ok(header + rows.map((r) => line(r, ' '.repeat(7))).join(''));
};
