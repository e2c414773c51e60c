/**
 * caddy as tutorials use it, the official image (caddy 2.10.2). Sources, at tag v2.10.2
 * of caddyserver/caddy unless named: caddyserver/caddy-docker 2.10/alpine/Dockerfile at
 * 5572371 (CMD, WORKDIR) and caddyserver/dist at 33ae08ff (config/Caddyfile,
 * welcome/index.html: 18753 bytes, "Caddy works!"); cmd/main.go and cmd/commandfuncs.go
 * (using config from file, adapted config to JSON, serving initial configuration);
 * admin.go, caddy.go (autosaved config); modules/caddyhttp/app.go and autohttps.go
 * (HTTP/2 and HTTP/3 skipped, server running, automatic HTTPS); caddyconfig/caddyfile
 * (parse.go, formatter.go, adapter.go's formatting warning) and httpcaddyfile/httptype.go
 * (unrecognized directive); server.go (Server: Caddy), fileserver/staticfiles.go (Etag,
 * Vary), reverseproxy/reverseproxy.go (Via, X-Forwarded-*, statusError at line 1390),
 * staticresp.go (respond); cmd/cobra.go (cobra's Error: lines); reverseproxy/command.go
 * (caddy proxying), staticresp.go's cmdRespond (Server address). `caddy version`'s h1
 * hash is sum.golang.org's for github.com/caddyserver/caddy/v2 v2.10.2.
 */
import { describe, expect, it } from 'vitest';
import { runLine } from '../../src/scenario/scenario.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { formatCaddyfile, formattingDifference } from '../../src/sim/shell/caddy/caddyfile.ts';
import { CADDY_DEFAULT_CADDYFILE, CADDY_WELCOME_HTML } from '../../src/sim/shell/caddy/image-files.ts';

const PULL_LINES = /^(Unable to find|[\w.-]+: Pulling|[0-9a-f]{12}: |Digest|Status).*\n/gm;

function world(lines: readonly string[] = []): Simulator {
  const sim = new Simulator({ images: 'playground' });
  for (const line of ['docker network create appnet', 'mkdir -p /srv', ...lines]) {
    const out = runLine(sim, line);
    expect(out.stderr.replace(PULL_LINES, ''), line).toBe('');
  }
  return sim;
}

const run = (sim: Simulator, line: string) => runLine(sim, line);
/** The JSON log lines' messages, for asserting their order. */
const messages = (logs: string) => logs.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
/** What `docker logs` prints (the container's stdout and stderr as they were written). */
const logsOf = (sim: Simulator, name: string) => {
  const out = runLine(sim, `docker logs ${name}`);
  return out.stdout + out.stderr;
};
const caddyfile = (path: string, text: string) => `cat > ${path} <<'EOF'\n${text}\nEOF`;

