/** `vethlab export --linux`: the world of a script or scenario file as a script for a real Linux machine. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/vethlab', import.meta.url));
const DOCKER_USER = fileURLToPath(new URL('../../src/scenario/gallery/scenarios/10-docker-user.yaml', import.meta.url));

function vethlab(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('vethlab export --linux', { timeout: 60_000 }, () => {
  it('prints the script of a script\'s world on standard output', () => {
    const r = vethlab(['export', '--linux', '--prefix', 'lab-', '-'], 'docker network create net1\ndocker run -dit --name c1 --network net1 busybox\n');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout.startsWith('#!/bin/sh\n# A vethlab world rebuilt on the real Linux kernel, without Docker.\n')).toBe(true);
    expect(r.stdout).toContain('ip netns add lab-c1\n');
    expect(r.stdout).toMatch(/ip -n lab-c1 link add eth0 type veth peer name veth[0-9a-f]{7} netns lab-host\n/);
  });

  it('writes a scenario\'s world after --step N to an executable file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vethlab-export-')), 'docker-user.sh');
    const r = vethlab(['export', '--linux', '--step', '2', '-o', out, DOCKER_USER]);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: `vethlab: wrote ${out}; run it with: sudo sh ${out} (and sudo sh ${out} --cleanup to remove it)\n` });
    const script = readFileSync(out, 'utf8');
    expect(script).toContain('# "A DOCKER-USER rule that blocks one container": a vethlab world');
    // Step 2 inserted the DOCKER-USER rule: it is in the host's rules.
    expect(script).toContain('-A DOCKER-USER -s 172.18.0.3/32 -j DROP\n');
    expect(statSync(out).mode & 0o777).toBe(0o755);
  });

  it('refuses what it cannot do, with the usage', () => {
    const noFormat = vethlab(['export', DOCKER_USER]);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr.split('\n')[0]).toBe('vethlab: export needs the format: --linux (the only one so far)');
    const badStep = vethlab(['export', '--linux', '--step', '99', DOCKER_USER]);
    expect(badStep.status).toBe(2);
    expect(badStep.stderr.split('\n')[0]).toBe('vethlab: --step 99: the scenario has 8 steps');
  });
});
