/**
 * redis-server started by a command line (`redis-server --port 7000`, `redis-server
 * /etc/redis.conf`, `--appendonly yes`): the port and bind address decide its socket;
 * other settings are taken as redis takes them (`--name value` or config-file lines)
 * and do not change what the network sees. It serves clients through the simulator's
 * redis model like the image's own redis-server.
 */
import { bindAll, stillRunning } from './listen.ts';
import type { Command, Listen } from './types.ts';
import { fail } from './types.ts';

/** Settings that change how redis answers, which vethlab does not model: refused rather than ignored. */
const UNMODELLED = new Set(['requirepass', 'tls-port', 'unixsocket', 'cluster-enabled', 'replicaof', 'slaveof', 'rename-command', 'aclfile', 'user']);

export const redisServerCommand: Command = (argv, ctx) => {
  const settings: [string, string][] = [];
  let words = [...argv];
  if (words[0] !== undefined && !words[0].startsWith('--')) {
    const file = ctx.fs.read(words[0]);
    if (['ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(file)) {
      return fail(`\n*** FATAL CONFIG FILE ERROR (Redis ${ctx.env.REDIS_VERSION ?? '7.4.6'}) ***\nFatal error, can't open config file '${words[0]}': No such file or directory\n`, 1);
    }
    for (const line of file.split('\n')) {
      const [name, ...rest] = line.trim().split(/\s+/);
      if (name && !name.startsWith('#')) settings.push([name.toLowerCase(), rest.join(' ')]);
    }
    words = words.slice(1);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--')) return fail(`\n*** FATAL CONFIG FILE ERROR (Redis ${ctx.env.REDIS_VERSION ?? '7.4.6'}) ***\nReading the configuration file, at line 2\n>>> '${w}'\nBad directive or wrong number of arguments\n`, 1);
    const values: string[] = [];
    while (i + 1 < words.length && !words[i + 1]!.startsWith('--')) values.push(words[++i]!);
    settings.push([w.slice(2).toLowerCase(), values.join(' ')]);
  }
  const unmodelled = settings.find(([name]) => UNMODELLED.has(name));
  if (unmodelled) return fail(`vethlab: redis-server's ${unmodelled[0]} setting is not modelled\n`, 1);
  const port = Number(settings.filter(([n]) => n === 'port').pop()?.[1] ?? 6379);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`\n*** FATAL CONFIG FILE ERROR (Redis ${ctx.env.REDIS_VERSION ?? '7.4.6'}) ***\n>>> 'port "${port}"'\nInvalid port\n`, 1);
  const bind = settings.filter(([n]) => n === 'bind').pop()?.[1];
  // The default (`bind * -::*`) takes every address; one IPv4 address binds only that.
  const addresses = bind === undefined ? ['::'] : bind.split(/\s+/).filter((a) => a !== '' && a !== '*' && a !== '-::*' && a !== '::*');
  const listens: Listen[] = (addresses.length === 0 ? ['::'] : addresses).map((a) => {
    const address = a.replace(/^-/, '');
    return { proto: 'tcp', address, family: address.includes(':') ? 6 : 4, port };
  });
  if (bindAll(ctx, listens, 'redis-server')) {
    const at = logTime(ctx.kernel.now);
    return fail(`1:M ${at} # Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use\n1:M ${at} # Failed listening on port ${port} (tcp), aborting.\n`, 1);
  }
  // Its startup lines (banner, warnings) are not modelled: the log stays empty, as for the image's own redis-server.
  return stillRunning({ process: 'redis-server', argv: ['redis-server', ...argv], listens });
};

/** redis's log time: `06 Dec 2026 20:00:00.000`. */
function logTime(now: number): string {
  const d = new Date(now);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
