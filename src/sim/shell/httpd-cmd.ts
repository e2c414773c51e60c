/**
 * busybox httpd as a command line starts it: `-p [IP:]PORT` (default 80, a
 * dual-stack `::` socket unless an IPv4 address is given), `-h HOME` (default:
 * the current directory), `-f` to stay in the foreground; without -f it goes
 * to the background as a daemon and the command returns at once.
 */
import { busyboxUsage } from './busybox.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import { resolvePath } from './fs.ts';
import { bindAll, stillRunning } from './listen.ts';
import type { Command, Listen, Running } from './types.ts';
import { fail, ok } from './types.ts';

const USAGE = busyboxUsage(
  'Usage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]\nor httpd -d/-e/-m STRING\n\nListen for incoming HTTP requests\n\n\t-i\t\tInetd mode\n\t-f\t\tRun in foreground\n\t-v[v]\t\tVerbose\n\t-p [IP:]PORT\tBind to IP:PORT (default *:80)\n\t-u USER[:GRP]\tSet uid/gid after binding to port\n\t-r REALM\tAuthentication Realm for Basic Authentication\n\t-h HOME\t\tHome directory (default .)\n\t-c FILE\t\tConfiguration file (default {/etc,HOME}/httpd.conf)\n\t-m STRING\tMD5 crypt STRING\n\t-e STRING\tHTML encode STRING\n\t-d STRING\tURL decode STRING\n',
);

export const busyboxHttpd: Command = (argv, ctx) => {
  let foreground = false;
  let bind = '80';
  let home: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') return fail(USAGE, 1);
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (letter === 'f') foreground = true;
      else if (letter === 'v') continue;
      else if ('phcur'.includes(letter)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (value === undefined) return fail(`httpd: option requires an argument -- '${letter}'\n${USAGE}`, 1);
        if (letter === 'p') bind = value;
        else if (letter === 'h') home = value;
        else if (letter === 'c' || letter === 'r' || letter === 'u') return fail(`vethlab: busybox httpd -${letter} is not modelled\n`, 1);
        break;
      } else if ('ide'.includes(letter) || letter === 'm') return fail(`vethlab: busybox httpd -${letter} is not modelled\n`, 1);
      else return fail(`httpd: invalid option -- '${letter}'\n${USAGE}`, 1);
    }
  }
  const colon = bind.lastIndexOf(':');
  const address = colon < 0 ? undefined : bind.slice(0, colon);
  const portText = colon < 0 ? bind : bind.slice(colon + 1);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) return fail(`httpd: bad port '${portText}'\n`, 1);
  if (address !== undefined && parseIPv4(address) === undefined) return fail(`httpd: bad address '${address}'\n`, 1);
  const listen: Listen = address === undefined ? { proto: 'tcp', address: '::', family: 6, port: Number(portText) } : { proto: 'tcp', address, family: 4, port: Number(portText) };
  const docroot = resolvePath(ctx.fs.cwd, home ?? '.');
  if (bindAll(ctx, [listen], 'httpd')) return fail('httpd: bind: Address already in use\n', 1);
  const program: Running = { process: 'httpd', argv: ['httpd', ...argv], listens: [listen], docroot };
  if (foreground) return stillRunning(program);
  if (!ctx.spawn) return fail('vethlab: httpd cannot go to the background here\n', 1);
  ctx.spawn(program);
  return ok();
};
