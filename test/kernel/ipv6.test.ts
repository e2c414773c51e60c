/**
 * IPv6 against the real kernel of this machine. The ip6tables rules the simulated
 * dockerd programs for a dual-stack network with a published port load into a
 * real namespace with ip6tables-restore and save back to the same text; with them
 * in place (FORWARD policy DROP) real ICMPv6 echo, neighbour discovery included,
 * crosses the bridge between two containers and reaches the gateway, while a LAN
 * host routing to a container's address is dropped. The differential: the same
 * IPv6 probes (echo to a container, the gateway, an address nobody has, a prefix
 * nobody routes; from a container and from the host) end the same way in the
 * simulator's walk (observedResult) as iputils ping sees them on the real kernel.
 * The "Reproduce on Linux" script of a dual-stack world builds on the real kernel
 * with the simulator's IPv6 addresses (link-local ones included, from the same
 * MACs), routes and ip6tables rules. Skipped where the kernel suite is, or without
 * ip6tables-restore or IPv6 in the kernel.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTranscript, runScript } from '../../src/cli/transcript.ts';
import { observedResult, type Observed } from '../../src/sim/net/trace.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { linuxExportOptions, linuxScript } from '../../src/scenario/export/linux.ts';
import { replay } from '../../src/scenario/scenario.ts';
import { nextPrefix, noKernelReason } from './env.ts';

function sh(argv: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(argv[0]!, argv.slice(1), { input, encoding: 'utf8', timeout: 30000 });
  return { code: r.status ?? 128, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

const skipReason =
  noKernelReason ??
  (sh(['sh', '-c', 'command -v ip6tables-restore']).code !== 0 ? 'ip6tables-restore not installed' : sh(['test', '-d', '/proc/sys/net/ipv6']).code !== 0 ? 'the kernel has no IPv6' : undefined);
if (skipReason !== undefined) console.log(`kernel ipv6: skipped (${skipReason})`);

/** dockerd's world: v6b, two containers and a published port. */
const WORLD = [
  'docker network create --ipv6 --subnet 2001:db8:1::/64 v6b',
  'docker run -itd --name a1 --network v6b busybox',
  'docker run -itd --name a2 --network v6b busybox',
  'docker run -d --name web --network v6b -p 8080:80 httpd',
];

/** What the simulator's `ip6tables-save` prints after dockerd set up WORLD; and v6b's bridge. */
function simulatedRules(): { save: string; bridge: string } {
  const script = [...WORLD, 'ip6tables-save'].join('\n');
  const text = formatTranscript(runScript(script).entries);
  const save = text.slice(text.indexOf('$ ip6tables-save\n') + '$ ip6tables-save\n'.length);
  const bridge = /-o (br-[0-9a-f]{12}) /.exec(save)?.[1] ?? '';
  return { save, bridge };
}

/** ip6tables-save without its dated comments and counters. */
const comparable = (save: string) => save.split('\n').filter((l) => !l.startsWith('#') && l !== '').map((l) => l.replace(/ \[\d+:\d+\]$/, ' [0:0]')).join('\n');

const prefix = nextPrefix('v6');
const ns = (name: string) => `${prefix}${name}`;
const made: string[] = [];

afterAll(() => {
  for (const n of made) sh(['ip', 'netns', 'del', n]);
});

