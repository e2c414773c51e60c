/**
 * socat's variables for its children, its diagnostics (-d forms, -v, -x, -l?),
 * its IPv6 forms (refused until the simulator has an IPv6 packet path), and the
 * alpine/socat image. The rig has no socat: texts follow socat 1.8.0.1's source
 * (github.com/yonasBSD/socat, a mirror of the upstream tarball): xio-listen.c
 * ("listening on", "accepting connection from", SOCAT_PID and the SOCK/PEER
 * variables), xio-socket.c (xiosetsockaddrenv; UDP-RECVFROM sets PEER only),
 * xio-ipapp.c ("opening connection to"; 1.8.0.3's names HOST:PORT too, and its
 * refused connect is a warning then the address's error: socat-retry.test.ts), xio-socket.c ("successfully connected
 * from local address"), xio-progcall.c ("forking off child, using socket for
 * reading and writing", "forked off child process"), xio-exec.c ("execvp'ing"),
 * xio-system.c (`system("...") returned with status`), xiosigchld.c
 * ("childdied(): handling signal 17", "waitpid(): child N exited with status"),
 * socat.c (the transfer loop's notices, -d counting, -v/-x block headers,
 * "Do not merge single character options"), error.c (line format, `N exit(1)`),
 * xioinitialize.c (SOCAT_PID, SOCAT_PPID); alpine-docker/socat's Dockerfile
 * (FROM alpine, apk add socat, ENTRYPOINT ["socat"]).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

/** socat's line prefix: time, program[PID], level letter. */
const LINE = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d) socat\[(\d+)\] ([DINWEF]) (.*)$/;

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create lab');
  sh('docker run -d --name cli --network lab alpine sleep 1000');
  sh('docker exec cli apk add socat');
  const ip = (name: string) => sh(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ${name}`).stdout.trim();
  /** What a container printed (its log lines are socat's stderr). */
  const logs = (name: string) => sh(`docker logs ${name}`).stdout;
  return { sim, sh, ip, logs };
}

/** A server container running `socat ARGS` as its main process (socat installed first). */
const server = (sh: (l: string) => unknown, name: string, args: string) => sh(`docker run -d --name ${name} --network lab alpine sh -c "apk add socat >/dev/null; socat ${args}"`);

/** Each line as [pid, level, message]. */
function lines(text: string): [number, string, string][] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = LINE.exec(l);
      expect(m, l).not.toBeNull();
      return [Number(m![2]), m![3]!, m![4]!];
    });
}

describe('socat: the variables of EXEC and SYSTEM children', () => {
  it("the classic one-liner answers with the client's address; the others name both ends, the processes and the version", () => {
    const { sh, ip } = world();
    server(sh, 'web', `TCP-LISTEN:8080,fork SYSTEM:'echo HTTP/1.0 200; echo; echo \\$SOCAT_PEERADDR'`);
    const out = sh('docker exec cli wget -qO- http://web:8080/');
    expect(out.stdout).toBe(`${ip('cli')}\n`);
    server(sh, 'env', `TCP-LISTEN:9000,fork SYSTEM:'echo \\$SOCAT_PEERADDR \\$SOCAT_PEERPORT \\$SOCAT_SOCKADDR \\$SOCAT_SOCKPORT \\$SOCAT_PID \\$SOCAT_PPID \\$SOCAT_VERSION'`);
    const asked = sh('docker exec cli nc env 9000');
    const [peer, peerPort, sock, sockPort, pid, ppid, version] = asked.stdout.trim().split(' ');
    expect([peer, sock, sockPort, version]).toEqual([ip('cli'), ip('env'), '9000', '1.8.0.3']);
    // The client's port is the one its SYN left from.
    const syn = asked.traces?.find((t) => t.probe.kind === 'tcp-connect')?.hops.find((h) => h.leg === 'request')?.packet;
    expect(Number(peerPort)).toBe(syn?.sport);
    // A forked child handles the client: its PID differs from the listener's (SOCAT_PPID).
    expect(Number(pid)).toBeGreaterThan(Number(ppid));
  });

  it('without fork socat itself handles the client; UDP-RECVFROM names only the peer', () => {
    const { sh, ip } = world();
    server(sh, 'once', `TCP-LISTEN:9000 SYSTEM:'echo \\$SOCAT_PID \\$SOCAT_PPID'`);
    const [pid, ppid] = sh('docker exec cli nc once 9000').stdout.trim().split(' ');
    expect(pid).toBe(ppid);
    server(sh, 'udp', `-u UDP-RECVFROM:5000,fork SYSTEM:'echo from=\\$SOCAT_PEERADDR sock=\\$SOCAT_SOCKADDR >&2'`);
    sh("docker exec cli sh -c 'echo x | nc -u -w1 udp 5000'");
    expect(sh('docker logs udp').stdout).toBe(`from=${ip('cli')} sock=\n`);
  });
});

describe('socat: diagnostics', () => {
  it('-d -d prints the notices of a forking listener and its child, in that order', () => {
    const { sh, ip, logs } = world();
    server(sh, 'web', `-d -d TCP-LISTEN:8080,fork,reuseaddr SYSTEM:'echo hi'`);
    expect(lines(logs('web'))).toEqual([expect.arrayContaining(['N', 'listening on AF=2 0.0.0.0:8080'])]);
    const asked = sh('docker exec cli nc web 8080');
    expect(asked.stdout).toBe('hi\n');
    const logged = lines(logs('web')).slice(1);
    const parent = logged[0]![0];
    const child = logged[3]![0];
    const program = Number(/forked off child process (\d+)/.exec(logged[4]![2])?.[1]);
    expect([parent < child, child < program]).toEqual([true, true]);
    const sport = asked.traces?.find((t) => t.probe.kind === 'tcp-connect')?.hops.find((h) => h.leg === 'request')?.packet.sport;
    expect(logged).toEqual([
      [parent, 'N', `accepting connection from AF=2 ${ip('cli')}:${sport} on AF=2 ${ip('web')}:8080`],
      [parent, 'N', `forked off child process ${child}`],
      [parent, 'N', 'listening on AF=2 0.0.0.0:8080'],
      [child, 'N', 'forking off child, using socket for reading and writing'],
      [child, 'N', `forked off child process ${program}`],
      [child, 'N', 'starting data transfer loop with FDs [6,6] and [5,5]'],
      [child, 'N', 'childdied(): handling signal 17'],
      [child, 'N', 'socket 2 (fd 5) is at EOF'],
      [child, 'N', 'socket 1 (fd 6) is at EOF'],
      [child, 'N', 'exiting with status 0'],
      [parent, 'N', 'childdied(): handling signal 17'],
    ]);
  });

  it('-dd on a forwarder: the second connection opened and where it left from', () => {
    const { sh, ip, logs } = world();
    sh('docker run -d --name app --network lab nginx:alpine');
    server(sh, 'fw', '-dd TCP-LISTEN:80,fork TCP:app:80');
    const out = sh('docker exec cli wget -qO- http://fw/');
    expect(out.stdout).toContain('Welcome to nginx!');
    const second = out.traces?.filter((t) => t.probe.kind === 'tcp-connect')[1]?.hops.find((h) => h.leg === 'request')?.packet;
    const messages = lines(logs('fw')).map(([, level, m]) => `${level} ${m}`);
    // socat 1.8.0.3's xio-ipapp.c names the address as given before and after the connection.
    expect(messages.slice(4, 9)).toEqual(['N opening connection to app:80', `N opening connection to AF=2 ${ip('app')}:80`, `N successfully connected from local address AF=2 ${ip('fw')}:${second?.sport}`, 'N successfully connected to app:80', 'N starting data transfer loop with FDs [6,6] and [5,5]']);
  });

  it('-dd on a client, and an error followed by exit(1) when notices are on', () => {
    const { sh } = world();
    server(sh, 'echo', 'TCP-LISTEN:7000,fork EXEC:cat');
    const out = sh("docker exec cli sh -c 'echo hi | socat -dd - TCP:echo:7000'");
    expect(out.stdout).toBe('hi\n');
    expect(lines(out.stderr).map(([, l, m]) => `${l} ${m}`)).toEqual([
      // xio-stdio.c: the first address, `-`, is open (seen on socat 1.8.0.3's build).
      'N reading from and writing to stdio',
      'N opening connection to echo:7000',
      expect.stringMatching(/^N opening connection to AF=2 172\.\d+\.\d+\.\d+:7000$/),
      expect.stringMatching(/^N successfully connected from local address AF=2 172\.\d+\.\d+\.\d+:\d+$/),
      'N successfully connected to echo:7000',
      'N starting data transfer loop with FDs [0,1] and [5,5]',
      'N socket 1 (fd 0) is at EOF',
      'N socket 2 (fd 5) is at EOF',
      'N exiting with status 0',
    ]);
    // Second, stdio opens once the connection is made (as the 1.8.0.3 build printed it).
    const second = lines(sh("docker exec cli sh -c 'echo hi | socat -dd TCP:echo:7000 -'").stderr).map(([, l, m]) => `${l} ${m}`);
    expect(second.slice(3, 6)).toEqual(['N successfully connected to echo:7000', 'N reading from and writing to stdio', 'N starting data transfer loop with FDs [5,5] and [0,1]']);
    const refused = sh('docker exec cli socat -dd - TCP:echo:7001');
    // 1.8.0.3: the failed connect is a warning, then the address's error (xio-ipapp.c Error4).
    expect(lines(refused.stderr).map(([, l, m]) => `${l} ${m}`)).toEqual([
      'N reading from and writing to stdio',
      'N opening connection to echo:7001',
      expect.stringMatching(/^N opening connection to AF=2 [\d.]+:7001$/),
      expect.stringMatching(/^W connect\(5, AF=2 [\d.]+:7001, 16\): Connection refused$/),
      'E TCP:echo:7001: Connection refused',
      'N exit(1)',
    ]);
  });

  it('-d alone and no -d print warnings and errors only; -d0 errors only; -ly sends them to a syslog the container has not', () => {
    const { sh, logs } = world();
    server(sh, 'quiet', '-d TCP-LISTEN:7000,fork SYSTEM:true');
    sh('docker exec cli nc quiet 7000');
    expect(logs('quiet')).toBe('');
    // A SYSTEM command that fails: system()'s status and the child's end are warnings, shown by default.
    server(sh, 'failing', "TCP-LISTEN:7000,fork SYSTEM:'exit 3'");
    sh('docker exec cli nc failing 7000');
    const warned = lines(logs('failing'));
    expect(warned.map(([, l, m]) => `${l} ${m}`)).toEqual(['W system("exit 3") returned with status 768', expect.stringMatching(/^W waitpid\(\): child \d+ exited with status 3$/)]);
    expect(warned[0]![0]).toBe(Number(/child (\d+)/.exec(warned[1]![2])?.[1]));
    server(sh, 'errorsonly', "-d0 TCP-LISTEN:7000,fork SYSTEM:'exit 3'");
    sh('docker exec cli nc errorsonly 7000');
    expect(logs('errorsonly')).toBe('');
    expect(sh('docker exec cli socat -ly -dd - TCP:nosuch:1')).toMatchObject({ stderr: '', exitCode: 1 });
    expect(lines(sh('docker exec cli socat -lp relay - TCP:nosuch:1').stderr.replace(/ relay\[/g, ' socat['))).toHaveLength(2);
    expect(sh('docker exec cli socat -lp relay - TCP:nosuch:1').stderr).toMatch(/^\S+ \S+ relay\[\d+\] W getaddrinfo/);
    expect(sh('docker exec cli socat -lu - TCP:nosuch:1').stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} socat\[\d+\] W /);
  });

  it("Debian 12's socat 1.7.4.4 prints errors only by default (1.8.0.0's CHANGES: warnings became the default)", () => {
    const { sh } = world();
    sh('docker run -d --name deb --network lab debian:bookworm sleep 1000');
    sh('docker exec deb apt-get update');
    expect(sh('docker exec deb apt-get install -y socat').stdout).toContain('Setting up socat (1.7.4.4-2) ...');
    sh("docker exec -d deb socat -d TCP-LISTEN:7001,fork SYSTEM:'echo \\$SOCAT_VERSION'");
    expect(sh('docker exec cli nc deb 7001').stdout).toBe('1.7.4.4\n');
    // Exec'd servers' output has no reader; the main process's does: run one as it.
    sh(`docker run -d --name deb2 --network lab debian:bookworm sh -c "apt-get update >/dev/null; apt-get install -y socat >/dev/null; socat TCP-LISTEN:7000,fork SYSTEM:'exit 3'"`);
    sh('docker exec cli nc deb2 7000');
    expect(sh('docker logs deb2').stdout).toBe('');
    // 1.7's connection path (xio-ipapp.c as it was up to 1.8.0.1): a failed lookup or connect is the error itself.
    expect(lines(sh('docker exec deb socat -dd - TCP:nosuch:1').stderr).map(([, l, m]) => `${l} ${m}`)).toEqual(['E getaddrinfo("nosuch", "1", {0x20,0,1,6}, {}): Name or service not known', 'N exit(1)']);
    expect(lines(sh('docker exec deb socat - TCP:127.0.0.1:9').stderr).map(([, l, m]) => `${l} ${m}`)).toEqual(['E connect(5, AF=2 127.0.0.1:9, 16): Connection refused']);
    expect(sh('docker exec deb socat - TCP:127.0.0.1:9,retry=2').stderr).toBe("vethlab: socat 1.7.4.4's retry, forever and interval are not modelled (only 1.8's)\n");
  });

  it('-v dumps each block as text, -x as hex, both as a hexdump; > is left to right', () => {
    const { sh, logs } = world();
    server(sh, 'echo', 'TCP-LISTEN:7000,fork EXEC:cat');
    const header = (dir: string, n: number) => new RegExp(`^\\${dir} \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{9}  length=${n} from=0 to=${n - 1}$`);
    const text = sh("docker exec cli sh -c 'printf \"a\\tb\\r\\n\" | socat -v - TCP:echo:7000'").stderr.split('\n');
    expect(text[0]).toMatch(header('>', 5));
    expect(text[1]).toBe('a\tb\\r');
    expect(text[2]).toMatch(header('<', 5));
    const hex = sh("docker exec cli sh -c 'echo hi | socat -x - TCP:echo:7000'").stderr.split('\n');
    expect(hex[1]).toBe(' 68 69 0a');
    const both = sh("docker exec cli sh -c 'echo hi | socat -v -x - TCP:echo:7000'").stderr.split('\n');
    expect(both.slice(1, 3)).toEqual([` 68 69 0a${'   '.repeat(13)}  hi.`, '--']);
    // The listener's dump is on its own stderr: the client's data first (>), the answer back (<).
    server(sh, 'dumped', '-v TCP-LISTEN:7001 EXEC:cat');
    sh("docker exec cli sh -c 'echo ping | nc dumped 7001'");
    const logged = logs('dumped').split('\n');
    expect([logged[0]?.[0], logged[1], logged[2]?.[0], logged[3]]).toEqual(['>', 'ping', '<', 'ping']);
  });

  it('-lf FILE appends the lines to a file in the container instead of stderr; -lh adds the host name (error.c msg2)', () => {
    const { sh, logs } = world();
    const failed = sh('docker exec cli socat -lf /tmp/socat.log - TCP:nosuch:1');
    expect(failed).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    const first = sh('docker exec cli cat /tmp/socat.log').stdout;
    expect(lines(first).map(([, l, m]) => `${l} ${m}`)).toEqual(['W getaddrinfo("nosuch", "1", {0x20,0,1,6}, {}): Name does not resolve', 'E _xioopen_ipapp_prepare(node="nosuch", service="1", pf=0, ...): Name does not resolve']);
    // Opened with "a": a second run adds its lines after the first's; -lfFILE is the same option.
    sh('docker exec cli socat -lf/tmp/socat.log - TCP:nosuch:2');
    expect(sh('docker exec cli cat /tmp/socat.log').stdout).toMatch(new RegExp(`^${first.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\S+ \\S+ socat\\[\\d+\\] W getaddrinfo\\("nosuch", "2"`));
    // A file that cannot be opened: the error goes to that log, so nowhere, and socat ends.
    expect(sh('docker exec cli socat -lf /nosuch/dir/log - TCP:nosuch:1')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    // A listener's notices go to the file too, and -ls brings them back to stderr.
    server(sh, 'filed', '-dd -lf /tmp/l.log TCP-LISTEN:7000,fork SYSTEM:\'echo ok\'');
    expect(sh('docker exec cli nc filed 7000').stdout).toBe('ok\n');
    expect(logs('filed')).toBe('');
    expect(sh('docker exec filed cat /tmp/l.log').stdout).toContain('socat[');
    expect(sh('docker exec filed grep -c "N accepting connection from" /tmp/l.log').stdout).toBe('1\n');
    expect(sh('docker exec cli socat -lf /tmp/x.log -ls - TCP:nosuch:1').stderr).toMatch(/ socat\[\d+\] W getaddrinfo/);
    // -lh: $HOSTNAME (Docker sets it to the container's host name) between the time and the program.
    const hostname = sh('docker exec cli hostname').stdout.trim();
    expect(sh('docker exec cli socat -lh - TCP:nosuch:1').stderr).toMatch(new RegExp(`^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ${hostname} socat\\[\\d+\\] W getaddrinfo`));
    expect(sh('docker exec cli socat -lh -lp relay - TCP:nosuch:1').stderr).toMatch(new RegExp(`^\\S+ \\S+ ${hostname} relay\\[\\d+\\] W `));
  });

  it("-d forms as socat 1.8.0.3's option loop reads them: strtol numbers, the usage for a stray letter, the error for trailing ones", () => {
    const { sh } = world();
    server(sh, 'echo', 'TCP-LISTEN:7000,fork EXEC:cat');
    const usage = sh('docker exec cli socat -Vx').stderr;
    // -d5: 5 is none of d, 0-4, -: socat_usage(stderr), and socat goes on at the level it had.
    const five = sh("docker exec cli sh -c 'echo hi | socat -d5 - TCP:echo:7000'");
    expect(five).toMatchObject({ stdout: 'hi\n', stderr: usage, exitCode: 0 });
    expect(sh("docker exec cli sh -c 'echo hi | socat -dx -d5 - TCP:echo:7000'").stderr).toBe(usage + usage);
    // After -dd a stray letter is the usage and exit 1, before any address is read.
    expect(sh('docker exec cli socat -ddx - TCP:echo:7000')).toMatchObject({ stdout: '', stderr: usage, exitCode: 1 });
    // strtol base 0: -d0x2 is level 2 (notices), -d-1 hides even errors (threshold 5).
    expect(lines(sh("docker exec cli sh -c 'echo hi | socat -d0x2 - TCP:echo:7000'").stderr).map(([, l]) => l)).toEqual(['N', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'N']);
    expect(sh('docker exec cli socat -d-1 - TCP:nosuch:1')).toMatchObject({ stderr: '', exitCode: 1 });
    // -d010 is octal 8, past -d4: every message, as -d4 prints them.
    const withoutPid = (line: string) => sh(line).stderr.replace(/socat\[\d+\]/g, 'socat');
    expect(withoutPid('docker exec cli socat -d010 - TCP:nosuch:1')).toBe(withoutPid('docker exec cli socat -d4 - TCP:nosuch:1'));
    // A number with letters after it: socat's error names the first character, "option" glued on;
    // it is printed with the levels read so far (after -dd: and the exit(1) notice).
    expect(lines(sh('docker exec cli socat -d3x - -').stderr).map(([, l, m]) => `${l} ${m}`)).toEqual(['E Invalid (trailing) character(s) "3" in "-d3x"option']);
    expect(lines(sh('docker exec cli socat -dd -d- - -').stderr).map(([, l, m]) => `${l} ${m}`)).toEqual(['E Invalid (trailing) character(s) "-" in "-d-"option', 'N exit(1)']);
    expect(sh('docker exec cli socat -d0x - -').exitCode).toBe(1);
  });

  it('pf=ip4 and the IPv4 keywords ask getaddrinfo for family 2 without AI_ADDRCONFIG (xio-ip.c _xiogetaddrinfo)', () => {
    const { sh } = world();
    const said = (line: string) => lines(sh(line).stderr).map(([, l, m]) => `${l} ${m}`);
    expect(said('docker exec cli socat -d -d - TCP:nosuch:80,pf=ip4')).toEqual([
      'N reading from and writing to stdio',
      'N opening connection to nosuch:80',
      'W getaddrinfo("nosuch", "80", {0x00,2,1,6}, {}): Name does not resolve',
      'E _xioopen_ipapp_prepare(node="nosuch", service="80", pf=2, ...): Name does not resolve',
      'N exit(1)',
    ]);
    expect(said('docker exec cli socat - TCP4:nosuch:80')).toEqual(['W getaddrinfo("nosuch", "80", {0x00,2,1,6}, {}): Name does not resolve', 'E _xioopen_ipapp_prepare(node="nosuch", service="80", pf=2, ...): Name does not resolve']);
    expect(said('docker exec cli socat - UDP4:nosuch:53')[0]).toBe('W getaddrinfo("nosuch", "53", {0x00,2,2,17}, {}): Name does not resolve');
    // Left open, the family is 0 and AI_ADDRCONFIG (0x20) is set.
    expect(said('docker exec cli socat - TCP:nosuch:80')[0]).toBe('W getaddrinfo("nosuch", "80", {0x20,0,1,6}, {}): Name does not resolve');
  });

  it("refuses merged letters and a missing argument with socat's texts", () => {
    const { sh } = world();
    expect(sh('docker exec cli socat -vx - -')).toMatchObject({ stderr: 'Do not merge single character options, i.e. use "-v -x" instead of "-vx"\n', exitCode: 1 });
    expect(lines(sh('docker exec cli socat -t').stderr)[0]![2]).toBe('option -t requires an argument; use option "-h" for help');
    expect(lines(sh('docker exec cli socat -lx - -').stderr)[0]![2]).toBe('unknown log option "-lx"; use option "-h" for help');
    expect(lines(sh('docker exec cli socat -lf').stderr)[0]![2]).toBe('option -lf requires an argument; use option "-h" for help');
    expect(sh('docker exec cli socat -lm - -').stderr).toBe('vethlab: socat option -lm is not modelled\n');
    expect(lines(sh('docker exec cli socat TCP-LISTEN:7000,max-children=2 -').stderr)[0]![2]).toBe('option max-children not allowed without option fork');
    // Socket tuning changes nothing a conversation shows: taken.
    server(sh, 'tuned', 'TCP-LISTEN:7000,fork,keepalive,nodelay,backlog=10,max-children=5 SYSTEM:\'echo ok\'');
    expect(sh('docker exec cli nc tuned 7000').stdout).toBe('ok\n');
  });
});

describe('socat: address options tutorials use', () => {
  it("a name socat does not know is socat's error; one it knows and vethlab does not model is one vethlab line", () => {
    const { sh } = world();
    // xioopts.c parseopts_table(); the option table is socat 1.8.0.1's (socat-option-names.ts).
    expect(lines(sh('docker exec cli socat TCP-LISTEN:80,reuseadr -').stderr).map(([, l, m]) => `${l} ${m}`)).toEqual(['E parseopts_table(): unknown option "reuseadr"']);
    expect(sh('docker exec cli socat TCP-LISTEN:80,fork,sndbuf=1024 -').stderr).toBe('vethlab: socat\'s address option "sndbuf" is not modelled on TCP-LISTEN (only fork, reuseaddr, so-reuseaddr, reuseport, so-reuseport, bind, backlog, max-children, crlf, crnl, keepalive, so-keepalive, nodelay, tcp-nodelay, pf, protocol-family)\n');
    expect(sh("docker exec cli socat - 'OPENSSL:example.com:443,verify=0'").stderr).toBe("vethlab: socat's OPENSSL address is not modelled\n");
    expect(sh('docker exec cli socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock').stderr).toBe("vethlab: socat's UNIX-CONNECT address is not modelled\n");
  });

  it('crlf: LF becomes CR LF towards the address, CRs are dropped from what it sends (socat.c cv_newline)', () => {
    const { sh } = world();
    sh('docker run -d --name raw --network lab alpine sh -c "printf \'ok\\r\\n\' | nc -l -p 9000"');
    const out = sh("docker exec cli sh -c 'echo hi | socat - TCP:raw:9000,crlf'");
    expect(out.stdout).toBe('ok\n');
    expect(sh('docker logs raw').stdout).toBe('hi\r\n');
  });
});

describe('socat: IPv6 forms', () => {
  it('are refused in one line until vethlab has an IPv6 packet path, never served over IPv4', () => {
    const { sh } = world();
    const refused = (args: string, what: string) => expect(sh(`docker exec cli socat ${args}`)).toMatchObject({ stdout: '', stderr: `vethlab: socat ${what}: socat over IPv6 is not modelled yet\n`, exitCode: 1 });
    refused('TCP6-LISTEN:8080,fork -', 'TCP6-LISTEN');
    refused('- UDP6:app:53', 'UDP6');
    refused('- TCP:[::1]:80', 'TCP:[::1]');
    refused('TCP-LISTEN:8080,pf=ip6 -', 'pf=ip6');
    refused('TCP-LISTEN:8080,ipv6only=0 -', 'ipv6only');
    refused('TCP-LISTEN:8080,bind=[::] -', 'bind=[::]');
    refused('-6 TCP-LISTEN:8080 -', '-6');
    expect(sh('docker exec cli netstat -tln').stdout).not.toContain(':8080');
    // pf=ip4 and -4 are what an address uses already.
    expect(sh('docker exec -d cli socat -4 TCP-LISTEN:8080,pf=ip4,fork SYSTEM:true').exitCode).toBe(0);
    expect(sh('docker exec cli netstat -tln').stdout).toMatch(/0\.0\.0\.0:8080/);
  });
});

describe('the alpine/socat image', () => {
  it('runs socat as its entrypoint: a forwarder from the command line, and its own error without one', () => {
    const { sh } = world();
    sh('docker run -d --name app --network lab nginx:alpine');
    expect(sh('docker run -d --name fw --network lab -p 8080:80 alpine/socat TCP-LISTEN:80,fork,reuseaddr TCP:app:80').exitCode).toBe(0);
    expect(sh("docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' alpine/socat").stdout).toBe('["socat"] null\n');
    expect(sh('docker exec cli wget -qO- http://fw/').stdout).toContain('Welcome to nginx!');
    expect(sh('curl -s http://127.0.0.1:8080/').stdout).toContain('Welcome to nginx!');
    expect(sh("docker ps --filter name=fw --format '{{.Command}}'").stdout).toBe('"socat TCP-LISTEN:80…"\n');
    const bare = sh('docker run --rm alpine/socat');
    expect(lines(bare.stderr)[0]![2]).toBe('exactly 2 addresses required (there are 0); use option "-h" for help');
    expect(bare.exitCode).toBe(1);
  });
});
