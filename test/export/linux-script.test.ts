/**
 * The "Reproduce on Linux" script (src/scenario/export/linux.ts) as text: what a
 * reader runs. test/kernel/gallery-export.test.ts runs it for real.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { linuxScript, namespaceRenamer } from '../../src/scenario/export/linux.ts';
import { replay } from '../../src/scenario/scenario.ts';

const world = (lines: string[]) => replay(lines).sim.engine.kernel;

describe('linuxScript', () => {
  const kernel = world(['docker network create net1', 'docker run -dit --name web --network net1 -p 8080:80 httpd', 'docker run -dit --name host busybox']);
  const script = linuxScript(kernel, { title: 'Two containers' });
  const lines = script.split('\n');

  it('is a POSIX shell script that sh parses', () => {
    expect(lines[0]).toBe('#!/bin/sh');
    const parsed = spawnSync('sh', ['-n'], { input: script, encoding: 'utf8' });
    expect(parsed.stderr).toBe('');
    expect(parsed.status).toBe(0);
  });

  it('says in its header that only its own namespaces are touched, and how to remove them', () => {
    const header = lines.slice(0, lines.indexOf('')).join('\n');
    expect(header).toContain('"Two containers": a vethlab world rebuilt on the real Linux kernel, without Docker.');
    expect(header).toContain("Your machine's own");
    expect(header).toContain('sudo sh FILE --cleanup  removes everything it made');
  });

  it('names one namespace per container after it, the Docker host vl-host, and renames a container that collides', () => {
    expect(lines).toContain("NAMESPACES='vl-ctr-host vl-web vl-gw vl-host vl-lan'");
    expect(lines).toContain('ip netns add vl-web');
    expect(lines).toContain('ip netns add vl-ctr-host');
    const rename = namespaceRenamer(kernel);
    expect(['container:web', 'container:host', 'host', 'lan', 'gw'].map(rename)).toEqual(['web', 'ctr-host', 'host', 'lan', 'gw']);
  });

  it('checks root, iproute2, iptables and leftovers before making anything, and cleans up a failed build', () => {
    const firstNetns = lines.findIndex((l) => l.startsWith('ip netns add'));
    const before = lines.slice(0, firstNetns).join('\n');
    expect(before).toContain('[ "$(id -u)" = 0 ] || fail "run me as root: sudo sh $0"');
    expect(before).toContain('install iproute2');
    expect(before).toContain('install iptables');
    expect(before).toContain('exists already: remove the last build first');
    expect(before).toMatch(/trap '.*cleanup.*' EXIT\nset -e/);
    expect(before).toContain('--cleanup)');
  });

  it('creates the veth pairs with the simulator\'s names and restores the host\'s rules inside vl-host only', () => {
    const hostVeth = kernel.namespaces().find((n) => n.name === 'host')!.links().find((l) => l.kind === 'veth' && l.peer?.netns === 'container:web')!;
    expect(lines).toContain(`ip -n vl-web link add eth0 type veth peer name ${hostVeth.name} netns vl-host`);
    expect(lines).toContain("ip netns exec vl-host iptables-restore <<'VETHLAB_RULES'");
    expect(script).toContain('-A DOCKER ! -i br-');
    // Nothing runs in the machine's own namespace: every ip, sysctl and iptables command names one of ours.
    const commands = lines.slice(lines.findIndex((l) => l.startsWith('ip netns add'))).filter((l) => /^(ip|sysctl|iptables|modprobe)/.test(l) && l !== 'modprobe br_netfilter 2>/dev/null || true');
    expect(commands.length).toBeGreaterThan(20);
    for (const c of commands) expect(c, c).toMatch(/^ip (-n vl-\S+ |netns (add|exec) vl-\S+)/);
  });

  it('takes a prefix of its own, and refuses one that would not make names', () => {
    expect(linuxScript(kernel, { prefix: 'lab1-' })).toContain('ip netns add lab1-web');
    expect(() => linuxScript(kernel, { prefix: 'a b' })).toThrow('invalid namespace prefix "a b"');
  });

  it('is the same text for the same world (no dates, no randomness)', () => {
    expect(linuxScript(world(['docker run -dit --name web httpd']))).toBe(linuxScript(world(['docker run -dit --name web httpd'])));
  });
});

describe('linuxScript of a dual-stack world', () => {
  const kernel = world(['docker network create --ipv6 --subnet 2001:db8:1::/64 v6b', 'docker run -dit --name web --network v6b -p [::1]:8082:80 httpd', 'docker run -dit --name old busybox']);
  const script = linuxScript(kernel);
  const lines = script.split('\n');
  const bridge = kernel.namespaces().find((n) => n.name === 'host')!.links().find((l) => l.name.startsWith('br-'))!.name;

  it('needs ip6tables-restore and IPv6 in the kernel, which an IPv4 world does not', () => {
    expect(script).toContain('command -v ip6tables-restore >/dev/null 2>&1 || fail "ip6tables-restore not found: install iptables');
    expect(script).toContain('[ -d /proc/sys/net/ipv6 ] || fail');
    const v4 = linuxScript(world(['docker run -dit --name web httpd']));
    expect(v4).not.toMatch(/ip6tables|-6 addr|-6 route/);
    // A container of an IPv4 network has no IPv6 in any world, as Docker leaves it.
    expect(v4).toContain('ip netns exec vl-web sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1');
  });

  /** The commands a namespace's ip batches run (the bridges', then the rest). */
  const batchOf = (ns: string) =>
    lines.flatMap((l, start) => (l === `ip -n ${ns} -batch - <<'VETHLAB_IP'` ? lines.slice(start + 1, lines.indexOf('VETHLAB_IP', start)) : []));

  it('gives the global IPv6 addresses without DAD, the default route, forwarding, and no IPv6 on a container of an IPv4 network', () => {
    expect(batchOf('vl-host')).toContain(`addr add 2001:db8:1::1/64 dev ${bridge} nodad`);
    expect(batchOf('vl-web')).toEqual(expect.arrayContaining(['addr add 2001:db8:1::2/64 dev eth0 nodad', 'route add ::/0 via 2001:db8:1::1 dev eth0 metric 1024']));
    expect(lines.find((l) => l.startsWith('ip netns exec vl-host sysctl -qw net.ipv4.ip_forward=1'))).toContain('net.ipv6.conf.all.forwarding=1');
    expect(lines).toContain('ip netns exec vl-old sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1');
    // Link-local and loopback addresses are the kernel's own: the script never adds them.
    expect(script).not.toMatch(/addr add (fe80|::1)/);
  });

  it('runs each namespace\'s links, addresses and routes as one ip batch, in the order the kernel needs', () => {
    const web = batchOf('vl-web');
    const at = (prefix: string) => web.findIndex((l) => l.startsWith(prefix));
    expect(at('link set dev eth0 address ')).toBe(0);
    expect(at('addr add 172.18.0.2/16')).toBeLessThan(at('link set dev eth0 up'));
    expect(at('link set dev eth0 up')).toBeLessThan(at('route add ::/0'));
    expect(lines.filter((l) => l.startsWith('ip -n vl-web '))).toHaveLength(2); // the veth pair, then the batch
  });

  it('restores the host\'s ip6tables rules, the [::1] DNAT among them', () => {
    const start = lines.indexOf("ip netns exec vl-host ip6tables-restore <<'VETHLAB_RULES6'");
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start, lines.indexOf('VETHLAB_RULES6', start)).join('\n');
    expect(block).toContain(`-A DOCKER ! -s fe80::/10 -d ::1/128 ! -i ${bridge} -p tcp -m tcp --dport 8082 -j DNAT --to-destination [2001:db8:1::2]:80`);
    expect(spawnSync('sh', ['-n'], { input: script, encoding: 'utf8' }).status).toBe(0);
  });
});
