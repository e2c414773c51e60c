/**
 * nginx (the official image) reads its mounted configuration at start: a
 * reverse proxy in front of two httpd apps on a user network, each serving
 * its own page from a bind-mounted htdocs written on the host with a
 * here-document. Texts from nginx's source: ngx_http_upstream.c and
 * ngx_parse_url ("host not found in upstream"), ngx_event_connect.c
 * ("connect() failed ... while connecting to upstream"), ngx_http_special_response.c
 * (the 502 page); the entrypoint's lines from nginx/docker-nginx's
 * 10-listen-on-ipv6-by-default.sh.
 */
import { describe, expect, it } from 'vitest';
import { runLine } from '../../src/scenario/scenario.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const PROXY_CONF = `server {
    listen 80;
    server_name localhost;

    location /app1/ {
        proxy_pass http://app1:80/;
    }

    location /app2/ {
        proxy_pass http://app2/;
    }

    location / {
        return 200 'proxy up';
    }
}`;

function world(conf = PROXY_CONF): Simulator {
  const sim = new Simulator({ images: 'playground' });
  for (const line of [
    'docker network create appnet',
    'mkdir -p /srv/app1 /srv/app2 /srv/proxy',
    "cat > /srv/app1/index.html <<'EOF'\n<h1>App one</h1>\nEOF",
    "cat > /srv/app2/index.html <<'EOF'\n<h1>App two</h1>\nEOF",
    `cat > /srv/proxy/default.conf <<'EOF'\n${conf}\nEOF`,
    'docker run -d --name app1 --network appnet -v /srv/app1:/usr/local/apache2/htdocs:ro httpd:2.4',
    'docker run -d --name app2 --network appnet -v /srv/app2:/usr/local/apache2/htdocs:ro httpd:2.4',
  ]) {
    const out = runLine(sim, line);
    expect(out.stderr.replace(/^(Unable to find|2\.4: Pulling|[0-9a-f]{12}: |Digest|Status).*\n/gm, ''), line).toBe('');
  }
  return sim;
}

const run = (sim: Simulator, line: string) => runLine(sim, line);

describe('nginx with a mounted configuration', () => {
  it('proxies each prefix to its app by container name', () => {
    const sim = world();
    run(sim, 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    expect(run(sim, 'curl -s localhost:8080/app1/').stdout).toBe('<h1>App one</h1>\n');
    expect(run(sim, 'curl -s localhost:8080/app2/').stdout).toBe('<h1>App two</h1>\n');
    expect(run(sim, 'curl -s localhost:8080/').stdout).toBe('proxy up');
    // The read-only mount stops the entrypoint from editing default.conf, and it says so.
    expect(run(sim, 'docker logs proxy').stdout).toContain('10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n');
  });

  it('answers 502 Bad Gateway with its error log line when the upstream is down', () => {
    const sim = world();
    run(sim, 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    const app2 = run(sim, "docker inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' app2").stdout.trim();
    run(sim, 'docker stop app2');
    const out = run(sim, 'curl -s -w "%{http_code}" localhost:8080/app2/');
    expect(out.stdout).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(out.stdout.endsWith('502')).toBe(true);
    const logs = run(sim, 'docker logs proxy');
    expect(logs.stdout + logs.stderr).toMatch(new RegExp(`\\[error\\] \\d+#\\d+: \\*\\d+ connect\\(\\) failed \\(11[13]: [A-Za-z ]+\\) while connecting to upstream, client: 172\\.18\\.0\\.1, server: localhost, request: "GET /app2/ HTTP/1\\.1", upstream: "http://${app2.replace(/\./g, '\\.')}:80/", host: "localhost:8080"`));
  });

  it('exits at start when an upstream name does not resolve, with nginx\'s [emerg] lines', () => {
    const sim = world(PROXY_CONF.replace('http://app1:80/', 'http://nosuchapp:5000/'));
    run(sim, 'docker run -d --name proxy --network appnet -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    expect(run(sim, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' proxy").stdout).toBe('exited 1\n');
    const logs = run(sim, 'docker logs proxy');
    // proxy_pass makes an implicit upstream named by its host alone (ngx_http_upstream_add's uscf->host), resolved in
    // ngx_http_upstream_init_round_robin, whose message quotes that host: "%s in upstream \"%V\" in %s:%ui".
    expect(logs.stdout + logs.stderr).toMatch(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 1#1: host not found in upstream "nosuchapp" in \/etc\/nginx\/conf.d\/default.conf:6\nnginx: \[emerg\] host not found in upstream "nosuchapp" in \/etc\/nginx\/conf.d\/default.conf:6\n$/);
  });

  it('names an upstream block\'s server as written when it does not resolve', () => {
    const sim = world(`upstream apps {\n    server app1:80;\n    server gone:80;\n}\nserver {\n    location / {\n        proxy_pass http://apps;\n    }\n}`);
    run(sim, 'docker run -d --name proxy --network appnet -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    const logs = run(sim, 'docker logs proxy');
    expect(logs.stdout + logs.stderr).toContain('nginx: [emerg] host not found in upstream "gone:80" in /etc/nginx/conf.d/default.conf:3\n');
    expect(run(sim, 'docker exec proxy true').stderr).toMatch(/is not running/);
  });

  it('balances an upstream block round robin, and listens where listen says', () => {
    const sim = world(`upstream apps {
    server app1:80;
    server app2:80;
}
server {
    listen 8000;
    location / {
        proxy_pass http://apps;
    }
}`);
    run(sim, 'docker run -d --name proxy --network appnet -p 8080:8000 -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    const answers = [1, 2, 3].map(() => run(sim, 'curl -s localhost:8080/').stdout);
    expect(answers).toEqual(['<h1>App one</h1>\n', '<h1>App two</h1>\n', '<h1>App one</h1>\n']);
    // Nothing listens on 80 any more: the default server is gone.
    expect(run(sim, 'docker exec proxy curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:80/').stdout).toBe('000');
  });

  it('traces a proxied request as two legs: client to nginx, then nginx to the app from its own address', () => {
    const sim = world();
    run(sim, 'docker run -d --name proxy --network appnet -p 8080:80 -v /srv/proxy/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
    const out = run(sim, 'curl -s localhost:8080/app1/');
    const traces = out.traces ?? [];
    const proxyIp = run(sim, "docker inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' proxy").stdout.trim();
    const app1Ip = run(sim, "docker inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' app1").stdout.trim();
    // client -> docker-proxy, docker-proxy -> nginx, then nginx's own connection to app1.
    expect(traces.map((t) => t.probe.dst)).toEqual(['127.0.0.1', proxyIp, app1Ip]);
    const last = traces[2]!;
    expect(last.probe.from).toBe(sim.engine.findContainer('proxy')!.netns);
    expect(last.outcome.kind).toBe('delivered');
  });

  it('keeps the packaged default.conf working, edited for IPv6 by the entrypoint', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name web -p 8080:80 nginx');
    expect(run(sim, 'curl -s localhost:8080/').stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect(run(sim, "docker exec web grep '^ *listen' /etc/nginx/conf.d/default.conf").stdout).toBe('    listen       80;\n    listen  [::]:80;\n');
    expect(run(sim, 'docker exec web nginx -t').stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
  });
});
