/**
 * Tab completion of the terminal: commands of the Docker host and of busybox,
 * docker's subcommands and flags, container, network and image names where the
 * docker CLI takes them. Pure: the names come in a CompletionContext.
 */

export interface CompletionContext {
  shell: 'host' | 'container';
  /** Every container's name (docker's own completion offers them all). */
  containers: string[];
  /** Names of running containers (for `docker exec`). */
  running: string[];
  networks: string[];
  images: string[];
  /** The programs of this shell's machine or container (the simulator's own list); the static lists below otherwise. */
  programs?: string[];
  /** The programs of a running container, for `docker exec C <Tab>`. */
  programsOf?: (container: string) => string[];
}

/** What the shells answer themselves, and the terminal's own words. */
const BUILTINS = ['cd', 'clear', 'echo', 'exit', 'export', 'false', 'history', 'pwd', 'test', 'true'];
const withBuiltins = (programs: string[]) => [...new Set([...programs, ...BUILTINS])].sort();

export interface Completion {
  /** The word being completed: line[start, end) (end is the cursor). */
  start: number;
  end: number;
  candidates: string[];
}

export const HOST_COMMANDS = [
  'cat', 'clear', 'curl', 'cut', 'docker', 'exit', 'grep', 'head', 'history', 'hostname', 'iptables', 'iptables-restore',
  'iptables-save', 'ip6tables', 'ip6tables-save', 'ls', 'mkdir', 'nc', 'ping', 'ps', 'rm', 'sed', 'sort', 'sysctl', 'tail',
  'touch', 'tr', 'uniq', 'wc', 'wget',
];

export const CONTAINER_COMMANDS = [
  'cat', 'clear', 'cut', 'echo', 'env', 'exit', 'false', 'grep', 'head', 'hostname', 'ls', 'mkdir', 'nc', 'nslookup', 'ping',
  'ps', 'rm', 'sed', 'sh', 'sleep', 'sort', 'tail', 'touch', 'tr', 'true', 'uniq', 'wc', 'wget',
];

export const DOCKER_SUBCOMMANDS = [
  'attach', 'compose', 'create', 'exec', 'image', 'images', 'info', 'inspect', 'kill', 'logs', 'network', 'pause', 'port', 'ps', 'pull', 'restart', 'rm',
  'run', 'start', 'stop', 'unpause', 'version',
];

export const NETWORK_SUBCOMMANDS = ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'];

interface FlagTable {
  /** Flags that take a value (the next word, unless written `--flag=value`). */
  withValue: string[];
  bools: string[];
}

const RUN_FLAGS: FlagTable = {
  withValue: ['--add-host', '--dns', '--dns-search', '--env', '-e', '--env-file', '--expose', '--hostname', '-h', '--ip', '--link', '--name', '--net', '--network', '--network-alias', '--publish', '-p'],
  bools: ['--detach', '-d', '--interactive', '-i', '--publish-all', '-P', '--rm', '--tty', '-t'],
};

const FLAGS: Record<string, FlagTable> = {
  run: RUN_FLAGS,
  create: RUN_FLAGS,
  exec: { withValue: ['--env', '-e', '--user', '-u', '--workdir', '-w'], bools: ['--detach', '-d', '--interactive', '-i', '--tty', '-t'] },
  attach: { withValue: ['--detach-keys'], bools: ['--no-stdin', '--sig-proxy'] },
  ps: { withValue: ['--filter', '-f', '--format', '--last', '-n'], bools: ['--all', '-a', '--latest', '-l', '--no-trunc', '--quiet', '-q'] },
  rm: { withValue: [], bools: ['--force', '-f', '--volumes', '-v'] },
  logs: { withValue: ['--tail', '-n'], bools: ['--follow', '-f'] },
  kill: { withValue: ['--signal', '-s'], bools: [] },
  inspect: { withValue: ['--format', '-f', '--type'], bools: ['--size', '-s'] },
  start: { withValue: [], bools: ['--attach', '-a', '--interactive', '-i'] },
  'network create': { withValue: ['--driver', '-d', '--gateway', '--ip-range', '--opt', '-o', '--subnet'], bools: ['--attachable', '--internal'] },
  'network connect': { withValue: ['--alias', '--gw-priority', '--ip'], bools: [] },
  'network disconnect': { withValue: [], bools: ['--force', '-f'] },
  'network rm': { withValue: [], bools: ['--force', '-f'] },
  'network ls': { withValue: ['--filter', '-f', '--format'], bools: ['--no-trunc', '--quiet', '-q'] },
  'network inspect': { withValue: ['--format', '-f'], bools: ['--verbose', '-v'] },
  'network prune': { withValue: ['--filter'], bools: ['--force', '-f'] },
};

