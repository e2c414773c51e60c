/**
 * traefik configured as tutorials configure it (no rig image has traefik: the texts come
 * from traefik v3.5.3's source, github.com/traefik/traefik at tag v3.5.3):
 * cmd/traefik/traefik.go and logger.go (the start's lines, the ERROR default level),
 * pkg/provider/aggregator/aggregator.go (`Starting provider %T`), pkg/provider/docker
 * (pdocker.go: the provider's errors; config.go, shared.go: labels, default rule,
 * addresses), pkg/provider/configuration.go (merging replicas), pkg/muxer/http
 * (rules, priorities), pkg/server/router/router.go (a rule's error on its router),
 * pkg/middlewares/forwardedheaders, pkg/middlewares/accesslog (the common format),
 * pkg/api (the JSON); zerolog v1.33.0 console.go (the log's format and colours);
 * docker/docker v28.3.3 client/errors.go (the socket's error).
 */
import { describe, expect, it } from 'vitest';
import { loadAllParts } from '../../src/sim/shell/lazy/parts.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { parseRule } from '../../src/sim/shell/traefik/rule.ts';
import { routerHash } from '../../src/sim/shell/traefik/traefik.ts';

await loadAllParts();

const SOCKET = '-v /var/run/docker.sock:/var/run/docker.sock:ro';
const WHOAMI_LABELS = "-l traefik.enable=true -l 'traefik.http.routers.whoami.rule=Host(`whoami.localhost`)' -l traefik.http.services.whoami.loadbalancer.server.port=80";
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

function world(traefikFlags: string, mount = SOCKET) {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create web');
  sh(`docker run -d --name traefik --network web -p 80:80 -p 8080:8080 ${mount} traefik:v3.5 ${traefikFlags}`);
  return { sim, sh };
}

