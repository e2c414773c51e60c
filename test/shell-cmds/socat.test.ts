/**
 * socat as tutorials use it, installed by apk or apt-get (the rig has no socat, so
 * no golden exists). Texts follow socat 1.8's source: socat.c ("exactly 2 addresses
 * required", "unknown option"), xioopen.c xioparse_single ("unknown device/address"),
 * xiohelp.c xiohelp_syntax ("wrong number of parameters ... usage:"), xio-ip.c
 * xiogetaddrinfo (the getaddrinfo line), the bind()/connect() lines of
 * xio-listen.c/xio-socket.c, and error.c's log format; socat's man page for
 * TCP-LISTEN's IPv4 default and UDP-RECVFROM's one packet without fork.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const LOG = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d socat\[\d+\] E /;

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create lab');
  sh('docker run -d --name srv --network lab alpine sleep 1000');
  sh('docker run -d --name cli --network lab alpine sleep 1000');
  return { sim, sh };
}

/** The message after socat's timestamp and PID. */
const message = (stderr: string) => {
  expect(stderr).toMatch(LOG);
  return stderr.replace(LOG, '');
};

describe('socat', () => {
  it('is not there until installed: the shell says so; apk add socat installs it', () => {
    const { sh } = world();
    expect(sh("docker exec srv sh -c 'socat -V'")).toMatchObject({ stderr: 'sh: socat: not found\n', exitCode: 127 });
    const add = sh('docker exec srv apk add socat');
    expect(add.exitCode).toBe(0);
    expect(add.stdout.split('\n')[0]).toBe('(1/1) Installing socat (1.8.0.3-r1)');
    expect(sh('docker exec srv which socat').stdout).toBe('/usr/bin/socat\n');
  });

  it('TCP-LISTEN with fork and SYSTEM answers every client, on 0.0.0.0 as netstat shows', () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    expect(sh(`docker exec -d srv socat TCP-LISTEN:9000,fork,reuseaddr SYSTEM:'echo hello from srv'`)).toMatchObject({ stderr: '', exitCode: 0 });
    expect(sh('docker exec srv netstat -tln').stdout).toMatch(/tcp +0 +0 0\.0\.0\.0:9000 +0\.0\.0\.0:\* +LISTEN/);
    expect(sh('docker exec cli nc srv 9000').stdout).toBe('hello from srv\n');
    // fork: the listener stays for the next client.
    expect(sh('docker exec cli nc srv 9000').stdout).toBe('hello from srv\n');
  });

  it('EXEC:cat echoes what the client sends; without fork the listener ends after one client', () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    sh('docker exec -d srv socat TCP-LISTEN:7000 EXEC:cat');
    expect(sh("docker exec cli sh -c 'echo ping | nc srv 7000'").stdout).toBe('ping\n');
    expect(sh('docker exec srv netstat -tln').stdout).not.toContain(':7000');
    expect(sh("docker exec cli sh -c 'echo ping | nc -w 1 srv 7000'")).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('socat - TCP:host:port is a client: stdin out, the answer to stdout', () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    sh('docker exec cli apk add socat');
    sh('docker exec -d srv socat TCP-LISTEN:7000,fork EXEC:cat');
    const out = sh("docker exec cli sh -c 'echo over socat | socat - TCP:srv:7000'");
    expect(out).toMatchObject({ stdout: 'over socat\n', stderr: '', exitCode: 0 });
    // The resolver's A and AAAA questions for srv, then the one connection.
    expect(out.traces?.map((t) => t.probe.kind)).toEqual(['udp-send', 'udp-send', 'tcp-connect']);
    // -u: left to right only, so the answer is not read.
    expect(sh("docker exec cli sh -c 'echo x | socat -u - TCP:srv:7000'").stdout).toBe('');
  });

  it('a forwarder: TCP-LISTEN,fork to TCP:app:80 answers with the app, and the trace shows both legs', () => {
    const { sh } = world();
    sh('docker run -d --name app --network lab nginx:alpine');
    sh('docker exec srv apk add socat');
    sh('docker exec -d srv socat TCP-LISTEN:8080,fork,reuseaddr TCP:app:80');
    const ip = (name: string) => sh(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ${name}`).stdout.trim();
    const out = sh('docker exec cli wget -qO- -T 2 http://srv:8080/');
    expect(out.stdout).toContain('<title>Welcome to nginx!</title>');
    const connects = (out.traces ?? []).filter((t) => t.probe.kind === 'tcp-connect');
    expect(connects.map((t) => t.probe.dst)).toEqual([ip('srv'), ip('app')]);
    // The second leg leaves from socat's container, where the first arrived.
    const first = connects[0]!.outcome;
    expect(first.kind).toBe('delivered');
    expect(connects[1]!.probe.from).toBe(first.kind === 'delivered' ? first.netns : '');
  });

  it('a forwarder whose backend refuses: the client gets nothing, socat logs connect()', () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    sh('docker run -d --name fwd --network lab alpine sh -c "apk add socat >/dev/null; socat TCP-LISTEN:8080 TCP:srv:81"');
    // The main process installs socat itself; the forwarder ends after its one client.
    expect(sh('docker exec cli sh -c "echo hi | nc fwd 8080"').stdout).toBe('');
    const logs = sh('docker logs fwd').stdout;
    // socat 1.8.0.3 (xio-ipapp.c): the failed connect() is a warning, then the address's error.
    expect(logs.split('\n').map((l) => l.replace(/^\S+ \S+ socat\[\d+\] /, ''))).toEqual([expect.stringMatching(/^W connect\(5, AF=2 172\.\d+\.\d+\.\d+:81, 16\): Connection refused$/), 'E TCP:srv:81: Connection refused', '']);
  });

  it('UDP-RECVFROM,fork prints each datagram; without fork it takes one packet', () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    sh('docker run -d --name udp --network lab alpine sh -c "apk add socat >/dev/null; socat -u UDP-RECVFROM:5000,fork STDOUT"');
    sh("docker exec cli sh -c 'echo one | nc -u -w1 udp 5000'");
    sh("docker exec cli sh -c 'echo two | nc -u -w1 udp 5000'");
    expect(sh('docker logs udp').stdout).toBe('one\ntwo\n');
    expect(sh('docker exec udp netstat -uln').stdout).toContain('0.0.0.0:5000');
    sh('docker run -d --name once --network lab alpine sh -c "apk add socat >/dev/null; socat UDP-RECVFROM:5001 -"');
    sh("docker exec cli sh -c 'echo only | nc -u -w1 once 5001'");
    expect(sh('docker logs once').stdout).toBe('only\n');
    expect(sh("docker ps -a --filter name=once --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\)/);
  });

  it('UDP-LISTEN keeps listening and prints what arrives', () => {
    const { sh } = world();
    sh('docker run -d --name ul --network lab alpine sh -c "apk add socat >/dev/null; socat UDP-LISTEN:5353 STDOUT"');
    sh("docker exec cli sh -c 'echo a | nc -u -w1 ul 5353'");
    sh("docker exec cli sh -c 'echo b | nc -u -w1 ul 5353'");
    expect(sh('docker logs ul').stdout).toBe('a\nb\n');
  });

  it("prints socat's errors for bad command lines and bad addresses, and changes nothing", () => {
    const { sh } = world();
    sh('docker exec srv apk add socat');
    const run = (args: string) => sh(`docker exec srv socat ${args}`);
    expect(run('')).toMatchObject({ exitCode: 1 });
    expect(message(run('').stderr)).toBe('exactly 2 addresses required (there are 0); use option "-h" for help\n');
    expect(message(run('TCP-LISTEN:80,fork TCP:a:1 extra').stderr)).toBe('exactly 2 addresses required (there are 3); use option "-h" for help\n');
    expect(message(run('-k - -').stderr)).toBe('unknown option "-k"; use option "-h" for help\n');
    expect(message(run('FOO:1 -').stderr)).toBe('unknown device/address "FOO"\n');
    expect(message(run('TCP-LISTEN - ').stderr)).toBe('TCP-LISTEN: wrong number of parameters (0 instead of 1): usage: TCP-LISTEN:<port>\n');
    expect(message(run('- tcp:srv').stderr)).toBe('tcp: wrong number of parameters (1 instead of 2): usage: tcp:<host>:<port>\n');
    // socat 1.8.0.3: _xiogetaddrinfo's warning, then _xioopen_ipapp_prepare's error (xio-ip.c, xio-ipapp.c).
    expect(run('- TCP:nosuch:80').stderr.replace(/^\S+ \S+ socat\[\d+\] /gm, '')).toBe('W getaddrinfo("nosuch", "80", {0x20,0,1,6}, {}): Name does not resolve\nE _xioopen_ipapp_prepare(node="nosuch", service="80", pf=0, ...): Name does not resolve\n');
    expect(run('- TCP:127.0.0.1:80').stderr.replace(/^\S+ \S+ socat\[\d+\] /gm, '')).toBe('W connect(5, AF=2 127.0.0.1:80, 16): Connection refused\nE TCP:127.0.0.1:80: Connection refused\n');
    // A port in use: bind()'s line, musl's wording.
    sh('docker exec -d srv socat TCP-LISTEN:9000,fork SYSTEM:true');
    expect(message(run('TCP-LISTEN:9000 -').stderr)).toBe('bind(5, {AF=2 0.0.0.0:9000}, 16): Address in use\n');
    // What socat accepts and vethlab does not model: one honest line.
    expect(run('OPENSSL-LISTEN:443 -')).toMatchObject({ stderr: "vethlab: socat's OPENSSL-LISTEN address is not modelled\n", exitCode: 1 });
    expect(run('TCP-LISTEN:80,fork EXEC:sh,pty').stderr).toBe('vethlab: socat\'s address option "pty" is not modelled on EXEC (only stderr, crlf, crnl)\n');
    expect(run('-D TCP-LISTEN:80 -').stderr).toBe('vethlab: socat option -D is not modelled\n');
    expect(sh('docker exec srv netstat -tln').stdout).not.toMatch(/:80 /);
  });

  it('Debian images install it with apt-get and speak glibc', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker run -d --name deb python:3.12-slim sleep 1000');
    sh('docker exec deb apt-get update');
    const install = sh('docker exec deb apt-get install -y socat');
    expect(install.exitCode).toBe(0);
    expect(install.stdout).toContain('Setting up socat (1.8.0.3-1) ...');
    expect(sh('docker exec deb socat - TCP:nosuch:80').stderr.replace(/^\S+ \S+ socat\[\d+\] /gm, '')).toBe('W getaddrinfo("nosuch", "80", {0x20,0,1,6}, {}): Name or service not known\nE _xioopen_ipapp_prepare(node="nosuch", service="80", pf=0, ...): Name or service not known\n');
  });
});