describe('the official image as it starts', () => {
  it('serves its welcome page on :80 with caddy headers', () => {
    const sim = world(['docker run -d --name web -p 8080:80 caddy:2.10.2']);
    const out = run(sim, 'curl -si localhost:8080/');
    const [head, body] = out.stdout.split('\r\n\r\n');
    expect(body).toBe(CADDY_WELCOME_HTML);
    expect(new TextEncoder().encode(body).length).toBe(18753);
    expect(body).toContain('<title>Caddy works!</title>');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 200 OK',
      'Accept-Ranges: bytes',
      'Content-Length: 18753',
      'Content-Type: text/html; charset=utf-8',
      // calculateEtag: the file's mtime in nanoseconds and its size, in base 36.
      expect.stringMatching(/^Etag: "[0-9a-z]+"$/),
      expect.stringMatching(/^Last-Modified: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/),
      'Server: Caddy',
      'Vary: Accept-Encoding',
      expect.stringMatching(/^Date: /),
    ]);
    expect(run(sim, 'curl -s -o /dev/null -w "%{http_code}" localhost:8080/missing').stdout).toBe('404');
  });

  it('ships caddy-docker\'s Caddyfile, which is formatted as caddy fmt writes it', () => {
    const sim = world(['docker run -d --name web caddy']);
    expect(run(sim, 'docker exec web cat /etc/caddy/Caddyfile').stdout).toBe(CADDY_DEFAULT_CADDYFILE);
    expect(CADDY_DEFAULT_CADDYFILE).toContain(':80 {\n\t# Set this path to your site\'s directory.\n\troot * /usr/share/caddy\n');
    expect(formattingDifference(CADDY_DEFAULT_CADDYFILE)).toBeUndefined();
    expect(run(sim, 'docker exec web pwd').stdout).toBe('/srv\n');
  });

  it('logs what caddy run logs at start, as JSON lines on the virtual clock', () => {
    const sim = world(['docker run -d --name web caddy']);
    const all = logsOf(sim, 'web');
    expect(messages(all)).toEqual([
      'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined',
      'GOMEMLIMIT is updated',
      'using config from file',
      'adapted config to JSON',
      'admin endpoint started',
      'started background certificate maintenance',
      'server is listening only on the HTTP port, so no automatic HTTPS will be applied to this server',
      'HTTP/2 skipped because it requires TLS',
      'HTTP/3 skipped because it requires TLS',
      'server running',
      'autosaved config (load with --resume flag)',
      'serving initial configuration',
      'cleaning storage unit',
      'finished cleaning storage units',
    ]);
    expect(all).toContain('{"level":"info","ts":');
    expect(all).toContain(',"msg":"using config from file","file":"/etc/caddy/Caddyfile"}\n');
    expect(all).toContain(',"logger":"admin","msg":"admin endpoint started","address":"localhost:2019","enforce_origin":false,"origins":["//localhost:2019","//[::1]:2019","//127.0.0.1:2019"]}\n');
    expect(all).toContain('"GOMEMLIMIT":3698100633,"previous":9223372036854775807}');
    // ts is the simulator's clock in seconds.
    const ts = (JSON.parse(all.split('\n')[0]!) as { ts: number }).ts;
    expect(ts * 1000).toBe(sim.kernel.now);
    expect(run(sim, 'docker exec web netstat -tln').stdout).toMatch(/127\.0\.0\.1:2019/);
  });
});

const PROXY_CADDYFILE = `:80 {
\treverse_proxy app:80
}`;

