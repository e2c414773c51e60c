/**
 * socat's retry=N, forever and interval=T on a TCP connection, and ignoreeof.
 * The rig has no socat: texts follow socat 1.8.0.3's source (the upstream
 * tarball's history mirrored at github.com/codacy-open-source-projects-scans/socat,
 * commit 681f14a, VERSION "1.8.0.3"): xio-ipapp.c xioopen_ipapp_connect ("opening
 * connection to HOST:PORT", a failed connect a notice while attempts are left and a
 * warning on the last, then Error4 "TCP:HOST:PORT: strerror", Nanosleep(intervall)
 * between attempts, "successfully connected to HOST:PORT"), xio-socket.c
 * _xioopen_connect (the connect() line at that level), xiolayer.c (retry TYPE_UINT,
 * forever TYPE_BOOL, interval TYPE_TIMESPEC, group GROUP_RETRY, which xio-tcp.c's
 * TCP-CONNECT has and xio-udp.c's UDP-CONNECT has not), xioopts.c parseopts_table
 * ("option ... not supported with this address type", "value required") and
 * sysutils.c Strtoul/Strtod ("missing numerical value", "trailing garbage"); the
 * man page (doc/socat.yo) for ignoreeof ("like tail -f").
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const LINE = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:(\d\d)) socat\[(\d+)\] ([DINWEF]) (.*)$/;

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create lab');
  sh('docker run -d --name cli --network lab alpine sleep 1000');
  sh('docker run -d --name echo --network lab alpine sleep 1000');
  sh('docker exec cli apk add socat');
  const ip = (name: string) => sh(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ${name}`).stdout.trim();
  const clock = () => Number(sh('docker exec cli date +%s').stdout);
  return { sim, sh, ip, clock };
}

/** Each line as `L message`. */
const messages = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = LINE.exec(l);
      expect(m, l).not.toBeNull();
      return `${m![4]} ${m![5]}`;
    });

/** The seconds field of each line. */
const seconds = (text: string) => text.split('\n').filter(Boolean).map((l) => Number(LINE.exec(l)![2]));

describe('socat: retry, forever and interval on a TCP connection', () => {
  it('retry=2 against no listener: three attempts a second apart, notices, then the warning and the error', () => {
    const { sh, ip, clock } = world();
    const before = clock();
    const out = sh('docker exec cli socat -d -d - TCP:echo:7001,retry=2');
    const at = `AF=2 ${ip('echo')}:7001`;
    expect(out).toMatchObject({ stdout: '', exitCode: 1 });
    expect(messages(out.stderr)).toEqual([
      'N reading from and writing to stdio',
      'N opening connection to echo:7001',
      `N opening connection to ${at}`,
      `N connect(5, ${at}, 16): Connection refused`,
      `N opening connection to ${at}`,
      `N connect(5, ${at}, 16): Connection refused`,
      `N opening connection to ${at}`,
      `W connect(5, ${at}, 16): Connection refused`,
      'E TCP:echo:7001: Connection refused',
      'N exit(1)',
    ]);
    // The attempts are a second apart on the simulator's clock (interval's default).
    const s = seconds(out.stderr);
    expect([(s[4]! - s[2]! + 60) % 60, (s[6]! - s[4]! + 60) % 60]).toEqual([1, 1]);
    expect(clock() - before).toBe(2);
    // Without -d only the last attempt's warning and the error are printed.
    expect(messages(sh('docker exec cli socat - TCP:echo:7001,retry=2').stderr)).toEqual([`W connect(5, ${at}, 16): Connection refused`, 'E TCP:echo:7001: Connection refused']);
  });

  it('interval=T sets the wait; a listener present connects at the first attempt, as without retry', () => {
    const { sh, clock } = world();
    const before = clock();
    sh('docker exec cli socat - TCP:echo:7001,retry=1,interval=3');
    expect(clock() - before).toBe(3);
    sh('docker run -d --name srv --network lab alpine sh -c "apk add socat >/dev/null; socat TCP-LISTEN:7000,fork EXEC:cat"');
    const start = clock();
    const out = sh("docker exec cli sh -c 'echo hi | socat -dd - TCP:srv:7000,retry=5,interval=10'");
    expect(out).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
    expect(messages(out.stderr).filter((m) => /connect/.test(m))).toEqual([
      'N opening connection to srv:7000',
      expect.stringMatching(/^N opening connection to AF=2 [\d.]+:7000$/),
      expect.stringMatching(/^N successfully connected from local address AF=2 [\d.]+:\d+$/),
      'N successfully connected to srv:7000',
    ]);
    expect(clock()).toBe(start);
    expect(sh("docker exec cli sh -c 'echo hey | socat - TCP:srv:7000,forever'").stdout).toBe('hey\n');
  });

  it('forever against no listener would never end here: one vethlab line, and the clock stays', () => {
    const { sh, clock } = world();
    const before = clock();
    expect(sh('docker exec cli socat - TCP:echo:7001,forever')).toMatchObject({
      stdout: '',
      stderr: "vethlab: socat's forever: connection refused at echo:7001, and nothing can start a listener while socat waits here, so it would retry without end\n",
      exitCode: 1,
    });
    expect(clock()).toBe(before);
  });

  it('a forwarder retries its backend the same way, in its log', () => {
    const { sh } = world();
    sh('docker run -d --name fwd --network lab alpine sh -c "apk add socat >/dev/null; socat -dd TCP-LISTEN:8080 TCP:echo:81,retry=1,interval=2"');
    sh('docker exec cli sh -c "echo hi | nc fwd 8080"');
    const log = messages(sh('docker logs fwd').stdout).filter((m) => /connect/.test(m) || m.startsWith('E '));
    expect(log.slice(-6)).toEqual([
      'N opening connection to echo:81',
      expect.stringMatching(/^N opening connection to AF=2 [\d.]+:81$/),
      expect.stringMatching(/^N connect\(5, AF=2 [\d.]+:81, 16\): Connection refused$/),
      expect.stringMatching(/^N opening connection to AF=2 [\d.]+:81$/),
      expect.stringMatching(/^W connect\(5, AF=2 [\d.]+:81, 16\): Connection refused$/),
      'E TCP:echo:81: Connection refused',
    ]);
  });

  it("bad values are socat's own errors; UDP has no retry group; nothing runs", () => {
    const { sh, clock } = world();
    const before = clock();
    const error = (address: string) => messages(sh(`docker exec cli socat - ${address}`).stderr);
    expect(error('TCP:echo:7001,retry=abc')).toEqual(['E parseopts(): missing numerical value of option "retry=abc"']);
    expect(error('TCP:echo:7001,retry=2x,nodelay')).toEqual(['E parseopts(): trailing garbage in numerical arg of option "retry=2x,nodelay"']);
    expect(error('TCP:echo:7001,interval')).toEqual(['E option "interval": value required']);
    expect(error('UDP:echo:53,retry=2')).toEqual(['E parseopts_table(): option "retry" not supported with this address type']);
    expect(sh('docker exec cli socat - TCP:echo:7001,retry=5000').stderr).toBe("vethlab: socat's retry=5000: more than 1000 attempts are not modelled\n");
    expect(clock()).toBe(before);
  });
});

