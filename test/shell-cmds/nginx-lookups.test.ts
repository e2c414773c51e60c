/**
 * nginx resolves its upstreams' names when it reads its configuration (at start, for
 * `nginx -t`, and twice for `nginx -s reload`: the signaller's ngx_init_cycle, then the
 * master's), each through ngx_inet_resolve_host (nginx's src/core/ngx_inet.c: getaddrinfo
 * with AF_UNSPEC and AI_ADDRCONFIG), and those questions are packets. What AI_ADDRCONFIG
 * asks was recorded on the rig with glibc's `getent ahosts`, which sets it
 * (test/fixtures/tcpdump/capaddrconfig.txt, twice): on an IPv4-only network glibc sends the
 * A question alone, on an IPv6 network A and AAAA from one socket. musl (nginx:alpine) counts
 * IPv6 configured when a UDP socket connects to ::1 (src/network/getaddrinfo.c), which lo
 * has in every container, so it asks both everywhere.
 */
import { describe, expect, it } from 'vitest';
import { runLine } from '../../src/scenario/scenario.ts';
import type { Trace } from '../../src/sim/net/trace.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { rigBlock, rigCapture } from './tcpdump-rig.ts';

const CONF = `upstream apps {
    server app1:80;
}
server {
    listen 80;
    location /one/ {
        proxy_pass http://apps/;
    }
    location /two/ {
        proxy_pass http://app2:80/;
    }
    location /again/ {
        proxy_pass http://app2:80/again/;
    }
}`;

function world(conf = CONF, network = 'docker network create appnet') {
  const sim = new Simulator({ images: 'playground' });
  const run = (line: string) => runLine(sim, line);
  for (const line of [network, 'mkdir -p /srv/proxy', `cat > /srv/proxy/default.conf <<'EOF'\n${conf}\nEOF`, 'docker run -d --name app1 --network appnet httpd', 'docker run -d --name app2 --network appnet httpd']) run(line);
  return run;
}

/** The questions a command sent from a container (the embedded DNS's forwarding leaves from the host): type, name and source port. */
const asked = (traces: readonly Trace[] | undefined) =>
  (traces ?? []).filter((t) => t.hops[0]?.netns.startsWith('container:') && t.probe.dns).map((t) => ({ q: `${t.probe.dns!.type} ${t.probe.dns!.name}`, port: t.hops[0]!.packet.sport }));

const PROXY = '-v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro';
const GETENT = '/td/ld-linux-x86-64.so.2 --library-path /td /td/getent ahosts';
const capLine = (who: string, name: string) => `cap.sh lo $(docker inspect -f '{{.State.Pid}}' ${who}) '' docker exec ${who} ${GETENT} ${name}`;

describe('the rig: glibc getaddrinfo with AI_ADDRCONFIG', () => {
  it('sends the A question alone on an IPv4-only network, A and AAAA from one socket on an IPv6 one', () => {
    for (const file of ['capaddrconfig.txt', 'capaddrconfig-2.txt']) {
      const v4 = rigCapture(file, capLine('c1', 'c2')).filter((l) => l.includes(' > 127.0.0.11.'));
      expect(v4.map((l) => /length (\d+)/.exec(l)![1]), file).toEqual(['20']);
      expect(rigBlock(file, capLine('c1', 'c2'))).toContain(' A 172.18.0.3 (38)');
      const v6 = rigCapture(file, capLine('d1', 'd2')).filter((l) => l.includes(' > 127.0.0.11.'));
      expect(new Set(v6.map((l) => /127\.0\.0\.1\.(\d+) >/.exec(l)![1])).size, file).toBe(1);
      expect(v6.length, file).toBe(2);
    }
  });
});

