/**
 * Which lazy parts (./parts.ts) a command line may reach, read from its text alone, so
 * that a line needing none of the missing ones runs at once and any other waits. It
 * errs one way only: a part it leaves out must be one the line cannot reach.
 *
 * A line reaches a program by naming it: the words are read after removing quotes
 * (`a"w"k` is awk), a path counts by its last part (`/usr/bin/awk`), and an image by
 * its name without tag or digest (`alpine/socat:latest` runs socat). What the text
 * cannot show needs every part: a parameter or command substitution (`$`, backquotes),
 * an escape (`\141wk`), a glob, and programs that run text from elsewhere (a shell, `.`,
 * source, eval, xargs, docker compose). Text of earlier lines (a file they wrote, a
 * container's command run again by `docker start`) was itself read when those lines ran,
 * and a part once loaded stays loaded. Python's REPL starts only on a terminal the docker
 * client hands over (`docker run -it`, attach), whatever the image is called.
 */
import { NGINX_LATEST, starterVariant } from '../../docker/catalog.ts';
import { parseNormalizedNamed } from '../../docker/reference.ts';
import { parseFlags } from '../docker/flags.ts';
import { CREATE_FLAGS, RUN_FLAGS } from '../docker/run-flags.ts';
import { LAZY_PARTS, type LazyPart } from './parts.ts';
import { mayReadServices } from './reads-services.ts';

const NGINX_ID = (NGINX_LATEST.id ?? '').replace(/^sha256:/, '');

/** Programs that run text the line does not show. */
const INDIRECT = new Set(['sh', 'bash', 'dash', 'ash', '.', 'source', 'eval', 'xargs', 'compose', 'docker-compose', 'build']);
const PROGRAM_PARTS: Record<string, LazyPart> = {
  awk: 'awk', mawk: 'awk', gawk: 'awk', nawk: 'awk', sed: 'sed', apt: 'packages', 'apt-get': 'packages', apk: 'packages',
  socat: 'socat', tcpdump: 'tcpdump', traceroute: 'traceroute', traceroute6: 'traceroute', curl: 'curl', nc: 'nc',
  dig: 'dns', host: 'dns', nslookup: 'dns', getent: 'dns', pip: 'python', pip3: 'python', 'http-echo': 'webecho', traefik: 'traefik',
  ...programsOf('tools', ['cat', 'ls', 'mkdir', 'rmdir', 'rm', 'touch', 'cp', 'mv', 'find', 'sort', 'uniq', 'tr', 'cut', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'tee', 'seq',
    'printf', 'which', 'basename', 'dirname', 'pwd', 'id', 'whoami', 'groups', 'uname', 'nproc', 'hostname', 'env', 'date', 'sleep', 'kill', 'sudo', 'test',
    // ps (procps's, busybox's) and `docker top` read the process table with it.
    'ps', 'top']),
  wget: 'wget',
  ...programsOf('nettools', ['ip', 'ss', 'ethtool', 'ifconfig', 'route', 'netstat', 'arp']),
  // docker's commands that print objects (a word of the line, wherever it stands).
  ...programsOf('inspect', ['inspect', 'images', 'image', 'volume', 'version', 'info']),
  // redis-cli, and redis-server run as a command: by the programs' names and the image's (its entrypoint runs redis-server for a command that starts with a flag).
  redis: 'redis', 'redis-cli': 'redis', 'redis-server': 'redis',
  // docker builder (prune) answers from the build part, which keeps BuildKit's cache.
  builder: 'build',
  caddy: 'caddy',
  // The image (and its program): every world starts with nginx, so a line running it by its ID counts too (below).
  nginx: 'nginx',
  psql: 'databases', pg_isready: 'databases', mysql: 'databases', mariadb: 'databases', mysqladmin: 'databases', 'mariadb-admin': 'databases', mongosh: 'databases',
  // The database images (mysql and mariadb are their clients' names too): their entrypoints run at the container's start.
  postgres: 'databases', mongo: 'databases',
};

/** docker's commands answered by the inspect part besides the ones above (some are programs too: busybox cp). */
export const DOCKER_HOUSEKEEPING: ReadonlySet<string> = new Set([
  'cp', 'wait', 'diff', 'system', 'prune', 'stats', 'search', 'build', 'history', 'buildx', 'builder', 'update', 'commit', 'export', 'import', 'save', 'load',
  'push', 'login', 'logout', 'events', 'context', 'swarm', 'service', 'stack', 'node', 'secret', 'config', 'plugin', 'trust', 'manifest', 'scout', 'init', 'checkpoint',
]);

/** docker's commands that may pull an image (`docker pull`, and run and create of an image the host lacks). */
const PULLING: ReadonlySet<string> = new Set(['run', 'create', 'pull']);
/** `docker network create`, `docker volume create`: no image. */
const CREATES_NO_CONTAINER: ReadonlySet<string> = new Set(['network', 'volume']);

/**
 * Whether the line is one `docker run` or `docker create` in plain words (no quotes, no
 * other command) whose image, as the CLI's own flag parser finds it, is one a world starts
 * with: pulled again after a `docker rmi`, it resolves without the whole catalog
 * (catalog.ts `starterVariant`). Anything else may need the catalog.
 */
