/**
 * Command lines for the fuzzer: the gallery's own lines (which build worlds
 * worth breaking), those lines mutated (tokens dropped, doubled, swapped or
 * replaced; flags without values; stray quotes; unicode; huge arguments;
 * control characters; cut mid-word), and lines of words from real commands in
 * random order. All from one seeded generator, so a failure names a line that
 * comes back on the next run.
 */
import { GALLERY } from '../../src/scenario/gallery/index.ts';

/** mulberry32: small, seeded, the same sequence on every machine. */
export class FuzzRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Words of real command lines, for lines of random words and for insertions. */
export const WORDS = [
  'docker', 'run', 'create', 'exec', 'network', 'connect', 'disconnect', 'inspect', 'rm', 'ps', 'port', 'logs', 'stop', 'start', 'kill', 'images', 'prune', 'ls',
  '-d', '-it', '-itd', '--rm', '--name', 'web', 'c1', '--network', 'net1', 'host', 'none', 'container:web', '--ip', '10.1.0.5', '-p', '8080:80', '80', '-P',
  '--link', 'web:db', '-f', '{{.Name}}', '{{json .NetworkSettings}}', '{{range .x}}', '--subnet', '10.1.0.0/24', '172.17.0.0/16', '--internal', '-o',
  'busybox', 'httpd', 'redis', 'alpine', 'ubuntu', 'nosuchimage', 'sh', '-c', 'ping', '-c', '1', '-W', '172.17.0.2', 'wget', '-qO-', 'http://web', 'nc', '-zv',
  'ip', 'a', 'route', 'link', 'show', 'add', 'del', 'dev', 'eth0', 'brctl', 'iptables', '-t', 'nat', '-S', '-A', 'DOCKER-USER', '-j', 'DROP', '-I', 'iptables-save',
  'cat', '/etc/hosts', 'ls', '/', 'sed', 's/a/b/', 'sort', '-n', 'grep', 'x', '|', '&&', '||', ';', '>', '/tmp/f', '2>&1', "'", '"', '$(', ')', '`', '$X', 'lan$', 'gw$',
  '-N', 'MYCHAIN', '-X', '-F', '-Z', '-E', 'RENAMED', '-j', 'MYCHAIN', '-g', 'DOCKER', '-D', '1', 'iptables-restore', '--noflush', 'veth0', 'veth1', 'type', 'veth', 'peer', 'name',
  'netns', 'set', 'master', 'docker0', 'up', 'down', 'bridge', 'addr', '10.1.0.9/24', 'sysctl', '-w', 'net.ipv4.ip_forward=0', 'restart', 'pause', 'unpause', 'rename',
  '--ip-range', '10.1.0.0/28', '--gateway', '10.1.0.1', '--alias', 'db', '--cap-add', 'NET_ADMIN', '--network-alias', 'x', 'compose', 'up', 'down', 'curl', 'localhost:8080',
];

/** Text that breaks naive handling: other scripts, combining marks, emoji, right-to-left, markup. */
const ODD_TEXT = ['é', 'Ω', 'ネット', '🐳', '\u202e', 'e\u0301', '\u200b', '\u00a0', '<img src=x onerror=alert(1)>', '${IFS}', '%s%n', '../../..', '\\', '*', '?', '[', '{a,b}', '~'];

/** Control characters as a paste could carry them (NUL, bell, backspace, escape, DEL, CR, tab). */
const CONTROL = ['\x00', '\x07', '\x08', '\x1b', '\x1b[2J', '\x7f', '\r', '\t', '\x03', '\x04', '\v', '\f'];

/** Every line the gallery runs: setups and steps. */
export function galleryLines(): string[] {
  return GALLERY.flatMap((s) => [...s.commands, ...s.steps.map((step) => step.command)]);
}

function hugeArgument(random: FuzzRandom): string {
  const size = random.pick([256, 4096, 70_000]);
  return random.pick(['a', '9', 'x.', '-', '/', 'é']).repeat(size).slice(0, size);
}

function oddWord(random: FuzzRandom): string {
  switch (random.int(5)) {
    case 0:
      return random.pick(ODD_TEXT);
    case 1:
      return random.pick(CONTROL);
    case 2:
      return hugeArgument(random);
    case 3:
      return random.pick(['"', "'"]) + random.pick(WORDS);
    default:
      return random.pick(WORDS) + random.pick(ODD_TEXT);
  }
}