describe('nginx resolves its upstreams as it reads its configuration, and the questions are packets', () => {
  it('nginx (glibc) at start: one A question per name, an upstream block\'s server first, an implicit upstream once per host and port', () => {
    const run = world();
    const out = run(`docker run -d --name proxy --network appnet ${PROXY} nginx`);
    const questions = asked(out.traces);
    expect(questions.map((x) => x.q)).toEqual(['A app1', 'A app2']);
    // Each getaddrinfo call opens a socket of its own.
    expect(new Set(questions.map((x) => x.port)).size).toBe(2);
    // The Trace panel shows the command's last trace: nginx's last answer.
    expect(out.traces?.at(-1)?.probe.dns?.answer.records).toEqual([{ type: 'A', data: '172.18.0.3' }]);
    expect(run('curl -s -o /dev/null -w "%{http_code}" 172.18.0.4/two/').stdout).toBe('200');
  });

  it('nginx (glibc) on an IPv6 network asks A and AAAA from one socket per name', () => {
    const run = world(CONF, 'docker network create --ipv6 --subnet fd00:db8:1::/64 appnet');
    const questions = asked(run(`docker run -d --name proxy --network appnet ${PROXY} nginx`).traces);
    expect(questions.map((x) => x.q)).toEqual(['A app1', 'AAAA app1', 'A app2', 'AAAA app2']);
    expect(questions[0]!.port).toBe(questions[1]!.port);
    expect(questions[2]!.port).toBe(questions[3]!.port);
    expect(questions[0]!.port).not.toBe(questions[2]!.port);
  });

  it('nginx:alpine (musl) asks A and AAAA on an IPv4-only network too', () => {
    const run = world();
    const questions = asked(run(`docker run -d --name proxy --network appnet ${PROXY} nginx:alpine`).traces);
    expect(questions.map((x) => x.q)).toEqual(['A app1', 'AAAA app1', 'A app2', 'AAAA app2']);
  });

  it('a name nobody answers: its NXDOMAIN question, the [emerg] naming the implicit upstream by its host, and the container exits', () => {
    const run = world(CONF.replace('http://app2:80/;', 'http://nosuch:80/;'));
    const out = run(`docker run -d --name proxy --network appnet ${PROXY} nginx`);
    expect(asked(out.traces).map((x) => x.q)).toEqual(['A app1', 'A nosuch']);
    expect(out.traces?.at(-1)?.probe.dns?.answer.rcode).toBe('NXDomain');
    expect(run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' proxy").stdout).toBe('exited 1\n');
    expect(run('docker logs proxy').stderr + run('docker logs proxy').stdout).toContain('nginx: [emerg] host not found in upstream "nosuch" in /etc/nginx/conf.d/default.conf:10\n');
  });

  it('nginx -t asks again; nginx -s reload asks twice (the signaller, then the master), and tcpdump on lo shows them', () => {
    const run = world();
    run(`docker run -d --name proxy --network appnet ${PROXY} nginx`);
    expect(asked(run('docker exec proxy nginx -t').traces).map((x) => x.q)).toEqual(['A app1', 'A app2']);
    run("docker exec proxy sh -c 'apt-get update && apt-get install -y tcpdump'");
    const out = run('docker exec proxy tcpdump -n -i lo & docker exec proxy nginx -s reload');
    expect(asked(out.traces).map((x) => x.q)).toEqual(['A app1', 'A app2', 'A app1', 'A app2']);
    const lines = out.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} IP /.test(l)).map((l) => l.replace(/^\S+ /, '').replace(/\.\d{5}\b/g, '.P').replace(/: \d+ /, ': ID '));
    // 22 bytes of question for app1 or app2; the embedded DNS writes the answer's name out in full (+20).
    expect(lines).toEqual([
      'IP 127.0.0.1.P > 127.0.0.11.P: UDP, length 22',
      'IP 127.0.0.11.53 > 127.0.0.1.P: ID 1/0/0 A 172.18.0.2 (42)',
      'IP 127.0.0.1.P > 127.0.0.11.P: UDP, length 22',
      'IP 127.0.0.11.53 > 127.0.0.1.P: ID 1/0/0 A 172.18.0.3 (42)',
      'IP 127.0.0.1.P > 127.0.0.11.P: UDP, length 22',
      'IP 127.0.0.11.53 > 127.0.0.1.P: ID 1/0/0 A 172.18.0.2 (42)',
      'IP 127.0.0.1.P > 127.0.0.11.P: UDP, length 22',
      'IP 127.0.0.11.53 > 127.0.0.1.P: ID 1/0/0 A 172.18.0.3 (42)',
    ]);
  });

  it('an address literal or an /etc/hosts name sends nothing', () => {
    const run = world(`server {\n    location / {\n        proxy_pass http://172.18.0.2/;\n    }\n    location /h/ {\n        proxy_pass http://gateway.local/;\n    }\n}`);
    const out = run(`docker run -d --name proxy --network appnet --add-host gateway.local:172.18.0.1 ${PROXY} nginx`);
    expect(asked(out.traces)).toEqual([]);
    expect(run("docker inspect -f '{{.State.Status}}' proxy").stdout).toBe('running\n');
  });
});

