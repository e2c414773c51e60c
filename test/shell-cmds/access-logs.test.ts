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

describe("nginx's own access_log and log_format", () => {
  // Source: nginx.org's ngx_http_log_module page and nginx/nginx src/http/modules/ngx_http_log_module.c
  // (ngx_http_combined_fmt, ngx_http_log_merge_loc_conf, ngx_http_log_set_log, ngx_http_log_escape);
  // the official image's nginx.conf defines `main` and links /var/log/nginx/access.log to stdout.
  /** nginx with this conf.d/default.conf (a here-document on the host, mounted read-only). */
  function nginxWith(conf: string): Simulator {
    const sim = new Simulator({ images: 'playground' });
    sim.runScriptLine('mkdir -p /srv/web');
    sim.runScriptLine(`cat > /srv/web/default.conf <<'EOF'\n${conf}\nEOF`);
    sim.runScriptLine('docker run -d --name web -p 8080:80 -v /srv/web/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    return sim;
  }
  const logsOf = (sim: Simulator) => sim.runScriptLine('docker logs web').stdout.split('\n').filter((l) => !/^(\/docker-entrypoint|\d{4}\/|10-listen-on-ipv6)/.test(l) && l !== '');

  it('access_log off in a location logs nothing there; the server level goes on in main', () => {
    const sim = nginxWith('server {\n    listen 80;\n    location /quiet/ {\n        access_log off;\n        return 200 quiet;\n    }\n    location / {\n        return 200 loud;\n    }\n}');
    expect(sim.runScriptLine('curl -s localhost:8080/quiet/').stdout).toBe('quiet');
    expect(sim.runScriptLine('curl -s localhost:8080/').stdout).toBe('loud');
    expect(logsOf(sim)).toEqual([`172.17.0.1 - - [${logTime(sim.engine.kernel.now)}] "GET / HTTP/1.1" 200 4 "-" "curl/7.88.1" "-"`]);
  });

  it('a server-level access_log with its own log_format (variables as $name and ${name}) replaces the http one', () => {
    const sim = nginxWith("log_format brief '$request_method ${uri}?$args $status $host ua=\"$http_user_agent\" who=$remote_user';\nserver {\n    listen 80;\n    access_log /dev/stdout brief;\n    location / {\n        return 200 ok;\n    }\n}");
    sim.runScriptLine('curl -s -A \'my "agent"\' "localhost:8080/a/b?x=1"');
    // A variable with no value prints `-`; a value's `"` is escaped as \x22.
    expect(logsOf(sim)).toEqual(['GET /a/b?x=1 200 localhost ua="my \\x22agent\\x22" who=-']);
  });

  it('access_log PATH without a format uses combined, and writes a file in the container', () => {
    const sim = nginxWith('server {\n    listen 80;\n    access_log /var/log/nginx/web.log;\n    location / {\n        return 200 ok;\n    }\n}');
    expect(sim.runScriptLine('docker exec web cat /var/log/nginx/web.log')).toMatchObject({ stdout: '', exitCode: 0 });
    sim.runScriptLine('curl -s localhost:8080/x');
    const at = logTime(sim.engine.kernel.now);
    expect(sim.runScriptLine('docker exec web cat /var/log/nginx/web.log').stdout).toBe(`172.17.0.1 - - [${at}] "GET /x HTTP/1.1" 200 2 "-" "curl/7.88.1"\n`);
    expect(logsOf(sim)).toEqual([]);
  });

  it('escape=json leaves a missing value empty and escapes JSON-style', () => {
    const sim = nginxWith("log_format j escape=json '{\"ref\":\"$http_referer\",\"ua\":\"$http_user_agent\",\"status\":$status}';\nserver {\n    listen 80;\n    access_log /dev/stdout j;\n    return 204;\n}");
    sim.runScriptLine('curl -s -A \'a"b\' localhost:8080/');
    expect(logsOf(sim)).toEqual(['{"ref":"","ua":"a\\"b","status":204}']);
  });

  it("stops nginx with its [emerg] for a format it does not know and a log file it cannot open", () => {
    const unknown = nginxWith('server {\n    listen 80;\n    access_log /dev/stdout nosuch;\n}');
    expect(unknown.runScriptLine('docker logs web').stderr + unknown.runScriptLine('docker logs web').stdout).toContain('nginx: [emerg] unknown log format "nosuch" in /etc/nginx/conf.d/default.conf:3\n');
    expect(unknown.runScriptLine("docker ps -a --format '{{.Status}}'").stdout).toMatch(/^Exited \(1\)/);
    const nodir = nginxWith('server {\n    listen 80;\n    access_log /nope/web.log;\n}');
    expect(nodir.runScriptLine('docker logs web').stdout).toContain('nginx: [emerg] open() "/nope/web.log" failed (2: No such file or directory)\n');
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
