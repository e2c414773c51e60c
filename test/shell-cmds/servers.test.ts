import { describe, expect, it } from 'vitest';
import { synAttempts } from '../../src/sim/shell/servers.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

describe('TCP conversations in the rule counters', () => {
  it('sends SYNs 1 s apart (kernel 6.18 tcp_syn_linear_timeouts=4) until the program gives up', () => {
    expect([1, 2, 3, 4, 8, undefined].map(synAttempts)).toEqual([1, 2, 3, 4, 7, 7]);
  });

  it('counts a dropped connect’s retransmissions and a whole HTTP exchange (golden 24)', () => {
    const sim = new Simulator();
    for (const line of [
      'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
      'docker run -itd --name ca --network noicc busybox',
      'docker run -d --name web --network noicc httpd',
      'docker exec ca wget -qO- -T 2 http://web',
      'docker exec ca wget -qO- -T 2 http://203.0.113.10/',
    ]) sim.runScriptLine(line);
    const counts = sim
      .runScriptLine('iptables -L DOCKER-FORWARD -n -v')
      .stdout.split('\n')
      .slice(2, -1)
      .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '));
    // Two SYNs to web dropped (icc off); six packets out to the internet host, its six back
    // accepted by DOCKER-CT as ESTABLISHED: 14 through DOCKER-CT, 8 past it. Bytes: SYNs 60,
    // other segments 52 plus the payload, wget's 75-byte request out and httpd's 283-byte answer back.
    expect(counts).toEqual(['14 1118 DOCKER-CT', '8 515 DOCKER-ISOLATION-STAGE-1', '8 515 DOCKER-BRIDGE', '0 0 ACCEPT', '2 120 DROP', '6 395 ACCEPT']);
  });
});

describe('curl’s view of HTTP', () => {
  it('prints headers with -I and -i, the error page without -f, and exit 22 with it', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name web -p 8080:80 httpd');
    const head = sim.runScriptLine('curl -sI http://192.168.1.108:8080/').stdout;
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(head).toContain('Content-Length: 45\r\n');
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    expect(sim.runScriptLine('curl -si http://192.168.1.108:8080/').stdout.endsWith('\r\n\r\n<html><body><h1>It works!</h1></body></html>\n')).toBe(true);
    expect(sim.runScriptLine('curl -s http://192.168.1.108:8080/nope')).toMatchObject({ stdout: expect.stringContaining('404 Not Found'), exitCode: 0 });
    expect(sim.runScriptLine('curl -sf http://192.168.1.108:8080/nope')).toMatchObject({ stdout: '', stderr: '', exitCode: 22 });
    expect(sim.runScriptLine('curl -f http://192.168.1.108:8080/nope').stderr).toBe('curl: (22) The requested URL returned error: 404\n');
  });

  it('writes to -o, expands -w, and never takes an option’s value for the URL (as curl 7.88 on this machine)', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name web -p 8080:80 httpd');
    const run = (line: string) => sim.runScriptLine(line);
    expect(run(`lan$ curl -s -o /dev/null -w "%{http_code}\\n" http://192.168.1.108:8080`)).toMatchObject({ stdout: '200\n', stderr: '', exitCode: 0 });
    expect(run('curl -s -o /tmp/page http://localhost:8080; cat /tmp/page').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(run("curl -s http://localhost:8080 -H 'Host: example'").stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(run("curl -sw '%{http_code}\\n' -o /dev/null http://localhost:8080/nope").stdout).toBe('404\n');
    // No answer: 000, no remote address (what curl 7.88 printed here for a refused port).
    expect(run("curl -s -w '%{http_code} %{remote_ip}:%{remote_port} %{size_download}\\n' -o /dev/null http://localhost:8081")).toMatchObject({ stdout: '000 :0 0\n', exitCode: 7 });
    expect(run('curl -o /nonexist/x http://localhost:8080')).toMatchObject({ exitCode: 23, stderr: expect.stringContaining('Warning: Failed to open the file /nonexist/x: No such file or directory\ncurl: (23) Failure writing output to destination\n') });
    expect(run("curl -s -w '%{foo}x\\n' -o /dev/null http://localhost:8080")).toMatchObject({ stdout: 'x\n', stderr: "curl: unknown --write-out variable: 'foo'\n" });
  });
});

describe('docker container, rename, top and logs --tail', () => {
  it('answers the management command’s names and renames the DNS name too', () => {
    const sim = new Simulator();
    const sh = (l: string) => sim.runScriptLine(l);
    sh('docker network create appnet');
    sh('docker run -d --name web --network appnet redis');
    sh('docker run -itd --name cl --network appnet busybox');
    expect(sh(`docker container ls --format '{{.Names}}'`).stdout).toBe('cl\nweb\n');
    expect(sh('docker rename web cache')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(sh('docker exec cl ping -c 1 cache').exitCode).toBe(0);
    expect(sh('docker rename cache cl').stderr).toMatch(/^Error response from daemon: Error when allocating new name: Conflict\. The container name "\/cl" is already in use/);
    expect(sh('docker top cache').stdout.split('\n')[1]).toMatch(/^root\s+\d+\s+\d+\s+0\s+00:00\s+\?\s+00:00:00\s+redis-server$/);
    expect(sh('docker logs --tail 1 cache').stdout).toBe('Ready to accept connections tcp 6379\n');
    expect(sh('docker container inspect appnet')).toMatchObject({ stdout: '[]\n', exitCode: 1 });
  });
});
