/** exportShellScript: the "reproduce this on Linux" script. Pure text checks; test/kernel runs the scripts for real. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportShellScript, shellQuote } from '../../src/sim/net/export.ts';
import { Kernel } from '../../src/sim/net/kernel.ts';

function world(): Kernel {
  const k = new Kernel({ seed: 3 });
  k.addNetns('host');
  k.setLinkUp('host', 'lo', true);
  k.addAddress('host', 'lo', '127.0.0.1/8');
  k.setSysctl('host', 'net.ipv4.ip_forward', '1');
  k.addBridge('host', 'docker0');
  k.addAddress('host', 'docker0', '172.17.0.1/16', { broadcast: true });
  k.setLinkUp('host', 'docker0', true);
  k.addNetns('web');
  k.setLinkUp('web', 'lo', true);
  k.addVeth('host', 'veth0a1b2c3', 'eth0', 'web');
  k.setMaster('host', 'veth0a1b2c3', 'docker0');
  k.setLinkUp('host', 'veth0a1b2c3', true);
  k.addAddress('web', 'eth0', '172.17.0.2/16', { broadcast: true });
  k.setLinkUp('web', 'eth0', true);
  k.addRoute('web', { dst: 'default', via: '172.17.0.1' });
  k.setSysctl('host', 'net.ipv4.conf.docker0.route_localnet', '1');
  k.listen('web', { proto: 'tcp', address: '0.0.0.0', port: 80, process: 'httpd' });
  const nf = k.netns('host')!.netfilter;
  expect(nf.iptables(['-t', 'nat', '-A', 'POSTROUTING', '-s', '172.17.0.0/16', '!', '-o', 'docker0', '-j', 'MASQUERADE'], 4).exitCode).toBe(0);
  return k;
}

/** The script with each `ip -n NS -batch -` here-document written out as the `ip -n NS ...` lines it runs. */
function unbatched(text: string): string[] {
  const out: string[] = [];
  let ns: string | undefined;
  for (const line of text.split('\n')) {
    const open = /^ip -n (\S+) -batch - <<'VETHLAB_IP'$/.exec(line);
    if (open) ns = open[1];
    else if (ns !== undefined && line === 'VETHLAB_IP') ns = undefined;
    else out.push(ns === undefined ? line : `ip -n ${ns} ${line}`);
  }
  return out;
}

describe('exportShellScript', () => {
  const script = exportShellScript(world(), { prefix: 'vl-' });
  const lines = unbatched(script);

  it('runs consecutive ip commands of one namespace as one ip -batch', () => {
    const raw = script.split('\n');
    const start = raw.indexOf("ip -n vl-web -batch - <<'VETHLAB_IP'");
    expect(start).toBeGreaterThan(0);
    expect(raw.slice(start + 1, raw.indexOf('VETHLAB_IP', start))).toEqual(expect.arrayContaining(['link set dev eth0 up', 'route add default via 172.17.0.1 dev eth0']));
    // Nothing between the here-document's lines is a command of its own.
    expect(raw).not.toContain('ip -n vl-web link set dev eth0 up');
  });

  it('is a POSIX sh script that stops at the first error', () => {
    expect(lines[0]).toBe('#!/bin/sh');
    expect(lines).toContain('set -e');
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
  });

  it('prefixes every namespace and never works in the caller namespace', () => {
    expect(lines).toContain('ip netns add vl-host');
    expect(lines).toContain('ip netns add vl-web');
    for (const line of lines) {
      if (/^ip (link|addr|route|neigh)/.test(line)) throw new Error(`command outside a namespace: ${line}`);
      if (/^(iptables|sysctl)/.test(line)) throw new Error(`command outside a namespace: ${line}`);
    }
  });

  it('creates each veth pair once, both ends in their namespaces with their final names', () => {
    const veths = lines.filter((l) => l.includes('type veth'));
    expect(veths).toEqual(['ip -n vl-host link add veth0a1b2c3 type veth peer name eth0 netns vl-web']);
    expect(lines).toContain('ip -n vl-host link add docker0 type bridge');
    expect(lines).toContain('ip -n vl-host link set dev veth0a1b2c3 master docker0');
  });

  it('copies MACs, addresses, link states and non-kernel routes', () => {
    const mac = world().netns('web')!.link('eth0')!.mac;
    expect(lines).toContain(`ip -n vl-web link set dev eth0 address ${mac}`);
    expect(lines).toContain('ip -n vl-web addr add 172.17.0.2/16 broadcast 172.17.255.255 dev eth0');
    expect(lines).toContain('ip -n vl-host addr add 127.0.0.1/8 dev lo');
    expect(lines).toContain('ip -n vl-web link set dev eth0 up');
    expect(lines).toContain('ip -n vl-web route add default via 172.17.0.1 dev eth0');
    // Connected routes come with the addresses.
    expect(script).not.toContain('route add 172.17.0.0/16');
    // Addresses go on before links come up, routes after.
    expect(lines.indexOf('ip -n vl-web addr add 172.17.0.2/16 broadcast 172.17.255.255 dev eth0')).toBeLessThan(lines.indexOf('ip -n vl-web link set dev eth0 up'));
    expect(lines.indexOf('ip -n vl-web link set dev eth0 up')).toBeLessThan(lines.indexOf('ip -n vl-web route add default via 172.17.0.1 dev eth0'));
  });

  it('writes the sysctls the walk depends on', () => {
    // One sysctl command per namespace, with every setting it needs.
    const settingsOf = (ns: string) => lines.filter((l) => l.startsWith(`ip netns exec ${ns} sysctl -qw `)).flatMap((l) => l.split(' ').slice(5));
    expect(settingsOf('vl-host')).toEqual(expect.arrayContaining(['net.ipv4.ip_forward=1', 'net.bridge.bridge-nf-call-iptables=1', 'net.ipv4.conf.docker0.route_localnet=1']));
    expect(settingsOf('vl-web')).toContain('net.ipv4.ip_forward=0');
  });

  it('restores each namespace rules from its iptables-save text, and skips empty ones', () => {
    const start = lines.indexOf("ip netns exec vl-host iptables-restore <<'VETHLAB_RULES'");
    expect(start).toBeGreaterThan(0);
    const end = lines.indexOf('VETHLAB_RULES', start);
    const body = lines.slice(start + 1, end).join('\n');
    expect(body).toContain('*nat');
    expect(body).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(body).toContain('COMMIT');
    expect(script).not.toContain('vl-web iptables-restore');
  });

  it('mentions listeners only in comments', () => {
    expect(lines).toContain('# vl-web: tcp 0.0.0.0:80 (httpd)');
  });

  it('quotes words the shell would split', () => {
    expect(shellQuote('eth0')).toBe('eth0');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
    expect(shellQuote('')).toBe("''");
  });

  it('imports nothing Node-only (it ships in the browser)', () => {
    const src = readFileSync(new URL('../../src/sim/net/export.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/from ['"](node:|fs|path|child_process)/);
  });
});