describe.skipIf(skipReason !== undefined)('IPv6 on the real kernel with the simulated ip6tables rules', () => {
  it('loads the rules and saves them back unchanged', () => {
    const { save } = simulatedRules();
    expect(save).toContain('-A DOCKER ! -s fe80::/10 ! -i br-');
    made.push(ns('rules'));
    expect(sh(['ip', 'netns', 'add', ns('rules')]).code).toBe(0);
    const restore = sh(['ip', 'netns', 'exec', ns('rules'), 'ip6tables-restore'], save);
    expect(restore.stderr).toBe('');
    const back = sh(['ip', 'netns', 'exec', ns('rules'), 'ip6tables-save']);
    expect(comparable(back.stdout)).toBe(comparable(save));
  });

  it('passes ICMPv6 echo between containers and to the gateway, and drops a LAN host routing to a container', () => {
    const { save, bridge } = simulatedRules();
    const [host, c1, c2, lan] = ['host', 'c1', 'c2', 'lan'].map(ns) as [string, string, string, string];
    const setup = [
      'set -e',
      ...[host, c1, c2, lan].flatMap((n) => [`ip netns add ${n}`, `ip netns exec ${n} sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0`, `ip -n ${n} link set lo up`]),
      `ip -n ${host} link add ${bridge} type bridge`,
      `ip -n ${host} link add veth1 type veth peer name eth0 netns ${c1}`,
      `ip -n ${host} link add veth2 type veth peer name eth0 netns ${c2}`,
      `ip -n ${host} link add eth0 type veth peer name eth0 netns ${lan}`,
      `ip -n ${host} link set veth1 master ${bridge}`,
      `ip -n ${host} link set veth2 master ${bridge}`,
      `ip -n ${host} addr add 2001:db8:1::1/64 dev ${bridge} nodad`,
      `ip -n ${host} addr add 2001:db8:ff::1/64 dev eth0 nodad`,
      `ip -n ${c1} addr add 2001:db8:1::2/64 dev eth0 nodad`,
      `ip -n ${c2} addr add 2001:db8:1::3/64 dev eth0 nodad`,
      `ip -n ${lan} addr add 2001:db8:ff::20/64 dev eth0 nodad`,
      ...[bridge, 'veth1', 'veth2', 'eth0'].map((d) => `ip -n ${host} link set ${d} up`),
      ...[c1, c2, lan].map((n) => `ip -n ${n} link set eth0 up`),
      `ip -n ${c1} -6 route add default via 2001:db8:1::1`,
      `ip -n ${c2} -6 route add default via 2001:db8:1::1`,
      `ip -n ${lan} -6 route add 2001:db8:1::/64 via 2001:db8:ff::1`,
      `ip netns exec ${host} sysctl -qw net.ipv6.conf.all.forwarding=1`,
      `ip netns exec ${host} sysctl -qw net.bridge.bridge-nf-call-ip6tables=1`,
    ].join('\n');
    made.push(host, c1, c2, lan);
    const built = sh(['sh', '-c', setup]);
    expect(built.stderr).toBe('');
    expect(sh(['ip', 'netns', 'exec', host, 'ip6tables-restore'], save).stderr).toBe('');
    const ping = (from: string, dst: string) => (sh(['ip', 'netns', 'exec', from, 'ping', '-6', '-c', '1', '-W', '2', dst]).code === 0 ? 'reply' : 'no reply');
    expect([ping(c1, '2001:db8:1::3'), ping(c1, '2001:db8:1::1'), ping(lan, '2001:db8:1::2')]).toEqual(['reply', 'reply', 'no reply']);
    // The LAN's echo died in the raw table, before any routing.
    const raw = sh(['ip', 'netns', 'exec', host, 'ip6tables', '-t', 'raw', '-L', 'PREROUTING', '-v', '-n', '-x']).stdout;
    expect(raw).toMatch(/^\s+[1-9]\d*\s+\d+\s+DROP\s.*2001:db8:1::2(\s|$)/m);

    // The differential: each probe ends the same way in the simulator's walk as on the real kernel.
    // Neighbour discovery gives up after 0.3 s here (as the IPv4 suite's ARP does), ICMPv6 errors are not rate limited.
    // (Per device: the devices exist already, and a device's neigh settings are copied from default when it is made.)
    for (const [n, dev] of [[host, bridge], [c1, 'eth0']] as const) sh(['ip', 'netns', 'exec', n, 'sysctl', '-qw', `net.ipv6.neigh.${dev}.retrans_time_ms=100`, 'net.ipv6.icmp.ratelimit=0']);
    const sim = new Simulator();
    for (const line of WORLD) sim.runScriptLine(line);
    const probes: [simFrom: string, realFrom: string, dst: string][] = [
      ['container:a1', c1, '2001:db8:1::3'],
      ['container:a1', c1, '2001:db8:1::1'],
      ['container:a1', c1, '2001:db8:1::99'],
      ['container:a1', c1, '2001:db8:99::1'],
      ['host', host, '2001:db8:1::2'],
      ['host', host, '2001:db8:1::99'],
    ];
    const report = probes.map(([simFrom, realFrom, dst]) => {
      const simulated = observedResult(sim.kernel.probe({ kind: 'icmp-echo', from: simFrom, dst }));
      return `${simFrom} -> ${dst}: sim ${simulated}, real ${realPing(realFrom, dst)}`;
    });
    console.log(`kernel ipv6 differential:\n  ${report.join('\n  ')}`);
    expect(report.filter((line) => !/sim (\S+), real \1$/.test(line))).toEqual([]);
    // Not every probe may end alike: the set covers a reply, an unreachable neighbour and a missing route.
    expect(report.map((line) => /real (\S+)$/.exec(line)![1])).toEqual(['reply', 'reply', 'unreachable', 'unreachable', 'reply', 'unreachable']);
  });

  it('rebuilds a dual-stack world from its Linux export: the same IPv6 addresses, routes and ip6tables rules', () => {
    const { sim } = replay([
      'docker network create --ipv6 --subnet 2001:db8:1::/64 v6b',
      'docker run -itd --name a1 --network v6b busybox',
      'docker run -d --name web --network v6b -p 8080:80 -p [::1]:8082:80 httpd',
      'docker run -itd --name old busybox',
    ]);
    const kernel = sim.engine.kernel;
    const exportPrefix = `${prefix}x-`;
    const script = linuxScript(kernel, { prefix: exportPrefix });
    const rename = linuxExportOptions(kernel, exportPrefix).rename!;
    const names = kernel.namespaces().map((n) => `${exportPrefix}${rename(n.name)}`);
    made.push(...names);
    const built = sh(['sh', '-s'], script);
    expect(built.code, built.stderr).toBe(0);
    for (const view of kernel.namespaces()) {
      const real = `${exportPrefix}${rename(view.name)}`;
      // Addresses as sets: the real kernel numbers links in its own order.
      const realAddrs = sh(['ip', '-n', real, '-6', '-o', 'addr'])
        .stdout.split('\n')
        .filter((l) => l !== '')
        .map((l) => { const w = l.split(/\s+/); return `${w[1]} ${w[3]}`; })
        .sort();
      expect(realAddrs, real).toEqual(view.addresses6().map((a) => `${a.ifname} ${a.address}/${a.prefixLen}`).sort());
      const defaults = sh(['ip', '-n', real, '-6', 'route', 'show', 'default']).stdout.trim();
      const simDefault = view.routes6().find((r) => r.dst === 'default');
      expect(defaults, real).toBe(simDefault ? `default via ${simDefault.via} dev ${simDefault.dev} metric ${simDefault.metric} pref medium` : '');
      const saved = view.netfilter.save([], 6, kernel.now);
      const realRules = sh(['ip', 'netns', 'exec', real, 'ip6tables-save']).stdout;
      expect(comparable(realRules), real).toBe(comparable(saved.stdout));
    }
    expect(names.filter((n) => n.endsWith('-host'))).toHaveLength(1);
    expect(comparable(sh(['ip', 'netns', 'exec', `${exportPrefix}host`, 'ip6tables-save', '-t', 'nat']).stdout)).toContain('-A DOCKER ! -s fe80::/10 -d ::1/128 ! -i br-');
    const cleaned = sh(['sh', '-s', '--', '--cleanup'], script);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    const left = sh(['ip', 'netns', 'list']).stdout.split('\n').map((l) => l.split(' ')[0]).filter((n) => n !== undefined && names.includes(n));
    expect(left).toEqual([]);
  });
});

/** What iputils ping reports for one echo over IPv6, in observedResult's words (every ICMPv6 error is "unreachable" to ping). */
function realPing(netns: string, dst: string): Observed {
  const r = sh(['ip', 'netns', 'exec', netns, 'ping', '-6', '-c', '1', '-W', '2', dst]);
  if (r.code === 0) return 'reply';
  if (/Network is unreachable/.test(r.stderr)) return 'no-route';
  if (/Time exceeded/.test(r.stdout)) return 'ttl-exceeded';
  if (/Destination unreachable/.test(r.stdout)) return 'unreachable';
  return 'timeout';
}
