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
