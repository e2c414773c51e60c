/**
 * The playground's registry that answers (registry.ts, image-service.ts) and the
 * client around it: pulls of any well-formed reference, deterministic IDs and
 * digests, the non-TTY progress lines (cli jsonmessage), `docker run` of a missing
 * image, digests and tags in `docker images`/`inspect`/`ps`, Docker Hub's refusal
 * of an image ID typed as a name; and the rig's host, still offline.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { dockerCommand } from '../../src/sim/shell/docker/cli.ts';

function world(images: 'rig' | 'playground' = 'playground') {
  const engine = new Engine(new Kernel({ seed: 1 }), 1, { images });
  const docker = dockerCommand(engine, { tty: false });
  const run = (line: string) => docker(line.match(/'[^']*'|"[^"]*"|\S+/g)!.slice(1).map((w) => w.replace(/^(['"])(.*)\1$/, '$2')));
  return { engine, run };
}

describe('docker pull against the playground registry', () => {
  it('prints what a real pull prints without a terminal, then the full reference', () => {
    const { run } = world();
    const out = run('docker pull redis:7');
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('7: Pulling from library/redis');
    expect(lines.filter((l) => l.endsWith(': Pulling fs layer'))).toHaveLength(8);
    // Three downloads at a time: the rest wait.
    expect(lines.filter((l) => l.endsWith(': Waiting'))).toHaveLength(5);
    expect(lines.filter((l) => l.endsWith(': Pull complete'))).toHaveLength(8);
    expect(lines.slice(-4)).toEqual([expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/), 'Status: Downloaded newer image for redis:7', 'docker.io/library/redis:7', '']);
    expect(out).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run('docker pull redis:7').stdout).toMatch(/^7: Pulling from library\/redis\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for redis:7\ndocker\.io\/library\/redis:7\n$/);
  });

  it('gives every world the same bytes for the same reference', () => {
    expect(world().run('docker pull someuser/someapp:1.2').stdout).toBe(world().run('docker pull someuser/someapp:1.2').stdout);
    const a = world();
    a.run('docker pull nginx:alpine');
    expect(a.run('docker images --no-trunc --format "{{.ID}}" nginx:alpine').stdout).toBe('sha256:55fcc661c2cd4666d0e916410c029ae22042638bcdc8ed98805bfd9d29e08e38\n');
  });

  it('answers any well-formed name: defaults, users, other registries, digests', () => {
    const { run } = world();
    expect(run('docker pull ghost').stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/ghost\n[\s\S]*Status: Downloaded newer image for ghost:latest\ndocker\.io\/library\/ghost:latest\n$/);
    expect(run('docker pull registry.example.com/team/app:1.0').stdout).toMatch(/^1\.0: Pulling from team\/app\n[\s\S]*Status: Downloaded newer image for registry\.example\.com\/team\/app:1\.0\nregistry\.example\.com\/team\/app:1\.0\n$/);
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(run(`docker pull alpine@${digest}`).stdout).toMatch(new RegExp(`^${digest}: Pulling from library/alpine\\n[\\s\\S]*Digest: ${digest}\\nStatus: Downloaded newer image for alpine@${digest}\\ndocker\\.io/library/alpine@${digest}\\n$`));
    expect(run('docker images --digests --format "{{.Repository}} {{.Tag}} {{.Digest}}" alpine').stdout).toMatch(new RegExp(`^alpine latest sha256:[0-9a-f]{64}\\nalpine <none> ${digest}\\n$`));
    // By the digest the registry gives a tag: the same image.
    const latest = /Digest: (sha256:[0-9a-f]{64})/.exec(run('docker pull alpine').stdout)![1]!;
    expect(run(`docker pull alpine@${latest}`).stdout).toContain('Status: Image is up to date for alpine@sha256:');
    expect(run('docker pull -q busybox:1.37')).toMatchObject({ stdout: 'docker.io/library/busybox:1.37\n', exitCode: 0 });
  });

  it('finds base layers already on the host', () => {
    const { run } = world();
    // The playground's alpine:latest is Alpine 3.24, nginx:alpine's base.
    expect(run('docker pull nginx:alpine').stdout.split('\n')[1]).toMatch(/^[0-9a-f]{12}: Already exists$/);
  });

  it('refuses an image ID typed as a name, as Docker Hub does', () => {
    const { run } = world();
    const denied = "Error response from daemon: pull access denied for 647197174783, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n";
    expect(run('docker pull 647197174783')).toEqual({ stdout: 'Using default tag: latest\n', stderr: denied, exitCode: 1 });
    expect(run('docker run -it 647197174783 /bin/sh')).toMatchObject({ exitCode: 1, stderr: 'the input device is not a TTY\n' });
    const r = run('docker run 647197174783 /bin/sh');
    expect(r.stderr).toBe(`Unable to find image '647197174783:latest' locally\ndocker: ${denied}\nRun 'docker run --help' for more information\n`);
    expect(r.exitCode).toBe(125);
    expect(run('docker rmi 647197174783').stderr).toBe('Error response from daemon: No such image: 647197174783:latest\n');
  });
});

describe('docker run of an image the host lacks', () => {
  it('pulls it on stderr, then runs it', () => {
    const { run } = world();
    const out = run('docker run -d --name db -e POSTGRES_PASSWORD=secret postgres:16');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(out.stderrFirst).toBe(true);
    expect(out.stderr).toMatch(/^Unable to find image 'postgres:16' locally\n16: Pulling from library\/postgres\n[\s\S]*Status: Downloaded newer image for postgres:16\n$/);
    expect(run('docker ps --format "{{.Image}} {{.Command}} {{.Ports}}"').stdout).toBe('postgres:16 "docker-entrypoint.s…" 5432/tcp\n');
  });

  it('parses the reference first, as the client does', () => {
    const { run } = world();
    expect(run('docker run UPPER')).toEqual({ stdout: '', stderr: "docker: invalid reference format: repository name (library/UPPER) must be lowercase\n\nRun 'docker run --help' for more information\n", exitCode: 125 });
    expect(run('docker create busybox:')).toEqual({ stdout: '', stderr: 'invalid reference format\n', exitCode: 1 });
  });
});

describe('the rig host stays offline', () => {
  it('fails every pull at the registry, in the rig’s words', () => {
    const { run } = world('rig');
    expect(run('docker pull alpine')).toEqual({ stdout: 'Using default tag: latest\n', stderr: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host\n', exitCode: 1 });
    expect(run('docker pull registry.example.com/team/app:1.0').stderr).toBe('Error response from daemon: Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com on 192.168.1.1:53: no such host\n');
    expect(run('docker pull localhost:5000/app').stderr).toBe('Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
    expect(run('docker run alpine').stderr).toBe("Unable to find image 'alpine:latest' locally\ndocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host\n\nRun 'docker run --help' for more information\n");
  });
});

describe('the official images’ configs (catalog.ts)', () => {
  const config = (ref: string, fields: string) => {
    const { run } = world();
    run(`docker pull ${ref}`);
    return run(`docker image inspect --format '${fields}' ${ref}`).stdout;
  };

  it('carries Cmd, Entrypoint, Env, ExposedPorts and WorkingDir from repo-info and the Dockerfiles', () => {
    expect(config('httpd:2.4', '{{json .Config.Cmd}} {{.Config.WorkingDir}} {{json .Config.ExposedPorts}} {{.Config.StopSignal}}')).toBe('["httpd-foreground"] /usr/local/apache2 {"80/tcp":{}} SIGWINCH\n');
    expect(config('redis:7', '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{json .Config.Volumes}} {{index .Config.Env 1}}')).toBe('["docker-entrypoint.sh"] ["redis-server"] /data {"/data":{}} REDIS_VERSION=7.4.9\n');
    expect(config('postgres:16', '{{range .Config.Env}}{{.}} {{end}}')).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin GOSU_VERSION=1.19 LANG=en_US.utf8 PG_MAJOR=16 PG_VERSION=16.15-1.pgdg13+2 PGDATA=/var/lib/postgresql/data \n');
    expect(config('mysql', '{{json .Config.ExposedPorts}}')).toBe('{"3306/tcp":{},"33060/tcp":{}}\n');
    expect(config('caddy', '{{.Config.WorkingDir}} {{json .Config.ExposedPorts}}')).toBe('/srv {"2019/tcp":{},"443/tcp":{},"443/udp":{},"80/tcp":{}}\n');
    expect(config('training/webapp', '{{json .Config.Cmd}} {{.Config.WorkingDir}} {{json .Config.ExposedPorts}}')).toBe('["python","app.py"] /opt/webapp {"5000/tcp":{}}\n');
    expect(config('nginx:alpine', '{{.Comment}} {{json .RepoTags}} {{len .RepoDigests}}')).toBe('buildkit.dockerfile.v0 ["nginx:alpine"] 1\n');
  });

  it('shows each image’s command in docker ps', () => {
    const { run } = world();
    run('docker run -d --name web httpd:2.4');
    run('docker run -d -P --name app training/webapp');
    run('docker run -d --name redis crosbymichael/redis');
    expect(run('docker ps --format "{{.Names}} {{.Image}} {{.Command}} {{.Ports}}"').stdout).toBe(
      'redis crosbymichael/redis "/usr/bin/redis-serv…" 6379/tcp\napp training/webapp "python app.py" 0.0.0.0:32768->5000/tcp, [::]:32768->5000/tcp\nweb httpd:2.4 "httpd-foreground" 80/tcp\n',
    );
  });

  it('sizes and ages in docker images, as go-units prints them', () => {
    const { run } = world();
    run('docker pull training/webapp');
    run('docker pull httpd:alpine');
    expect(run('docker images --format "{{.Repository}}:{{.Tag}} {{.CreatedSince}} {{.Size}}" training/webapp').stdout).toBe('training/webapp:latest 11 years ago 281MB\n');
    expect(run('docker images --format "{{.Repository}}:{{.Tag}} {{.CreatedSince}} {{.Size}}" httpd:alpine').stdout).toBe('httpd:alpine 2 months ago 70.2MB\n');
  });
});

describe('names of an image', () => {
  it('shows the ID in docker ps once the name no longer names the image', () => {
    const { run } = world();
    run('docker pull nginx:alpine');
    run('docker run -d --name web nginx:alpine');
    expect(run('docker rmi nginx:alpine').stderr).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "nginx:alpine" \(must force\) - container [0-9a-f]{12} is using its referenced image 55fcc661c2cd\n$/);
    expect(run('docker rmi -f nginx:alpine').stdout).toMatch(/^Untagged: nginx:alpine\nUntagged: nginx@sha256:[0-9a-f]{64}\n$/);
    expect(run('docker ps --format "{{.Image}}"').stdout).toBe('55fcc661c2cd\n');
    expect(run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" --filter dangling=true').stdout).toBe('<none>:<none> 55fcc661c2cd\n');
  });
});