describe("glibc's getent ahosts asks as AI_ADDRCONFIG does, and prints the rig's lines", () => {
  /** The rig's world of capaddrconfig.sh, with Debian containers (glibc's getent) and tcpdump installed in c1 and d1. */
  function rigWorld() {
    const sim = new Simulator({ images: 'playground' });
    const run = (line: string) => runLine(sim, line);
    for (const line of [
      'docker network create net1',
      'docker network create --ipv6 --subnet fd00:db8:1::/64 net6',
      'docker run -d --name c1 --network net1 nginx',
      'docker run -d --name c2 --network net1 httpd',
      'docker run -d --name d1 --network net6 nginx',
      'docker run -d --name d2 --network net6 httpd',
    ]) run(line);
    for (const c of ['c1', 'd1']) run(`docker exec ${c} sh -c 'apt-get update && apt-get install -y tcpdump'`);
    return run;
  }
  const PACKET = /^\d\d:\d\d:\d\d\.\d{6} /;
  const shape = (lines: string[]) => lines.map((l) => l.replace(/^\S+ /, '').replace(/\.\d{5}\b/g, '.P').replace(/: \d+(?=\*? |\+ )/, ': ID'));
  const printedOnRig = (file: string, who: string, name: string) => {
    const block = rigBlock(file, capLine(who, name));
    return block.slice(block.indexOf('\n') + 1, block.indexOf('[cmd exit'));
  };

  it('on an IPv4-only network: the A question alone; on an IPv6 one A and AAAA from one socket, the IPv6 address first', () => {
    const run = rigWorld();
    const v4 = run('docker exec c1 tcpdump -n -i lo & docker exec c1 getent ahosts c2');
    expect(v4.stdout.split('\n').filter((l) => !PACKET.test(l) && /STREAM|DGRAM|RAW/.test(l)).join('\n') + '\n').toBe(printedOnRig('capaddrconfig.txt', 'c1', 'c2'));
    expect(shape(v4.stdout.split('\n').filter((l) => PACKET.test(l)))).toEqual(shape(rigCapture('capaddrconfig.txt', capLine('c1', 'c2'))));
    const v6 = run('docker exec d1 tcpdump -n -i lo & docker exec d1 getent ahosts d2');
    expect(v6.stdout.split('\n').filter((l) => !PACKET.test(l) && /STREAM|DGRAM|RAW/.test(l)).join('\n') + '\n').toBe(printedOnRig('capaddrconfig.txt', 'd1', 'd2'));
    // The rig's two recordings differ only in which answer came back first; here A's does (the first recording's order).
    const questions = asked(v6.traces);
    expect(questions.map((x) => x.q)).toEqual(['A d2', 'AAAA d2']);
    expect(questions[0]!.port).toBe(questions[1]!.port);
    const nosuch = run('docker exec c1 getent ahosts nosuch');
    expect(nosuch.exitCode).toBe(2);
    expect(nosuch.stdout).toBe('');
    expect(asked(nosuch.traces).map((x) => x.q)).toEqual(['A nosuch']);
    expect(asked(run('docker exec d1 getent ahostsv4 d2').traces).map((x) => x.q)).toEqual(['A d2']);
  });
});
