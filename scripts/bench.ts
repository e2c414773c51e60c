/**
 * Benchmarks of the simulation core, printed as figures (never asserted in tests).
 * World: one host with 30 bridges and 300 containers (10 per bridge) carrying the
 * rules Docker 28 programs for them (raw PREROUTING drops per endpoint, the
 * isolation chains, MASQUERADE), then pings between random container pairs.
 *
 * Then share links: each gallery scenario's whole document (all its text) as a
 * link's data, ours (`1.DATA`: deflate with a preset dictionary, base64url)
 * beside lz-string's compressToEncodedURIComponent of the same JSON. Ours must
 * be shorter for every one: the script exits 1 when it is not.
 *
 *   npm run bench
 */
import { performance } from 'node:perf_hooks';
import LZString from 'lz-string';
import { encodeScenario, GALLERY } from '../src/scenario/index.ts';
import { Kernel } from '../src/sim/net/index.ts';
import { SeededRandom } from '../src/sim/net/rng.ts';

const BRIDGES = 30;
const PER_BRIDGE = 10;
const PINGS = Number(process.env.PINGS ?? 5000);

function ipt(k: Kernel, args: string): void {
  const r = k.netns('host')!.netfilter.iptables(args.split(' '), 4);
  if (r.exitCode !== 0) throw new Error(`iptables ${args}: ${r.stderr}`);
}

function buildWorld(): { kernel: Kernel; ips: { ns: string; ip: string }[] } {
  const k = new Kernel({ seed: 3 });
  k.addNetns('host');
  k.setLinkUp('host', 'lo', true);
  k.addAddress('host', 'lo', '127.0.0.1/8');
  k.setSysctl('host', 'net.ipv4.ip_forward', '1');
  for (const chain of ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) {
    ipt(k, `-N ${chain}`);
  }
  ipt(k, '-P FORWARD DROP');
  ipt(k, '-A FORWARD -j DOCKER-USER');
  ipt(k, '-A FORWARD -j DOCKER-FORWARD');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-CT');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1');
  ipt(k, '-A DOCKER-FORWARD -j DOCKER-BRIDGE');
  const ips: { ns: string; ip: string }[] = [];
  for (let b = 0; b < BRIDGES; b++) {
    const br = `br-${b}`;
    const net = `10.${b}.0`;
    k.addBridge('host', br);
    k.addAddress('host', br, `${net}.1/24`, { broadcast: true });
    k.setLinkUp('host', br, true);
    ipt(k, `-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
    ipt(k, `-A DOCKER-BRIDGE -o ${br} -j DOCKER`);
    ipt(k, `-A DOCKER ! -i ${br} -o ${br} -j DROP`);
    ipt(k, `-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2`);
    ipt(k, `-I DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP`);
    ipt(k, `-A DOCKER-FORWARD -i ${br} -j ACCEPT`);
    ipt(k, `-t nat -I POSTROUTING -s ${net}.0/24 ! -o ${br} -j MASQUERADE`);
    for (let c = 0; c < PER_BRIDGE; c++) {
      const ns = `c${b}-${c}`;
      const ip = `${net}.${c + 2}`;
      k.addNetns(ns);
      k.setLinkUp(ns, 'lo', true);
      k.addAddress(ns, 'lo', '127.0.0.1/8');
      k.addVeth('host', `veth${b}x${c}`, 'eth0', ns);
      k.setMaster('host', `veth${b}x${c}`, br);
      k.setLinkUp('host', `veth${b}x${c}`, true);
      k.addAddress(ns, 'eth0', `${ip}/24`, { broadcast: true });
      k.setLinkUp(ns, 'eth0', true);
      k.addRoute(ns, { dst: 'default', via: `${net}.1` });
      ipt(k, `-t raw -A PREROUTING -d ${ip}/32 ! -i ${br} -j DROP`);
      ips.push({ ns, ip });
    }
  }
  return { kernel: k, ips };
}

function main(): void {
  const t0 = performance.now();
  const { kernel, ips } = buildWorld();
  const buildMs = performance.now() - t0;
  const rnd = new SeededRandom(11);
  const pick = () => ips[rnd.nextUint32() % ips.length]!;
  // Half the pings stay on one bridge (replied), half cross bridges (dropped by Docker's raw rules).
  const pair = (i: number) => {
    const from = pick();
    if (i % 2 === 1) return { from, to: pick() };
    const bridge = Math.floor(ips.indexOf(from) / PER_BRIDGE);
    return { from, to: ips[bridge * PER_BRIDGE + (rnd.nextUint32() % PER_BRIDGE)]! };
  };
  // Warm up the neighbour caches and the JIT.
  for (let i = 0; i < 500; i++) {
    const { from, to } = pair(i);
    kernel.probe({ kind: 'icmp-echo', from: from.ns, dst: to.ip });
  }
  const outcomes = new Map<string, number>();
  const heapBefore = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  for (let i = 0; i < PINGS; i++) {
    const { from, to } = pair(i);
    const trace = kernel.probe({ kind: 'icmp-echo', from: from.ns, dst: to.ip });
    outcomes.set(trace.outcome.kind, (outcomes.get(trace.outcome.kind) ?? 0) + 1);
  }
  const pingMs = (performance.now() - t1) / PINGS;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`world: ${BRIDGES} bridges, ${ips.length} containers, ${ips.length + BRIDGES * 7} host rules; built in ${buildMs.toFixed(0)} ms`);
  console.log(`ping: ${pingMs.toFixed(3)} ms per probe over ${PINGS} random pairs (budget 0.2 ms)`);
  console.log(`outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`heap: ${heapMb.toFixed(1)} MiB (before timed pings ${(heapBefore / 2 ** 20).toFixed(1)} MiB)`);
}

interface LinkSize {
  id: string;
  ours: number;
  lz: number;
}

/** Characters of each gallery scenario's link data, ours and lz-string's. */
function linkSizes(): LinkSize[] {
  return GALLERY.map(({ id, doc }) => ({
    id,
    ours: encodeScenario(doc).length,
    lz: LZString.compressToEncodedURIComponent(JSON.stringify(doc)).length,
  }));
}

/** Prints the table and the verdict; true when ours is shorter for every scenario. */
function linkBench(): boolean {
  const sizes = linkSizes();
  const width = Math.max('scenario'.length, ...sizes.map((s) => s.id.length));
  const row = (a: string, b: string, c: string, d: string) => `${a.padEnd(width)}  ${b.padStart(6)}  ${c.padStart(9)}  ${d.padStart(5)}`;
  console.log('\nshare links: characters of each gallery scenario\'s whole document as link data');
  console.log(row('scenario', 'ours', 'lz-string', 'ratio'));
  for (const s of sizes) console.log(row(s.id, String(s.ours), String(s.lz), (s.ours / s.lz).toFixed(2)));
  const total = (k: 'ours' | 'lz') => sizes.reduce((n, s) => n + s[k], 0);
  console.log(row('total', String(total('ours')), String(total('lz')), (total('ours') / total('lz')).toFixed(2)));
  const longer = sizes.filter((s) => s.ours >= s.lz);
  console.log(longer.length === 0 ? `check: ours is shorter for all ${sizes.length} scenarios` : `check FAILED: ours is not shorter for ${longer.map((s) => s.id).join(', ')}`);
  return longer.length === 0;
}

main();
if (!linkBench()) process.exitCode = 1;
