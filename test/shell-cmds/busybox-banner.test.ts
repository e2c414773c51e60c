/**
 * Each image's busybox prints its own build's banner above an applet's usage
 * (src/sim/shell/busybox.ts names where each line was seen: alpine:3.20 pulled in
 * October 2026, alpine:latest's `ls --help`, busybox:latest's `sleep` given bad
 * arguments); the rig's images keep Debian's busybox-static 1.35.0 line, which
 * the goldens hold.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const firstStderrLine = (sim: Simulator, line: string) => sim.runScriptLine(line).stderr.split('\n')[0];

describe("busybox's banner per image", () => {
  it("alpine:latest, alpine:3.20, an Alpine-based official image and busybox:1.37 (pulled; the playground's busybox:latest is the rig's) print their own builds", () => {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('docker run -d --name al alpine sleep 1000');
    sim.runScriptLine('docker run -d --name old alpine:3.20 sleep 1000');
    sim.runScriptLine('docker run -d --name web nginx:alpine');
    sim.runScriptLine('docker run -d --name bb busybox:1.37 sleep 1000');
    expect(firstStderrLine(sim, 'docker exec al grep')).toBe('BusyBox v1.37.0 (2026-01-10 15:38:28 UTC) multi-call binary.');
    expect(firstStderrLine(sim, 'docker exec old grep')).toBe('BusyBox v1.36.1 (2025-11-23 14:32:18 UTC) multi-call binary.');
    expect(firstStderrLine(sim, 'docker exec web sed')).toBe('BusyBox v1.37.0 (2026-01-10 15:38:28 UTC) multi-call binary.');
    expect(firstStderrLine(sim, 'docker exec bb sleep')).toBe('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.');
    // Inside a shell too, after the applet's own first line; the rest of the usage is unchanged.
    const sorted = sim.runScriptLine("docker exec al sh -c 'sort -x'").stderr.split('\n');
    expect(sorted.slice(0, 3)).toEqual(["sort: invalid option -- 'x'", 'BusyBox v1.37.0 (2026-01-10 15:38:28 UTC) multi-call binary.', '']);
    expect(sorted[3]).toMatch(/^Usage: sort /);
    // Debian's tools have no banner.
    sim.runScriptLine('docker run -d --name deb debian sleep 1000');
    expect(sim.runScriptLine('docker exec deb grep').stderr).not.toContain('BusyBox');
  });

  it("the rig's images keep Debian's busybox-static 1.35.0 banner", () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name rb busybox sleep 1000');
    expect(firstStderrLine(sim, 'docker exec rb grep')).toBe('BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.');
  });
});