/** One line changed one to three ways. */
function mutate(line: string, random: FuzzRandom): string {
  let tokens = line.split(' ');
  const times = 1 + random.int(3);
  for (let i = 0; i < times; i++) {
    const at = random.int(tokens.length + 1);
    switch (random.int(9)) {
      case 0:
        tokens.splice(at, 1);
        break;
      case 1:
        tokens.splice(at, 0, tokens[at] ?? random.pick(WORDS));
        break;
      case 2: {
        const other = random.int(tokens.length);
        [tokens[at], tokens[other]] = [tokens[other] ?? '', tokens[at] ?? ''];
        break;
      }
      case 3:
        tokens.splice(at, 0, random.pick(WORDS));
        break;
      case 4:
        tokens[at] = random.pick(WORDS);
        break;
      case 5:
        tokens.splice(at, 0, oddWord(random));
        break;
      case 6:
        tokens[at] = (tokens[at] ?? '') + random.pick([...ODD_TEXT, ...CONTROL]);
        break;
      case 7:
        // A flag left without its value: the line ends right after one.
        tokens = tokens.slice(0, Math.max(1, at));
        break;
      default: {
        const text = tokens.join(' ');
        return text.slice(0, random.int(text.length + 1));
      }
    }
  }
  return tokens.join(' ');
}

/** Lines that take the world's own things apart: its containers, networks, veths and chains by name. */
function attack(random: FuzzRandom, names: WorldNames): string {
  const container = random.pick(names.containers.length > 0 ? names.containers : ['web']);
  const network = random.pick(names.networks.length > 0 ? names.networks : ['net1']);
  const link = random.pick(names.links.length > 0 ? names.links : ['docker0']);
  const chain = random.pick(names.chains.length > 0 ? names.chains : ['DOCKER']);
  return random.pick([
    `ip link del ${link}`,
    `ip link set ${link} down`,
    `ip link set ${link} nomaster`,
    `ip link set ${link} netns ${random.pick(['gw', 'lan', '1'])}`,
    `ip addr flush dev ${link}`,
    `iptables -F ${chain}`,
    `iptables -X ${chain}`,
    `iptables -t nat -F ${chain}`,
    `iptables -t nat -X ${chain}`,
    `iptables -E ${chain} ${chain}2`,
    `iptables -A FORWARD -j ${chain}`,
    `iptables -N ${chain}`,
    `iptables -F; iptables -X`,
    `iptables -t nat -F; iptables -t nat -X`,
    'iptables-save > /tmp/r; iptables -F; iptables-restore < /tmp/r',
    `docker network rm ${network}`,
    `docker network disconnect ${network} ${container}`,
    `docker network connect ${network} ${container}`,
    `docker network connect --ip 10.1.0.5 ${network} ${container}`,
    `docker rm -f ${container}`,
    `docker stop ${container}`,
    `docker start ${container}`,
    `docker restart ${container}`,
    `docker kill ${container}`,
    `docker pause ${container}`,
    `docker rename ${container} ${container}x`,
    `docker exec ${container} ip link del eth0`,
    `docker exec ${container} ip addr flush dev eth0`,
    `docker run -d --network container:${container} busybox sleep 9`,
    `docker run -d --network ${network} --ip ${random.pick(names.addresses.length > 0 ? names.addresses : ['172.17.0.2'])} busybox sleep 9`,
    `docker network prune -f`,
    'docker container prune -f',
    `ip link add ${link}a type veth peer name ${link}b`,
    `ip link set ${link} master docker0`,
  ]);
}

/** What a world has, by name, for lines that aim at it. */
export interface WorldNames {
  containers: readonly string[];
  networks: readonly string[];
  /** Devices of the Docker host. */
  links: readonly string[];
  /** Chains of the host's filter and nat tables. */
  chains: readonly string[];
  /** Addresses in use on Docker's networks. */
  addresses: readonly string[];
}

/**
 * The next fuzz line: a line of the world's own scenario or of the gallery, as
 * is or mutated, a line aimed at the world's things, or random words.
 */
export function fuzzLine(random: FuzzRandom, pool: readonly string[], own: readonly string[], names: WorldNames): string {
  const roll = random.next();
  const source = own.length > 0 && random.chance(0.5) ? own : pool;
  if (roll < 0.25) return random.pick(source);
  if (roll < 0.6) return mutate(random.pick(source), random);
  if (roll < 0.8) return attack(random, names);
  const words = Array.from({ length: 1 + random.int(9) }, () => (random.chance(0.1) ? oddWord(random) : random.pick(WORDS)));
  return words.join(' ');
}
