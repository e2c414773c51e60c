/**
 * socat -h and -V. The rig has no socat. -h's text is socat 1.8.0.3's socat.c
 * socat_usage() and xiohelp.c xioopenhelp() at level 0 (each canonical address
 * keyword, its parameters from the address's HELP(), its option groups, tabs to
 * column 40), taken from the 1.8.0.3 tarball (github.com/codacy-open-source-projects-scans/socat,
 * commit 681f14a) built and run; socat.c's option loop: -h, -? and -h with other
 * letters print it and exit 0, a second h or ? asks for the option list (-hh, level
 * 1), a third for every alias too (-hhh, level 2): the same build's outputs, compared
 * by SHA-256 (that build ran on Debian 12's glibc headers; Alpine's musl build is
 * assumed to list the same options); -V with letters after prints the usage on stderr
 * and exits 1; -V alone is refused (Alpine's package's build date is not known).
 */
import { createHash } from 'node:crypto';
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

  it('-V with a letter after is the usage on stderr and exit 1; -V is refused in one line', () => {
    const { sh } = world();
    const bad = sh('docker exec cli socat -Vx');
    expect(bad).toMatchObject({ stdout: '', exitCode: 1 });
    expect(bad.stderr.split('\n').slice(0, 2)).toEqual(['socat by Gerhard Rieger and contributors - see www.dest-unreach.org', 'Usage:']);
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe('      -6     prefer IPv6 if version is not explicitly specified');
    expect(sh('docker exec cli socat -V')).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^vethlab: socat -V is not modelled \(/), exitCode: 1 });
  });

  // The same 1.8.0.3 build's `socat -hh` and `socat -hhh` (573 and 1027 lines), by their SHA-256.
  it('-hh and -hhh print the address options as that build does, -hhh with every alias', () => {
    const { sh } = world();
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const hh = sh('docker exec cli socat -hh');
    expect(hh).toMatchObject({ stderr: '', exitCode: 0 });
    expect(hh.stdout.split('\n')).toHaveLength(574);
    expect(sha256(hh.stdout)).toBe('39b1ddcdab0d8637ba0982c8fdc149486981bee5cc2836d73d98eb9f11ae205c');
    const hhh = sh('docker exec cli socat -hhh').stdout;
    expect(hhh.split('\n')).toHaveLength(1028);
    expect(sha256(hhh)).toBe('f09545fdb784ea3473d9deab5f686f456a744d010f563ff73b19d3a8f071ce2a');
    // A few rows as a learner reads them: an option, its alias, a nickname in -hh's place of its option.
    expect(hh.stdout).toContain('\n      reuseaddr\t\tgroups=SOCKET\t\tphase=PREBIND\t\ttype=INT/NULL\n');
    expect(hhh).toContain('\n      fork\t\tgroups=CHILD\t\tphase=PASTACCEPT\ttype=BOOL\n');
    expect(hhh).toContain('\n      TCP\t\t\t\t\tis an alias name for TCP-CONNECT\n');
    expect(hh.stdout).not.toContain('is an alias');
    // socat.c reads only the first three letters: -h? is -hh, -?h? and -hhhx are -hhh, -hx is -h.
    expect(sh("docker exec cli socat '-h?'").stdout).toBe(hh.stdout);
    expect(sh("docker exec cli socat '-?h?'").stdout).toBe(hhh);
    expect(sh('docker exec cli socat -hhhx').stdout).toBe(hhh);
  });

  it('the alpine/socat image prints it too: socat is its entrypoint', () => {
    const { sh } = world();
    const out = sh('docker run --rm alpine/socat -h');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('\n')[1]).toBe('Usage:');
  });
});
