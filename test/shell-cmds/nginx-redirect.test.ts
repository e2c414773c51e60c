/**
 * nginx's redirects name the host the client asked for: ngx_http_header_filter_module.c
 * makes a Location that starts with `/` absolute with the Host header (server_name_in_redirect
 * off, the header's port dropped by ngx_http_validate_host), or the address the connection
 * reached when there is none, and adds the port the connection reached unless it is 80
 * (port_in_redirect on): behind `-p 8090:80` that is the container's 80, so none.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function world(): Simulator {
  const sim = new Simulator({ images: 'playground' });
  for (const line of ['docker run -d --name ng -p 8090:80 -p 8091:8081 nginx', 'docker exec ng mkdir -p /usr/share/nginx/html/sub']) {
    expect(sim.runScriptLine(line).exitCode).toBe(0);
  }
  return sim;
}

const location = (head: string) => /^Location: (.*?)\r?$/m.exec(head)?.[1];

describe('nginx redirect Location', () => {
  it('a directory without its slash: the Host header, without the published port', () => {
    const sim = world();
    expect(location(sim.runScriptLine('curl -sI http://127.0.0.1:8090/sub').stdout)).toBe('http://127.0.0.1/sub/');
    expect(location(sim.runScriptLine('curl -sI -H "Host: Web.Example:9999" http://127.0.0.1:8090/sub').stdout)).toBe('http://web.example/sub/');
    expect(location(sim.runScriptLine('docker exec ng curl -sI http://localhost/sub').stdout)).toBe('http://localhost/sub/');
    // The arguments follow the slash (ngx_http_static_handler); an empty query adds nothing.
    expect(location(sim.runScriptLine("curl -sI 'http://127.0.0.1:8090/sub?page=2'").stdout)).toBe('http://127.0.0.1/sub/?page=2');
    expect(location(sim.runScriptLine("curl -sI 'http://127.0.0.1:8090/sub?'").stdout)).toBe('http://127.0.0.1/sub/');
  });

  it('an HTTP/1.0 request without Host: the address the connection reached', () => {
    const sim = world();
    const answer = sim.runScriptLine(`sh -c 'printf "GET /sub HTTP/1.0\\r\\n\\r\\n" | nc -w 1 172.17.0.2 80'`).stdout;
    expect(answer).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\n/);
    expect(location(answer)).toBe('http://172.17.0.2/sub/');
  });

  it('a return to a path, on a port other than 80, keeps that port', () => {
    const sim = world();
    const conf = 'server {\n    listen 8081;\n    location / {\n        return 302 /elsewhere;\n    }\n}';
    for (const line of [`docker exec ng sh -c 'printf "%s\\n" "${conf.replace(/\n/g, '" "')}" > /etc/nginx/conf.d/moved.conf'`, 'docker exec ng nginx -s reload']) {
      expect(sim.runScriptLine(line).exitCode).toBe(0);
    }
    expect(location(sim.runScriptLine('curl -sI http://localhost:8091/x').stdout)).toBe('http://localhost:8081/elsewhere');
  });
});