describe('a mounted Caddyfile', () => {
  it('proxies to an app by container name: both legs, and the name asked as packets', () => {
    const sim = world(['docker run -d --name app --network appnet traefik/whoami', caddyfile('/srv/Caddyfile', PROXY_CADDYFILE), 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile:ro caddy']);
    const out = run(sim, 'curl -si localhost:8080/hello');
    expect(out.exitCode).toBe(0);
    const split = out.stdout.indexOf('\r\n\r\n');
    const [head, body] = [out.stdout.slice(0, split), out.stdout.slice(split + 4)];
    // The upstream's headers as it sent them, caddy's Server swapped for Via (reverseproxy.go, #6275).
    expect(head).toContain('\r\nVia: 1.1 Caddy');
    expect(head).not.toContain('Server: Caddy');
    expect(body).toContain('GET /hello HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\nAccept-Encoding: gzip\r\nVia: 1.1 Caddy\r\nX-Forwarded-For: 172.18.0.1\r\nX-Forwarded-Host: localhost:8080\r\nX-Forwarded-Proto: http\r\n');
    const traces = out.traces ?? [];
    const connects = traces.filter((t) => t.probe.kind === 'tcp-connect');
    // client -> docker-proxy, docker-proxy -> caddy, caddy -> app: the last is delivered to whoami.
    expect(connects.at(-1)!.outcome).toMatchObject({ kind: 'delivered', process: 'whoami' });
    expect(connects.some((t) => t.outcome.kind === 'delivered' && t.outcome.process === 'caddy')).toBe(true);
    // Go's resolver asked Docker's DNS for app before the dial.
    expect(traces.some((t) => t.probe.kind === 'udp-send' && t.probe.dst === '127.0.0.11')).toBe(true);
  });

  it('spreads requests over several upstreams: at random by default, in turn with lb_policy round_robin', () => {
    const setup = ['docker run -d --name a1 --network appnet hashicorp/http-echo -listen :80 -text one', 'docker run -d --name a2 --network appnet hashicorp/http-echo -listen :80 -text two'];
    const random = world([...setup, caddyfile('/srv/Caddyfile', ':80 {\n\treverse_proxy a1:80 a2:80\n}'), 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    const seen = new Set(Array.from({ length: 12 }, () => run(random, 'curl -s localhost:8080/').stdout));
    expect(seen).toEqual(new Set(['one\n', 'two\n']));
    const robin = world([...setup, caddyfile('/srv/Caddyfile', ':80 {\n\treverse_proxy a1:80 a2:80 {\n\t\tlb_policy round_robin\n\t}\n}'), 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    // RoundRobinSelection adds one before it picks: the second upstream answers first.
    expect(Array.from({ length: 4 }, () => run(robin, 'curl -s localhost:8080/').stdout)).toEqual(['two\n', 'one\n', 'two\n', 'one\n']);
  });

  it('answers with respond, redir, header, handle_path and file_server in caddy\'s directive order', () => {
    const conf = `:80 {
\troot * /srv/site
\theader X-Served-By caddy
\tredir /old /new permanent
\thandle_path /api/* {
\t\treverse_proxy app:80
\t}
\trespond /health "ok" 200
\tfile_server
}`;
    const sim = world(['docker run -d --name app --network appnet traefik/whoami', 'mkdir -p /srv/site', "echo '<h1>site</h1>' > /srv/site/index.html", caddyfile('/srv/Caddyfile', conf), 'docker run -d --name web --network appnet -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile -v /srv/site:/srv/site caddy']);
    const health = run(sim, 'curl -si localhost:8080/health').stdout;
    expect(health).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/plain; charset=utf-8\r\nServer: Caddy\r\nX-Served-By: caddy\r\nDate: .*\r\nContent-Length: 2\r\n\r\nok$/);
    expect(run(sim, 'curl -si localhost:8080/old').stdout).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\nLocation: \/new\r\nServer: Caddy\r\nX-Served-By: caddy\r\n/);
    // handle_path strips its prefix before the upstream sees the path.
    expect(run(sim, 'curl -s localhost:8080/api/users').stdout).toContain('GET /users HTTP/1.1\r\n');
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('<h1>site</h1>\n');
    expect(run(sim, 'curl -si localhost:8080/nothing-here').stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nServer: Caddy\r\nX-Served-By: caddy\r\nDate: .*\r\nContent-Length: 0\r\n\r\n$/);
  });

  it('answers 502 when the upstream is gone, and logs why as http.log.error', () => {
    const sim = world(['docker run -d --name app --network appnet traefik/whoami', caddyfile('/srv/Caddyfile', PROXY_CADDYFILE), 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    run(sim, 'docker stop app');
    expect(run(sim, 'curl -si localhost:8080/').stdout).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\nServer: Caddy\r\nDate: .*\r\nContent-Length: 0\r\n\r\n$/);
    const last = logsOf(sim, 'proxy').trimEnd().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ level: 'error', logger: 'http.log.error', msg: 'dial tcp: lookup app on 127.0.0.11:53: no such host', status: 502, err_trace: 'reverseproxy.statusError (reverseproxy.go:1390)', request: { method: 'GET', uri: '/', host: 'localhost:8080' } });
  });

  it('warns about a file caddy fmt would write otherwise, with the first line that differs', () => {
    const sim = world(['docker run -d --name app --network appnet traefik/whoami', caddyfile('/srv/Caddyfile', ':80 {\n    reverse_proxy app:80\n}'), 'docker run -d --name proxy --network appnet -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    expect(logsOf(sim, 'proxy')).toContain(`,"msg":"Caddyfile input is not formatted; run 'caddy fmt --overwrite' to fix inconsistencies","adapter":"caddyfile","file":"/etc/caddy/Caddyfile","line":2}\n`);
    expect(formatCaddyfile(':80 {\n    reverse_proxy app:80\n}\n')).toBe(':80 {\n\treverse_proxy app:80\n}\n');
    // formatter.go: the brace gets its space, lines their tabs; blank lines after a brace go.
    expect(formatCaddyfile('a.com{\nrespond "x"\n}\nb.com {\n\n\n\trespond y\n}')).toBe('a.com {\n\trespond "x"\n}\nb.com {\n\trespond y\n}\n');
  });

  it('says in one vethlab line which directives it leaves out, and serves the rest', () => {
    const sim = world([caddyfile('/srv/Caddyfile', ':80 {\n\tphp_fastcgi app:9000\n\trespond "up"\n}'), 'docker run -d --name web -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    expect(logsOf(sim, 'web')).toContain("vethlab: caddy's php_fastcgi directive is not modelled here: the site is served without it\n");
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('up');
  });

  it('encode passes a response as it is to a client that asks for no encoding; log writes caddy\'s access log', () => {
    const sim = world([caddyfile('/srv/Caddyfile', ':80 {\n\tencode zstd gzip\n\tlog\n\trespond "up"\n}'), 'docker run -d --name web -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    // AcceptedEncodings finds nothing in a request without Accept-Encoding (curl without --compressed).
    expect(run(sim, 'curl -si localhost:8080/').stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/plain; charset=utf-8\r\nServer: Caddy\r\nDate: .*\r\nContent-Length: 2\r\n\r\nup$/);
    const access = JSON.parse(logsOf(sim, 'web').trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
    expect(Object.keys(access)).toEqual(['level', 'ts', 'logger', 'msg', 'request', 'bytes_read', 'user_id', 'duration', 'size', 'status', 'resp_headers']);
    expect(access).toMatchObject({ level: 'info', logger: 'http.log.access.log0', msg: 'handled request', request: { method: 'GET', uri: '/', proto: 'HTTP/1.1', headers: { 'User-Agent': ['curl/7.88.1'], Accept: ['*/*'] } }, size: 2, status: 200, resp_headers: { Server: ['Caddy'], 'Content-Type': ['text/plain; charset=utf-8'] } });
    // A client that asks for gzip would get it compressed from caddy: here it gets the bytes as they are, and the log says so once.
    expect(run(sim, "curl -s -H 'Accept-Encoding: gzip' localhost:8080/").stdout).toBe('up');
    run(sim, "curl -s -H 'Accept-Encoding: gzip' localhost:8080/");
    expect(logsOf(sim, 'web').match(/^vethlab: caddy's compression \(encode\) is not modelled here.*$/gm)).toHaveLength(1);
  });

  it('ends the container with the adapter\'s error for a Caddyfile it cannot read', () => {
    const cases: [string, string][] = [
      [':80 {\n\trevers_proxy app:80\n}', 'Error: adapting config using caddyfile: /etc/caddy/Caddyfile:2: unrecognized directive: revers_proxy\n'],
      [':80\nrevers_proxy app:80', 'Error: adapting config using caddyfile: /etc/caddy/Caddyfile:2: unrecognized directive: revers_proxy\nDid you mean to define a second site? If so, you must use curly braces around each site to separate their configurations.\n'],
      [':80 {\n\trespond "x"\n', 'Error: adapting config using caddyfile: unexpected EOF, at /etc/caddy/Caddyfile:2\n'],
      [':80{\n\trespond "x"\n}', "Error: adapting config using caddyfile: Site addresses cannot end with a curly brace: ':80{' - put a space between the token and the brace, at /etc/caddy/Caddyfile:1\n"],
      [':80 {\n\tredir /a /b 200\n}', "Error: adapting config using caddyfile: parsing caddyfile tokens for 'redir': Redir code not in the 3xx range or 401: '200', at /etc/caddy/Caddyfile:2\n"],
    ];
    for (const [text, error] of cases) {
      const sim = world([caddyfile('/srv/Caddyfile', text), 'docker run -d --name web -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
      expect(run(sim, "docker ps -a --format '{{.Status}}'").stdout, text).toMatch(/^Exited \(1\)/);
      const logs = logsOf(sim, 'web');
      expect(logs.split('\n').filter((l) => !l.startsWith('{')).join('\n'), text).toBe(error);
      expect(messages(logs).at(-1), text).toBe('using config from file');
    }
  });
});

describe('automatic HTTPS', () => {
  it('redirects HTTP to HTTPS for localhost, whose certificate the local CA signs; TLS itself is not modelled', () => {
    const sim = world([caddyfile('/srv/Caddyfile', 'localhost {\n\trespond "hi"\n}'), 'docker run -d --name web -p 8080:80 -p 8443:443 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    expect(run(sim, 'curl -si localhost:8080/page?x=1').stdout).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\nConnection: close\r\nLocation: https:\/\/localhost\/page\?x=1\r\nServer: Caddy\r\n/);
    // Go's TLS server meets plain HTTP.
    expect(run(sim, 'curl -s localhost:8443/').stdout).toBe('Client sent an HTTP request to an HTTPS server.\n');
    const logs = logsOf(sim, 'web');
    expect(logs).toContain('"logger":"tls.obtain","msg":"certificate obtained successfully","identifier":"localhost","issuer":"local"}');
    expect(logs).toContain('"logger":"http.log","msg":"server running","name":"remaining_auto_https_redirects"');
    expect(logs.match(/^vethlab: TLS is not modelled here.*$/gm)).toHaveLength(1);
  });

  it('logs the ACME failure for a public name offline, and will retry', () => {
    const sim = world([caddyfile('/srv/Caddyfile', 'example.com {\n\trespond "hi"\n}'), 'docker run -d --name web --network appnet -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    const lines = logsOf(sim, 'web').split('\n').filter((l) => l.includes('"tls.obtain"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(['acquiring lock', 'lock acquired', 'obtaining certificate', 'could not get certificate from issuer', 'will retry']);
    expect(lines[3]).toMatchObject({ level: 'error', identifier: 'example.com', issuer: 'acme-v02.api.letsencrypt.org-directory', error: 'registering account [] with server: provisioning client: performing request: Get "https://acme-v02.api.letsencrypt.org/directory": dial tcp: lookup acme-v02.api.letsencrypt.org on 127.0.0.11:53: no such host' });
    expect(lines[4]).toMatchObject({ attempt: 1, retrying_in: 60 });
  });
});

describe('caddy on the command line', () => {
  it('prints its version, and cobra\'s errors for bad flags and commands', () => {
    const sim = world();
    expect(run(sim, 'docker run --rm caddy caddy version').stdout).toBe('v2.10.2 h1:g/gTYjGMD0dec+UgMw8SnfmJ3I9+M2TdvoRL/Ovu6U8=\n');
    const bad = run(sim, 'docker run --rm caddy caddy run --bogus');
    expect([bad.stderr.replace(PULL_LINES, ''), bad.exitCode]).toEqual(['Error: unknown flag: --bogus\n', 1]);
    expect(run(sim, 'docker run --rm caddy caddy frob').stderr).toBe('Error: unknown command "frob" for "caddy"\nRun \'caddy --help\' for usage.\n');
    expect(run(sim, 'docker run --rm caddy caddy run --config').stderr).toBe('Error: flag needs an argument: --config\n');
    // The root command has no Run: cobra prints its help, with caddy's footer.
    const help = run(sim, 'docker run --rm caddy caddy');
    expect([help.exitCode, help.stdout.split('\n')[0]]).toEqual([0, 'Caddy is an extensible server platform written in Go.']);
    expect(help.stdout).toContain('\nUsage:\n  caddy [command]\n\nExamples:\n  $ caddy run\n');
    expect(help.stdout).toContain('\n  respond        Simple, hard-coded HTTP responses for development and testing\n  reverse-proxy  A quick and production-ready reverse proxy\n');
    expect(help.stdout).toContain('\nFlags:\n  -h, --help      help for caddy\n  -v, --version   version for caddy\n\nUse "caddy [command] --help" for more information about a command.\n\nFull documentation is available at:\nhttps://caddyserver.com/docs/command-line\n');
    expect(run(sim, 'docker run --rm caddy caddy --help').stdout).toBe(help.stdout);
    expect(run(sim, 'docker run --rm caddy caddy reverse-proxy --from :80').stderr).toContain('Error: --to is required\n');
  });

  it('caddy reverse-proxy --from :80 --to app:80 proxies by name and says so in its log', () => {
    const sim = world(['docker run -d --name app --network appnet hashicorp/http-echo -listen :80 -text hello', 'docker run -d --name rp --network appnet -p 8080:80 caddy caddy reverse-proxy --from :80 --to app:80']);
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('hello\n');
    const logs = logsOf(sim, 'rp');
    expect(logs).toContain(',"logger":"admin","msg":"admin endpoint disabled"}\n');
    expect(logs).toContain(',"msg":"caddy proxying","from":"http://","to":["app:80"]}\n');
    expect(logs).toContain('"server_name":"proxy","http_port":80}');
  });

  it('caddy file-server and caddy respond serve from the command line', () => {
    const sim = world(['docker run -d --name fs -p 8080:80 caddy caddy file-server --root /usr/share/caddy --listen :80', 'docker run -d --name rs -p 9000:9000 caddy caddy respond --listen :9000 "hello there"']);
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe(CADDY_WELCOME_HTML);
    expect(logsOf(sim, 'fs')).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Caddy serving static files on :80$/m);
    expect(run(sim, 'curl -s localhost:9000/').stdout).toBe('hello there');
    expect(logsOf(sim, 'rs')).toContain('Server address: [::]:9000\n');
  });
});

describe('caddy reload', () => {
  it('posts the edited Caddyfile to the admin endpoint; the running caddy loads it, or says it is unchanged', () => {
    const sim = world([caddyfile('/srv/Caddyfile', ':80 {\n\trespond "one"\n}'), 'docker run -d --name web -p 8080:80 -v /srv/Caddyfile:/etc/caddy/Caddyfile caddy']);
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('one');
    run(sim, caddyfile('/srv/Caddyfile', ':80 {\n\trespond "two"\n}\n:9000 {\n\trespond "nine"\n}'));
    const reload = run(sim, 'docker exec -w /etc/caddy web caddy reload');
    expect([reload.exitCode, messages(reload.stderr)]).toEqual([0, ['using adjacent Caddyfile', 'adapted config to JSON']]);
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('two');
    expect(run(sim, 'docker exec web wget -qO- http://127.0.0.1:9000/').stdout).toBe('nine');
    const after = messages(logsOf(sim, 'web'));
    expect(after.slice(after.indexOf('received request'))).toEqual(['received request', 'admin endpoint started', 'started background certificate maintenance', 'server is listening only on the HTTP port, so no automatic HTTPS will be applied to this server', 'HTTP/2 skipped because it requires TLS', 'HTTP/3 skipped because it requires TLS', 'server running', 'HTTP/2 skipped because it requires TLS', 'HTTP/3 skipped because it requires TLS', 'server running', 'autosaved config (load with --resume flag)', 'load complete', 'stopped previous server']);
    // The same file again: caddy.go's "config is unchanged".
    run(sim, 'docker exec web caddy reload --config /etc/caddy/Caddyfile');
    expect(messages(logsOf(sim, 'web')).slice(-3)).toEqual(['received request', 'config is unchanged', 'load complete']);
    // A broken file stops at the CLI's adapter; nothing is sent.
    run(sim, caddyfile('/srv/Caddyfile', ':80 {\n\trespnd "x"\n}'));
    expect(run(sim, 'docker exec -w /etc/caddy web caddy reload').stderr).toContain('Error: adapting config using caddyfile: Caddyfile:2: unrecognized directive: respnd\n');
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('two');
  });

  it('with no caddy running, the dial to the admin endpoint is refused', () => {
    const sim = world(['docker run -d --name box caddy sleep 1000']);
    const out = run(sim, 'docker exec box caddy reload --config /etc/caddy/Caddyfile');
    expect([out.exitCode, out.stderr.split('\n').filter((l) => !l.startsWith('{')).join('\n')]).toEqual([1, 'Error: sending configuration to instance: performing request: Post "http://localhost:2019/load": dial tcp 127.0.0.1:2019: connect: connection refused\n']);
  });
});

describe('docker stop', () => {
  it('caddy traps SIGTERM: it logs its shutdown and exits 0; a kill leaves 137 and no lines', () => {
    const sim = world(['docker run -d --name web caddy', 'docker run -d --name other caddy']);
    run(sim, 'docker stop web');
    expect(run(sim, "docker ps -a --filter name=web --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\)/);
    const logs = logsOf(sim, 'web');
    expect(messages(logs).slice(-5)).toEqual(['shutting down apps, then terminating', 'exiting; byeee!! 👋', 'servers shutting down with eternal grace period', 'stopped previous server', 'shutdown complete']);
    expect(logs).toContain(',"msg":"shutdown complete","signal":"SIGTERM","exit_code":0}\n');
    run(sim, 'docker kill other');
    expect(run(sim, "docker ps -a --filter name=other --format '{{.Status}}'").stdout).toMatch(/^Exited \(137\)/);
    expect(messages(logsOf(sim, 'other')).at(-1)).toBe('finished cleaning storage units');
  });
});
