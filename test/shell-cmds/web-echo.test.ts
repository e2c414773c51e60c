/**
 * The echo servers of reverse-proxy tutorials, as their Go sources answer (no rig image
 * has them): traefik/whoami v1.11.0 (github.com/traefik/whoami app.go, content.go) and
 * hashicorp/http-echo v1.0.0 (github.com/hashicorp/http-echo main.go, handlers.go);
 * the framing is Go net/http's (server.go extraHeader.Write: Date, Content-Length,
 * Content-Type after the handler's sorted headers). Plus the entrypoint wrappers that
 * put the server before a command of flags (docker-library/redis docker-entrypoint.sh,
 * curl/curl-container entrypoint.sh).
 */
import { describe, expect, it } from 'vitest';
import { loadAllParts } from '../../src/sim/shell/lazy/parts.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

await loadAllParts();

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create pn');
  sh('docker run -d --name app1 --network pn hashicorp/http-echo -text="hello from app1"');
  sh('docker run -d --name app2 --network pn traefik/whoami');
  sh('docker run -itd --name client --network pn alpine:3.20');
  return sh;
}

describe('traefik/whoami', () => {
  it('prints its hostname, addresses, the client and the request', () => {
    const sh = world();
    const id = sh('docker inspect -f "{{.Config.Hostname}}" app2').stdout.trim();
    const out = sh('docker exec client wget -qO- http://app2/');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Hostname: ${id}\\nIP: 127\\.0\\.0\\.1\\nIP: ::1\\nIP: 172\\.18\\.0\\.3\\nRemoteAddr: 172\\.18\\.0\\.4:\\d+\\nGET / HTTP/1\\.1\\r\\nHost: app2\\r\\nUser-Agent: Wget\\r\\nConnection: close\\r\\n\\r\\n$`));
  });

  it('answers /api as JSON with its fields in order, and /health empty', () => {
    const sh = world();
    const api = JSON.parse(sh('docker exec client wget -qO- http://app2/api').stdout) as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['hostname', 'ip', 'headers', 'url', 'host', 'method', 'remoteAddr']);
    expect(api.headers).toEqual({ Connection: ['close'], 'User-Agent': ['Wget'] });
    const health = sh('docker run --rm --network pn curlimages/curl -si http://app2/health');
    expect(health.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: [^\r]+ GMT\r\nContent-Length: 0\r\n\r\n$/);
  });

  it('has no shell: exec finds nothing but /whoami', () => {
    const out = world()('docker exec app2 sh');
    expect(out).toMatchObject({ stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH\n', exitCode: 127 });
  });

  it("refuses an unknown flag with Go's flag usage", () => {
    const out = world()('docker run --rm traefik/whoami -x');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('flag provided but not defined: -x\nUsage of /whoami:\n  -cacert string\n    \tgive me a CA chain, enforces mutual TLS\n');
    expect(out.stderr).toContain('  -port string\n    \tgive me a port number (default "80")\n  -verbose\n    \tEnable verbose logging\n');
  });
});

describe('hashicorp/http-echo', () => {
  it('echoes -text with its app headers, and logs the request', () => {
    const sh = world();
    const out = sh('docker run --rm --network pn curlimages/curl -si app1:5678/anything');
    expect(out.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nX-App-Name: http-echo\r\nX-App-Version: 1\.0\.0\r\nDate: [^\r]+ GMT\r\nContent-Length: 16\r\nContent-Type: text\/plain; charset=utf-8\r\n\r\nhello from app1\n$/);
    const logs = sh('docker logs app1').stdout;
    expect(logs).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[INFO\] server is listening on :5678\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d app1:5678 172\.18\.0\.\d+:\d+ "GET \/anything HTTP\/1\.1" 200 16 "curl\/[\d.]+" \S+\n$/);
  });

  it("echoes the image's ECHO_TEXT without -text, and refuses extra arguments", () => {
    const sh = world();
    sh('docker run -d --name app3 --network pn hashicorp/http-echo');
    expect(sh('docker exec client wget -qO- http://app3:5678').stdout).toBe('hello-world\n');
    expect(sh('docker run --rm hashicorp/http-echo -text=x extra')).toMatchObject({ stderr: 'Too many arguments!\n', exitCode: 127 });
  });
});

describe("curl's User-Agent", () => {
  // Each curl names its own release (curl's lib/http.c: `User-Agent: curl/VERSION`): the image's Debian or Ubuntu release's,
  // the package's, curlimages/curl's; the Debian host's 7.88.1 is golden 55's.
  it('says which curl asked, as whoami echoes it', () => {
    const sh = world();
    const agent = (line: string) => /User-Agent: (\S+)/.exec(sh(line).stdout)?.[1];
    expect(agent('docker run --rm --network pn curlimages/curl -s app2')).toBe('curl/8.17.0');
    expect(agent('docker run --rm --network pn nginx curl -s app2')).toBe('curl/8.14.1');
    expect(agent('docker run --rm --network pn curlimages/curl -s -A me app2')).toBe('me');
  });
});

describe('traefik without a configuration', () => {
  // Its web entry point has no router: Go's http.NotFound (http.Error: nosniff, plain text); logs stay empty at its default level (ERROR).
  it('answers 404 page not found to every request', () => {
    const sh = world();
    sh('docker run -d --name proxy --network pn traefik');
    const out = sh('docker run --rm --network pn curlimages/curl -si proxy/anything');
    expect(out.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: [^\r]+ GMT\r\nContent-Length: 19\r\n\r\n404 page not found\n$/);
    expect(sh('docker logs proxy').stdout).toBe('');
  });
});

describe('entrypoint wrappers', () => {
  it('redis: flags first run redis-server with them', () => {
    const sh = world();
    sh('docker run -d --name cache --network pn redis:7 --port 7000');
    expect(sh('docker exec cache redis-cli -p 7000 ping').stdout).toBe('PONG\n');
  });

  it('curlimages/curl: a URL or a flag first runs curl', () => {
    const sh = world();
    expect(sh('docker run --rm --network pn curlimages/curl -s app1:5678').stdout).toBe('hello from app1\n');
    expect(sh('docker run --rm --network pn curlimages/curl app1:5678 -s').stdout).toBe('hello from app1\n');
  });
});
