/**
 * What a request leaves in `docker logs` of the official web server images: nginx's
 * access log in its image's `main` format (docker-library/nginx's nginx.conf:
 * `'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'`, access.log a link to
 * /dev/stdout), httpd's in Apache's `common` format (docker-library/httpd's
 * httpd.conf: `"%h %l %u %t \"%r\" %>s %b"`, CustomLog /proc/self/fd/1). Times are the
 * virtual clock's, in UTC. The rig's busybox httpd logs nothing (golden 22-ports-reach).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

/** `07/Dec/2026:13:05:21 +0000` for a time, written out here as the servers' strftime would. */
function logTime(ms: number): string {
  const d = new Date(ms);
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** The access lines of a container's log (nginx's start-up notices dropped). */
const accessLines = (sim: Simulator, name: string) => sim.runScriptLine(`docker logs ${name}`).stdout.split('\n').filter((l) => / - - \[/.test(l));

describe('access logs of the official web server images', () => {
  it('nginx logs each request in its `main` format: the client as it reached nginx, status, body bytes, user agent', () => {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('docker run -d --name web -p 8080:80 nginx');
    sim.runScriptLine('docker run -itd --name client busybox');
    const page = sim.runScriptLine('curl -s localhost:8080/').stdout;
    const at = logTime(sim.engine.kernel.now);
    sim.runScriptLine('docker exec client wget -qO- http://172.17.0.2/nope');
    const later = logTime(sim.engine.kernel.now);
    expect(accessLines(sim, 'web')).toEqual([
      // Through the published port the userland proxy connects from docker0's address.
      `172.17.0.1 - - [${at}] "GET / HTTP/1.1" 200 ${page.length} "-" "curl/7.88.1" "-"`,
      `172.17.0.3 - - [${later}] "GET /nope HTTP/1.1" 404 153 "-" "Wget" "-"`,
    ]);
  });

  it('httpd logs each request in Apache’s common format (`-` for no body)', () => {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('docker run -d --name ap -p 8081:80 httpd:2.4');
    const body = sim.runScriptLine('curl -s localhost:8081/').stdout;
    const at = logTime(sim.engine.kernel.now);
    sim.runScriptLine('curl -sI localhost:8081/');
    expect(accessLines(sim, 'ap')).toEqual([`172.17.0.1 - - [${at}] "GET / HTTP/1.1" 200 ${body.length}`, `172.17.0.1 - - [${logTime(sim.engine.kernel.now)}] "HEAD / HTTP/1.1" 200 -`]);
  });

  it('the rig’s busybox httpd and a server started by a command line log no requests', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name web httpd');
    sim.runScriptLine('wget -qO- http://172.17.0.2/');
    expect(accessLines(sim, 'web')).toEqual([]);
  });
});

describe('busybox wget and statuses other than 200 (beyond golden wget-statuses)', () => {
  /** A raw server answering every client with `answer` (a loop around nc, as the golden's). */
  const serve = (sim: Simulator, name: string, answer: string) => sim.runScriptLine(`docker run -d --name ${name} busybox sh -c 'while true; do printf "${answer}" | nc -l -p 80 >/dev/null; done'`);

  it('follows a Location of a path on the same server without a second `Connecting to`', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name web httpd');
    serve(sim, 'rel', 'HTTP/1.1 301 Moved\\r\\nLocation: /index.html\\r\\n\\r\\n');
    sim.runScriptLine('docker run -itd --name client busybox');
    // The loop's next turn answers the same 301 again: busybox 1.35 gives up after five (checked with its wget here).
    expect(sim.runScriptLine('docker exec client wget -O /tmp/x http://172.17.0.3/')).toMatchObject({ stderr: 'Connecting to 172.17.0.3 (172.17.0.3:80)\nwget: too many redirections\n', exitCode: 1 });
  });

  it('prints the status line as the server sent it, whatever its reason phrase', () => {
    const sim = new Simulator();
    serve(sim, 'odd', 'HTTP/1.1 503 Slow Down Please\\r\\n\\r\\n');
    sim.runScriptLine('docker run -itd --name client busybox');
    expect(sim.runScriptLine('docker exec client wget -qO- http://172.17.0.2/')).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.1 503 Slow Down Please\n', exitCode: 1 });
  });
});