describe('socat: ignoreeof', () => {
  // socat.c's _socat loop (1.8.0.3): stdin's EOF ignored and polled each second (pollintv), no FIN to the server;
  // -T's total_timeout counted down by a second per idle poll, "inactivity timeout triggered" below zero; a server's
  // EOF noticed, then closwait (0.5 s) ends the loop.
  it('on a client\'s stdio with -T: a server that keeps the connection (redis) is left by the inactivity timeout, floor(T) s after the answer', () => {
    const { sh, clock } = world();
    sh('docker run -d --name cache --network lab redis:7');
    const before = clock();
    const out = sh("docker exec cli sh -c 'printf \"PING\\r\\n\" | socat -dd -T 3 -,ignoreeof TCP:cache:6379'");
    expect(out.stdout).toBe('+PONG\r\n');
    expect(out.exitCode).toBe(0);
    const lines = messages(out.stderr);
    expect(lines.slice(-3)).toEqual([expect.stringMatching(/^N starting data transfer loop/), 'N inactivity timeout triggered', 'N exiting with status 0']);
    expect(lines.some((l) => l.includes('is at EOF'))).toBe(false);
    expect(clock() - before).toBe(3);
    const times = seconds(out.stderr);
    expect((times.at(-2)! - times[0]! + 60) % 60).toBe(3);
  });

  it('a server that closes after its answer (busybox httpd: Connection: close) is its EOF, then closwait', () => {
    const { sh } = world();
    sh('docker run -d --name web --network lab busybox httpd -f -p 80 -h /www');
    const out = sh("docker exec cli sh -c 'printf \"GET / HTTP/1.1\\r\\n\\r\\n\" | socat -dd -T 5 -,ignoreeof TCP:web:80'");
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^HTTP\/1\.1 /);
    expect(messages(out.stderr).slice(-2)).toEqual(['N socket 2 (fd 5) is at EOF', 'N exiting with status 0']);
    // -T under a second ends it at the first idle count-down after that EOF.
    expect(messages(sh("docker exec cli sh -c 'printf \"GET / HTTP/1.1\\r\\n\\r\\n\" | socat -dd -T 0.5 -,ignoreeof TCP:web:80'").stderr).slice(-3)).toEqual(['N socket 2 (fd 5) is at EOF', 'N inactivity timeout triggered', 'N exiting with status 0']);
  });

  it('without -T, on UDP, or on an address that is not a client\'s stdio it is refused, with nothing sent', () => {
    const { sh } = world();
    expect(sh('docker exec cli socat -,ignoreeof TCP:echo:7001')).toMatchObject({ stdout: '', exitCode: 1, stderr: expect.stringMatching(/^vethlab: socat's ignoreeof without -T is not modelled \(.*-T N ends it after N idle seconds\)\n$/) });
    expect(sh('docker exec cli socat -T 1 -,ignoreeof UDP:echo:53').stderr).toBe("vethlab: socat's ignoreeof on a UDP conversation is not modelled\n");
    expect(sh('docker exec cli socat -T 1 -,ignoreeof TCP:echo:7001').traces ?? []).not.toEqual([]);
    expect(sh('docker exec cli socat -,ignoreeof TCP:echo:7001').traces ?? []).toEqual([]);
  });

  it('is refused with its reason elsewhere: at the end of its input socat would wait for more, like tail -f', () => {
    const { sh } = world();
    expect(sh('docker exec cli socat STDIN,ignoreeof TCP:echo:7001')).toMatchObject({
      stdout: '',
      stderr: 'vethlab: socat\'s address option "ignoreeof" is not modelled (at the end of its input socat would poll it for more, like tail -f, until the other side closes or -T\'s inactivity timeout ends it; vethlab does not model that wait)\n',
      exitCode: 1,
    });
  });
});
