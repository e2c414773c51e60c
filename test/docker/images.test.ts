import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);

describe('the image set is a property of the world', () => {
  it('gives the rig world (the default) only the rig’s three images, as the goldens saw them (golden 32, 40)', () => {
    const sim = new Simulator();
    expect(sh(sim, 'docker images --format "{{.Repository}}"').stdout).toBe('redis\nhttpd\nbusybox\n');
    expect(sh(sim, 'docker info --format "{{.Images}}"').stdout).toBe('3\n');
    const run = sh(sim, 'docker run alpine');
    expect(run.exitCode).toBe(125);
    expect(run.stderr).toContain('docker: Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host\n');
    expect(sh(sim, 'docker image inspect nginx').stderr).toBe('Error response from daemon: No such image: nginx:latest\n');
  });

  it('gives the playground world all seven, with the official images’ IDs, ages and sizes', () => {
    const sim = new Simulator({ images: 'playground' });
    expect(sh(sim, 'docker images').stdout).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED          SIZE',
        'redis        latest    4d7bd8c60abe   42 minutes ago   4.36MB',
        'httpd        latest    307b32bd92a9   42 minutes ago   4.36MB',
        'busybox      latest    16fd50679aa4   42 minutes ago   4.36MB',
        // go-units HumanDuration: weeks below two months, then months.
        'alpine       latest    320994c3b997   2 months ago     8.42MB',
        'nginx        latest    878c33739a8a   2 months ago     170MB',
        'python       latest    691aea61c5aa   3 months ago     1.12GB',
        'ubuntu       latest    af52039db3f8   3 months ago     100MB',
        '',
      ].join('\n'),
    );
    expect(sh(sim, 'docker info --format "{{.Images}}"').stdout).toBe('7\n');
    expect(sh(sim, 'docker image inspect --format "{{.Config.Cmd}} {{.Config.Env}}" python').stdout).toBe(
      '[python3] [PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PYTHON_VERSION=3.14.7 PYTHON_SHA256=3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81]\n',
    );
    expect(sh(sim, 'docker image inspect --format "{{.Config.Cmd}} {{.Config.ExposedPorts}}" nginx').stdout).toBe('[nginx -g daemon off;] map[80/tcp:{}]\n');
    expect(sh(sim, 'docker inspect --format "{{.Config.Cmd}}" ubuntu alpine').stdout).toBe('[/bin/bash]\n[/bin/sh]\n');
  });

  it('has a registry that answers: its own images are up to date, others are pulled (registry.test.ts)', () => {
    const sim = new Simulator({ images: 'playground' });
    expect(sh(sim, 'docker pull nginx').stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    expect(sh(sim, 'docker run --rm node').stderr).toMatch(/^Unable to find image 'node:latest' locally\nlatest: Pulling from library\/node\n/);
  });

  it('takes the option on the engine itself', () => {
    expect(new Engine(new Kernel({ seed: 1 }), 1).images.map((i) => i.name)).toEqual(['busybox', 'httpd', 'redis']);
    const engine = new Engine(new Kernel({ seed: 1 }), 1, { images: 'playground' });
    expect(engine.images.map((i) => i.name)).toEqual(['busybox', 'httpd', 'redis', 'alpine', 'nginx', 'python', 'ubuntu']);
    expect(engine.findImage('docker.io/library/nginx:latest')?.env).toContain('NGINX_VERSION=1.31.6');
    expect(engine.findImage('878c3373')?.name).toBe('nginx');
  });

  it('starts each image’s own default command, and runc fails on what its rootfs lacks', () => {
    const sim = new Simulator({ images: 'playground' });
    expect(sh(sim, 'docker run -d --name web nginx').exitCode).toBe(0);
    expect(sh(sim, 'docker run -itd --name ub ubuntu').exitCode).toBe(0);
    expect(sh(sim, 'docker run -itd --name py python').exitCode).toBe(0);
    expect(sh(sim, 'docker ps --format "{{.Names}} {{.Command}} {{.Ports}}"').stdout).toBe('py "python3" \nub "/bin/bash" \nweb "/docker-entrypoint.…" 80/tcp\n');
    expect(sh(sim, 'docker logs web').stdout.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    const httpd = sh(sim, 'docker run --rm alpine httpd');
    expect(httpd.exitCode).toBe(127);
    expect(httpd.stderr).toContain('exec: "httpd": executable file not found in $PATH');
    expect(sh(sim, 'docker run --rm python python3 --version').stdout).toBe('Python 3.14.7\n');
  });
});

describe('entrypoints and stop signals', () => {
  it('runs ENTRYPOINT + CMD, shows it in ps and inspect, and stops nginx gracefully on SIGQUIT', () => {
    const sim = new Simulator({ images: 'playground' });
    const sh = (l: string) => sim.runScriptLine(l);
    sh('docker run -d --name web nginx');
    expect(sh(`docker inspect -f '{{.Path}} {{json .Args}} {{json .Config.Entrypoint}} {{.Config.StopSignal}}' web`).stdout).toBe(
      `/docker-entrypoint.sh ["nginx","-g","daemon off;"] ["/docker-entrypoint.sh"] SIGQUIT\n`,
    );
    sh('docker stop web');
    expect(sh(`docker ps -a --format '{{.Names}} {{.Status}}'`).stdout).toMatch(/^web Exited \(0\) /);
    sh('docker run -itd --name bx busybox');
    sh('docker kill bx');
    expect(sh(`docker inspect -f '{{.State.ExitCode}} {{.Config.StopSignal}}' bx`).stdout).toBe('137 SIGKILL\n');
    sh('docker run -itd --name ux ubuntu');
    sh('docker stop ux');
    expect(sh(`docker inspect -f '{{.State.ExitCode}}' ux`).stdout).toBe('137\n');
    sh('docker run -d --name ex --entrypoint sleep busybox 1000');
    expect(sh(`docker ps --no-trunc --format '{{.Names}} {{.Command}}' --filter name=ex`).stdout).toBe('ex "sleep 1000"\n');
  });
});

describe('--entrypoint in the foreground', () => {
  it('runs the new entrypoint with the command as its arguments', () => {
    const sim = new Simulator();
    expect(sim.runScriptLine('docker run --rm --entrypoint echo busybox hello there')).toMatchObject({ stdout: 'hello there\n', exitCode: 0 });
    expect(sim.runScriptLine('docker run --rm --entrypoint nosuch busybox')).toMatchObject({ exitCode: 127 });
  });
});