function runsStarterImage(line: string): boolean {
  const m = /^\s*docker\s+(?:container\s+)?(run|create)\s+([A-Za-z0-9_.+\-/:=,@ ]*)$/.exec(line);
  if (!m) return false;
  let image: string | undefined;
  try {
    image = parseFlags(m[2]!.split(' ').filter((w) => w !== ''), m[1] === 'run' ? RUN_FLAGS : CREATE_FLAGS, { interspersed: false }).args[0];
  } catch {
    return false;
  }
  const parsed = image === undefined ? undefined : parseNormalizedNamed(image);
  if (!parsed?.ok || parsed.value.domain !== 'docker.io' || parsed.value.digest !== undefined) return false;
  return starterVariant(parsed.value.path, parsed.value.tag ?? 'latest') !== undefined;
}

/**
 * Whether a word may be an nginx image's ID: a prefix of the starter nginx's (the daemon takes
 * a prefix of any length, `docker run 878`), or a hex word as long as a short ID that is not a
 * port or a count (an image built from nginx has an ID of its own).
 */
function mayNameNginxById(word: string): boolean {
  const hex = word.replace(/^sha256:/, '');
  if (!/^[0-9a-f]{1,64}$/.test(hex)) return false;
  if (NGINX_ID.startsWith(hex)) return true;
  return hex.length >= 4 && !/^[0-9]{4,11}$/.test(hex);
}

function programsOf(part: LazyPart, programs: readonly string[]): Record<string, LazyPart> {
  return Object.fromEntries(programs.map((program) => [program, part]));
}

/**
 * The parts a line may need, remembered by its text: a link's lines are judged when the live
 * app fetches their programs and again when they run (a 300-container script: 350 lines).
 */
const judged = new Map<string, readonly LazyPart[]>();
const JUDGED_LINES = 4096;

export function partsForLine(line: string): readonly LazyPart[] {
  let parts = judged.get(line);
  if (parts === undefined) {
    // A long session's lines are judged anew rather than kept without end.
    if (judged.size >= JUDGED_LINES) judged.clear();
    parts = judgeLine(line);
    judged.set(line, parts);
  }
  return parts;
}

function judgeLine(line: string): readonly LazyPart[] {
  if (/[$`\\*?[]/.test(line)) return LAZY_PARTS;
  const unquoted = line.replace(/['"]/g, '');
  // docker's own ps (`docker ps`, `docker container ps` at a command's start) is not the program ps.
  const words = unquoted.replace(/(^|[;&|(]\s*)docker\s+(?:container\s+)?ps\b/g, '$1docker').split(/[^A-Za-z0-9_.+\-/:]+/).filter((w) => w !== '');
  // An image reference counts by its name too (alpine/socat:1.8, nginx@sha256:...).
  const names = words.flatMap((w) => {
    const name = w.slice(w.lastIndexOf('/') + 1);
    const untagged = name.replace(/[:@].*$/, '');
    return untagged === name ? [name] : [name, untagged];
  });
  if (names.some((n) => INDIRECT.has(n))) return LAZY_PARTS;
  const parts = new Set<LazyPart>();
  for (const name of names) {
    const part = PROGRAM_PARTS[name];
    if (part) parts.add(part);
  }
  // /etc/services: nc's port names, iptables' listing by name and ports given by name (./reads-services.ts).
  if (parts.has('nc') || mayReadServices(line)) parts.add('services');
  // `whoami` is busybox's applet (tools) and traefik/whoami's server alike.
  if (names.includes('whoami')) parts.add('webecho');
  const docker = names.includes('docker');
  // Any other docker command (cp, wait, diff, system, prune, and the ones not modelled) answers from the inspect part.
  if (docker && names.some((n) => DOCKER_HOUSEKEEPING.has(n))) parts.add('inspect');
  // An image named by its ID (`docker run 878c33739a8a`) may be nginx's, which every world starts with
  // (digits alone are a port or a count unless as long as a short ID).
  if (docker && unquoted.split(/[\s;&|()=]+/).some(mayNameNginxById)) parts.add('nginx');
  // A pull of an image a world does not start with reads the whole image catalog.
  if (docker && words.some((w, i) => PULLING.has(w) && !CREATES_NO_CONTAINER.has(words[i - 1] ?? '')) && !runsStarterImage(line)) parts.add('catalog');
  const lower = unquoted.toLowerCase();
  // Go templates: --format (any spelling of the word, psFormat in a config file), -f in a short-flag cluster, {{.
  if (lower.includes('format') || unquoted.includes('{{') || (docker && words.some((w) => /^-[A-Za-z]*f/.test(w)))) parts.add('gotpl');
  if (lower.includes('python') || (docker && mayHandOverTerminal(line, names))) parts.add('python');
  return [...parts];
}

/**
 * Whether a docker command of this line may hand the user's terminal to a container's
 * main program, whatever its image is called: `docker attach`, or `docker run -t`
 * without -d (exec's REPL is named in the line: python). `-d` counts only in a line of
 * one docker command and only where pflag reads it as detach: after bool flags alone
 * in a cluster (`-dit`, `-itd`; `-pd` is -p's value `d`), never with a value (`-d=false`).
 */
function mayHandOverTerminal(line: string, names: readonly string[]): boolean {
  if (names.includes('attach')) return true;
  const tokens = line.replace(/['"]/g, '').split(/\s+/);
  const tty = tokens.some((t) => /^-[A-Za-z]*t/.test(t) || t.startsWith('--tty'));
  if (!tty) return false;
  const oneCommand = !/[;&|()\n]/.test(line) && names.filter((n) => n === 'docker').length === 1;
  const detached = tokens.some((t) => t === '--detach' || /^-[itP]*d[A-Za-z]*$/.test(t));
  return !(oneCommand && detached);
}