describe('traefik with the docker provider', () => {
  it('routes a host name to the labelled containers in turn, with the headers traefik adds, in two legs', () => {
    const { sh } = world('--providers.docker --providers.docker.exposedbydefault=false --entrypoints.web.address=:80');
    sh(`docker run -d --name whoami1 --network web ${WHOAMI_LABELS} traefik/whoami`);
    sh(`docker run -d --name whoami2 --network web ${WHOAMI_LABELS} traefik/whoami`);
    const first = sh('curl -s -H Host:whoami.localhost http://localhost');
    // traefik is 172.18.0.2: whoami sees it as the client; the client (the bridge's gateway, through docker-proxy) is in X-Forwarded-For.
    expect(first.stdout).toContain('IP: 172.18.0.3\nRemoteAddr: 172.18.0.2:');
    expect(first.stdout).toMatch(/GET \/ HTTP\/1\.1\r\nHost: whoami\.localhost\r\nUser-Agent: curl\/7\.88\.1\r\nAccept: \*\/\*\r\nAccept-Encoding: gzip\r\nX-Forwarded-For: 172\.18\.0\.1\r\nX-Forwarded-Host: whoami\.localhost\r\nX-Forwarded-Port: 80\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Server: [0-9a-f]{12}\r\nX-Real-Ip: 172\.18\.0\.1\r\n/);
    // The last trace is traefik's own connection, from its address to whoami1's.
    const last = first.traces!.at(-1)!;
    expect(last.probe).toMatchObject({ kind: 'tcp-connect', dst: '172.18.0.3', port: 80 });
    expect(last.outcome).toMatchObject({ kind: 'delivered', process: 'whoami' });
    expect(first.traces!.some((t) => t.outcome.kind === 'delivered' && t.outcome.process === 'traefik')).toBe(true);
    expect(sh('curl -s -H Host:whoami.localhost http://localhost').stdout).toContain('IP: 172.18.0.4\n');
    expect(sh('curl -s -H Host:whoami.localhost http://localhost').stdout).toContain('IP: 172.18.0.3\n');
  });

  it('answers Go 404 for a host no router matches, and skips containers that are not enabled', () => {
    const { sh } = world('--providers.docker --providers.docker.exposedbydefault=false');
    sh("docker run -d --name hidden --network web -l 'traefik.http.routers.h.rule=Host(`hidden.localhost`)' traefik/whoami");
    const out = sh('curl -si -H Host:hidden.localhost http://localhost');
    expect(out.stdout).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[\s\S]*\r\n\r\n404 page not found\n$/);
  });

  it('gives a container without labels the default rule, Host(`name`), when exposed by default', () => {
    const { sh } = world('--providers.docker');
    sh('docker run -d --name whoami --network web traefik/whoami');
    expect(sh('curl -s -H Host:whoami http://localhost').stdout).toContain('Hostname: ');
    const routers = sh('curl -s http://localhost:8080/api/http/routers');
    // No --api.insecure: no traefik entry point on 8080.
    expect(routers.exitCode).toBe(7);
  });

  it('marks a default-rule request (X-Traefik-Router) and refuses it when it comes back to the same router (denyrouterrecursion: 400)', () => {
    const { sh } = world('--providers.docker');
    sh('docker run -d --name whoami --network web traefik/whoami');
    // The router is named after the container; the mark is its qualified name's FNV-1 hash.
    expect(sh('curl -s -H Host:whoami http://localhost').stdout).toContain(`X-Traefik-Router: ${routerHash('whoami@docker')}\r\n`);
    // traefik exposes itself by default (Host(`traefik`), its lowest exposed port, 80): the second pass is refused.
    const loop = sh('curl -si -H Host:traefik http://localhost');
    // The inner pass's Date and Content-Length come back as the handler's headers: Go writes them sorted.
    expect(loop.stdout).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Length: 0\r\nDate: [^\r]+ GMT\r\n\r\n$/);
  });

  it("disables a router whose service does not exist, with the service manager's error", () => {
    const { sh } = world('--providers.docker --log.level=ERROR --log.nocolor=true');
    sh("docker run -d --name app --network web -l 'traefik.http.routers.app.rule=Host(`app`)' -l traefik.http.routers.app.service=nope traefik/whoami");
    expect(sh('curl -s -H Host:app http://localhost').stdout).toBe('404 page not found\n');
    expect(sh('docker logs traefik').stdout).toMatch(/^\S+ ERR error="the service \\"nope@docker\\" does not exist" entryPointName=http routerName=app@docker\n$/);
  });

  it('drops a router two containers define differently, with the merge error, logged at the second one\'s start', () => {
    const { sh } = world('--providers.docker --log.nocolor=true');
    sh("docker run -d --name app-a --network web -l 'traefik.http.routers.r.rule=Host(`a`)' -l traefik.http.services.s.loadbalancer.server.port=80 traefik/whoami");
    sh("docker run -d --name app-b --network web -l 'traefik.http.routers.r.rule=Host(`b`)' -l traefik.http.services.s.loadbalancer.server.port=80 traefik/whoami");
    // `configuration`: the roots that defined it, each container's service name and ID (a JSON value: not quoted).
    expect(sh('docker logs traefik').stdout).toMatch(/^\S+ ERR Router defined multiple times with different configurations configuration=\["app-a-[0-9a-f]{64}","app-b-[0-9a-f]{64}"\] providerName=docker routerName=r\n$/);
    expect(sh('curl -s -H Host:a http://localhost').stdout).toBe('404 page not found\n');
  });

  it('connects to the address on traefik.docker.network when the container has several', () => {
    const { sh } = world('--providers.docker');
    sh('docker network create back');
    sh("docker run -d --name app --network back -l traefik.docker.network=web -l 'traefik.http.routers.app.rule=Host(`app`)' traefik/whoami");
    sh('docker network connect web app');
    const out = sh('curl -s -H Host:app http://localhost');
    expect(out.traces!.at(-1)!.probe).toMatchObject({ dst: '172.18.0.3' });
  });

  it('answers 502 Bad Gateway when the server is gone before the provider hears of it', () => {
    const { sh } = world('--providers.docker --entrypoints.web.address=:80');
    sh("docker run -d --name app --network web -l 'traefik.http.routers.app.rule=Host(`app`)' -l traefik.http.services.app.loadbalancer.server.port=81 traefik/whoami");
    const out = sh('curl -si -H Host:app http://localhost');
    expect(out.stdout).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n[\s\S]*\r\n\r\nBad Gateway$/);
  });

  it('logs the docker provider error when the socket is not mounted', () => {
    const { sh } = world('--providers.docker --log.level=INFO --log.nocolor=true', '');
    const logs = sh('docker logs traefik').stdout;
    expect(logs).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INF Traefik version 3\.5\.3 built on 2025-09-26T08:46:03Z version=3\.5\.3\n/);
    expect(logs).toContain('INF Starting provider *docker.Provider\n');
    expect(logs).toContain('ERR Failed to retrieve information of the docker client and server host error="Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" providerName=docker\n');
    expect(logs).toContain('ERR Provider error, retrying in');
  });

  it('prints nothing at its default level (ERROR) when all is well; colours its lines unless told not to', () => {
    const quiet = world('--providers.docker');
    expect(quiet.sh('docker logs traefik').stdout).toBe('');
    const loud = world('--providers.docker --log.level=INFO');
    // eslint-disable-next-line no-control-regex
    expect(loud.sh('docker logs traefik').stdout).toMatch(/^\x1b\[90m[^\x1b]+\x1b\[0m \x1b\[32mINF\x1b\[0m \x1b\[1mTraefik version 3\.5\.3 built on 2025-09-26T08:46:03Z\x1b\[0m \x1b\[36mversion=\x1b\[0m3\.5\.3\n/);
  });

  it('logs a malformed rule on its router and leaves the router out', () => {
    const { sh } = world('--providers.docker --log.level=INFO');
    sh("docker run -d --name app --network web -l 'traefik.http.routers.app.rule=Host(`app`' traefik/whoami");
    // The provider watches Docker's events: the container's start is enough to log it.
    expect(plain(sh('docker logs traefik').stdout)).toContain('error while parsing rule');
    expect(sh('curl -s -H Host:app http://localhost').stdout).toBe('404 page not found\n');
    const logs = plain(sh('docker logs traefik').stdout);
    expect(logs).toContain('ERR error="error while parsing rule Host(`app`: parsing rule Host(`app`: 1:11: missing \',\' before newline in argument list" entryPointName=http routerName=app@docker\n');
    // Logged once per configuration, not per request.
    sh('curl -s -H Host:app http://localhost');
    expect(plain(sh('docker logs traefik').stdout).match(/error while parsing rule/g)).toHaveLength(1);
  });
});

describe('traefik with a file provider and a static traefik.yml', () => {
  it('reads its static configuration from /etc/traefik/traefik.yml and routes by the mounted dynamic file', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (line: string) => sim.runScriptLine(line);
    sh('docker network create web');
    sh('mkdir -p /srv/traefik');
    sh("printf 'entryPoints:\\n  web:\\n    address: \":80\"\\nproviders:\\n  file:\\n    filename: /etc/traefik/dynamic.yml\\n' > /srv/traefik/traefik.yml");
    sh("printf 'http:\\n  routers:\\n    api:\\n      rule: \"PathPrefix(`/api`) && Host(`example.localhost`)\"\\n      service: backend\\n  services:\\n    backend:\\n      loadBalancer:\\n        servers:\\n          - url: \"http://backend:5678\"\\n' > /srv/traefik/dynamic.yml");
    sh('docker run -d --name backend --network web hashicorp/http-echo -text=from-backend');
    sh('docker run -d --name traefik --network web -p 80:80 -v /srv/traefik:/etc/traefik:ro traefik:v3.5');
    expect(sh('curl -s -H Host:example.localhost http://localhost/api/x').stdout).toBe('from-backend\n');
    expect(sh('curl -s -H Host:example.localhost http://localhost/other').stdout).toBe('404 page not found\n');
    expect(sh('curl -s -H Host:other.localhost http://localhost/api').stdout).toBe('404 page not found\n');
  });

  it('stops with its Command error when an entry point cannot listen (cmd/traefik, pkg/server/server_entrypoint_tcp.go)', () => {
    const { sh } = world('--log.nocolor=true');
    const second = sh('docker exec traefik traefik --log.nocolor=true');
    expect(second.exitCode).toBe(1);
    expect(second.stdout).toMatch(/^\S+ ERR Command error error="error while building entryPoint http: building listener: error opening listener: listen tcp :80: bind: address already in use"\n$/);
  });

  it('refuses an option it does not model in one vethlab line', () => {
    const { sh } = world('--metrics.prometheus=true');
    expect(sh('docker logs traefik').stdout).toBe("vethlab: traefik's option --metrics.prometheus is not modelled here\n");
    expect(sh('docker ps -a --format "{{.Status}}"').stdout).toMatch(/^Exited \(1\)/);
    // Without flags or a file, traefik would read TRAEFIK_* variables: not modelled, and said so.
    sh('docker run -d --name envcfg -e TRAEFIK_API_INSECURE=true traefik:v3.5');
    expect(sh('docker logs envcfg').stdout).toBe("vethlab: traefik's configuration from environment variables (TRAEFIK_API_INSECURE) is not modelled here; give it as flags\n");
  });
});

describe('traefik rules (pkg/muxer/http, vulcand/predicate, go/parser)', () => {
  const error = (rule: string) => {
    const r = parseRule(rule);
    return 'error' in r ? r.error : 'parsed';
  };
  it('parses Host, Path, PathPrefix with && and || and !', () => {
    expect(error('Host(`a`) && (PathPrefix(`/x`) || Path(`/y`)) && !Method(`POST`)')).toBe('parsed');
    expect(error('host(`a`)')).toBe('parsed');
  });
  it("gives traefik's errors for malformed rules", () => {
    expect(error('Hots(`a`)')).toBe('error while parsing rule Hots(`a`): parsing rule Hots(`a`): unsupported function: Hots');
    expect(error('Host(`a`) and Path(`/`)')).toBe('error while parsing rule Host(`a`) and Path(`/`): parsing rule Host(`a`) and Path(`/`): 1:11: expected \'EOF\', found and');
    expect(error('Host(`a) ')).toBe('error while parsing rule Host(`a) : parsing rule Host(`a) : 1:6: raw string literal not terminated');
    expect(error('Host(`a`) & Path(`/`)')).toBe('error while parsing rule Host(`a`) & Path(`/`): parsing rule Host(`a`) & Path(`/`): & is not supported');
    expect(error('Path(`x`)')).toBe('error while parsing rule Path(`x`): adding rule Path(`x`): error while adding rule Path: path "x" does not start with a \'/\'');
    expect(error('Host(`a`, `b`) || Path(`/`)')).toBe('error while parsing rule Host(`a`, `b`) || Path(`/`): adding rule Host(`a`, `b`) || Path(`/`): error while adding rule or: error while adding rule Host: unexpected number of parameters; got 2, expected one of [1]');
    expect(error('Host()')).toBe('error while parsing rule Host(): adding rule Host(): error while checking rule Host: no args for matcher Host');
  });
});
