/**
 * socat -h and -V. The rig has no socat. -h's text is socat 1.8.0.3's socat.c
 * socat_usage() and xiohelp.c xioopenhelp() at level 0 (each canonical address
 * keyword, its parameters from the address's HELP(), its option groups, tabs to
 * column 40), taken from the 1.8.0.3 tarball (github.com/codacy-open-source-projects-scans/socat,
 * commit 681f14a) built and run; socat.c's option loop: -h, -? and -h with other
 * letters print it and exit 0, a second h or ? asks for the option list (-hh),
 * -V with letters after prints the usage on stderr and exits 1.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker run -d --name cli alpine sleep 1000');
  sh('docker exec cli apk add socat');
  return { sh };
}

describe('socat -h and -V', () => {
  it('-h prints the usage, then every address keyword with its parameters and groups, and exits 0', () => {
    const { sh } = world();
    const out = sh('docker exec cli socat -h');
    expect(out).toMatchObject({ stderr: '', exitCode: 0 });
    const lines = out.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['socat by Gerhard Rieger and contributors - see www.dest-unreach.org', 'Usage:', 'socat [options] <bi-address> <bi-address>', '   options (general command line options):']);
    expect(lines).toContain('      -d0|1|2|3|4    set verbosity level (0: Errors; 4 all including Debug)');
    // xio-tcp.c's TCP-CONNECT and TCP-LISTEN, xio-udp.c's UDP-CONNECT: the RETRY group is TCP's only.
    expect(lines).toContain('      TCP-CONNECT:<host>:<port>\t\t\tgroups=FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP');
    expect(lines).toContain('      TCP-LISTEN:<port>\t\t\t\tgroups=FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,IP6,TCP');
    expect(lines.find((l) => l.startsWith('      UDP-CONNECT:'))).toBe('      UDP-CONNECT:<host>:<port>\t\t\tgroups=FD,SOCKET,IP4,IP6,UDP');
    // Aliases (TCP, TCP4-L) are listed only by -hhh.
    expect(lines.some((l) => /^ {6}TCP:/.test(l))).toBe(false);
    expect(lines.at(-2)).toBe('      VSOCK-LISTEN:<port>\t\t\tgroups=FD,SOCKET,LISTEN,CHILD,RETRY');
    expect(lines.at(-1)).toBe('');
    expect(sh("docker exec cli socat '-?'").stdout).toBe(out.stdout);
    expect(sh('docker exec cli socat -d -hx').stdout).toBe(out.stdout);
  });

  it('-V with a letter after is the usage on stderr and exit 1; -V and -hh are refused in one line', () => {
    const { sh } = world();
    const bad = sh('docker exec cli socat -Vx');
    expect(bad).toMatchObject({ stdout: '', exitCode: 1 });
    expect(bad.stderr.split('\n').slice(0, 2)).toEqual(['socat by Gerhard Rieger and contributors - see www.dest-unreach.org', 'Usage:']);
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe('      -6     prefer IPv6 if version is not explicitly specified');
    expect(sh('docker exec cli socat -V')).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^vethlab: socat -V is not modelled \(/), exitCode: 1 });
    expect(sh('docker exec cli socat -hh')).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^vethlab: socat -hh is not modelled \(/), exitCode: 1 });
  });

  it('the alpine/socat image prints it too: socat is its entrypoint', () => {
    const { sh } = world();
    const out = sh('docker run --rm alpine/socat -h');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('\n')[1]).toBe('Usage:');
  });
});