const CONTAINER_ARGS = new Set(['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'rm', 'logs', 'port', 'inspect']);
const SEPARATORS = new Set(['|', '||', '&&', ';']);

function byPrefix(words: readonly string[], prefix: string): string[] {
  return [...new Set(words.filter((w) => w.startsWith(prefix)))].sort();
}

/** Words after the subcommand that are not flags or flag values. */
function positionals(words: string[], table: FlagTable | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-') && w.length > 1) {
      if (!w.includes('=') && table?.withValue.includes(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

function dockerCandidates(args: string[], current: string, ctx: CompletionContext): string[] {
  if (args.length === 0) return byPrefix(DOCKER_SUBCOMMANDS, current);
  let key = args[0]!;
  let rest = args.slice(1);
  if (key === 'network') {
    if (rest.length === 0) return byPrefix(NETWORK_SUBCOMMANDS, current);
    key = `network ${rest[0]}`;
    rest = rest.slice(1);
  }
  const table = FLAGS[key];
  const prev = rest[rest.length - 1];
  if (prev !== undefined && table?.withValue.includes(prev)) {
    if (prev === '--network' || prev === '--net') {
      return byPrefix([...ctx.networks, ...ctx.containers.map((c) => `container:${c}`)], current);
    }
    return [];
  }
  const netValue = /^--(network|net)=(.*)$/.exec(current);
  if (netValue) {
    return byPrefix([...ctx.networks, ...ctx.containers.map((c) => `container:${c}`)], netValue[2]!).map((v) => `--${netValue[1]}=${v}`);
  }
  if (current.startsWith('-')) return table ? byPrefix([...table.withValue, ...table.bools], current) : [];
  const pos = positionals(rest, table).length;
  switch (key) {
    case 'run':
    case 'create':
      return pos === 0 ? byPrefix(ctx.images, current) : [];
    case 'exec':
      if (pos === 1 && ctx.programsOf) return byPrefix(ctx.programsOf(positionals(rest, table)[0]!), current);
      return pos === 0 ? byPrefix(ctx.running, current) : pos === 1 ? byPrefix(CONTAINER_COMMANDS.filter((c) => c !== 'exit' && c !== 'clear'), current) : [];
    case 'attach':
      return pos === 0 ? byPrefix(ctx.running, current) : [];
    case 'network connect':
    case 'network disconnect':
      return pos === 0 ? byPrefix(ctx.networks, current) : pos === 1 ? byPrefix(ctx.containers, current) : [];
    case 'network rm':
    case 'network inspect':
      return byPrefix(ctx.networks, current);
    case 'inspect':
      return byPrefix([...ctx.containers, ...ctx.networks], current);
    default:
      return CONTAINER_ARGS.has(key) ? byPrefix(ctx.containers, current) : [];
  }
}

/** Candidates for the word that ends at the cursor. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const start = before.search(/\S*$/);
  const current = before.slice(start);
  let words = before.slice(0, start).split(/\s+/).filter(Boolean);
  const lastSep = words.reduce((at, w, i) => (SEPARATORS.has(w) ? i : at), -1);
  words = words.slice(lastSep + 1);
  if (ctx.shell === 'host' && (words[0] === 'lan$' || words[0] === 'gw$')) words = words.slice(1);
  const result = (candidates: string[]): Completion => ({ start, end: cursor, candidates });
  if (words.length === 0) {
    const programs = ctx.programs ? withBuiltins(ctx.programs) : ctx.shell === 'container' ? CONTAINER_COMMANDS : HOST_COMMANDS;
    if (ctx.shell === 'container') return result(byPrefix(programs, current));
    return result(byPrefix(lastSep < 0 && !before.slice(0, start).trim() ? [...programs, 'lan$', 'gw$'] : programs, current));
  }
  if (ctx.shell === 'host' && words[0] === 'docker') return result(dockerCandidates(words.slice(1), current, ctx));
  // Arguments of other tools: the names a ping, wget or nslookup is likely to want.
  if (['ping', 'wget', 'nslookup', 'nc', 'curl'].includes(words[0]!)) return result(byPrefix(ctx.containers, current));
  return result([]);
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export interface AppliedCompletion {
  text: string;
  cursor: number;
  /** Set when the candidates should be listed (several, nothing more to insert). */
  list?: string[];
}

/** What Tab does: one candidate is inserted with a space, several extend to their common prefix or get listed. */
export function applyCompletion(text: string, c: Completion): AppliedCompletion {
  const current = text.slice(c.start, c.end);
  if (c.candidates.length === 0) return { text, cursor: c.end };
  const insert = (word: string, space: boolean) => {
    const added = word + (space ? ' ' : '');
    return { text: text.slice(0, c.start) + added + text.slice(c.end), cursor: c.start + added.length };
  };
  if (c.candidates.length === 1) {
    const only = c.candidates[0]!;
    return insert(only, !only.endsWith(':') && !only.endsWith('='));
  }
  const prefix = commonPrefix(c.candidates);
  if (prefix.length > current.length) return insert(prefix, false);
  return { text, cursor: c.end, list: c.candidates };
}

/**
 * The image names `docker run <Tab>` offers: every RepoTag of every image
 * (`redis:7`, `busybox:latest`), as `docker images` lists them; an untagged
 * image has none.
 */
export function imageCompletions(images: readonly { id: string }[], repoTags: (id: string) => string[]): string[] {
  return [...new Set(images.flatMap((i) => repoTags(i.id)))].sort();
}
