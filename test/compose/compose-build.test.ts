/**
 * Compose's builds through the daemon's BuildKit (goldens compose-build and
 * compose-build-progress, recorded on the rig; what they cannot show follows
 * moby/buildkit's dockerfile2llb (history lines), tonistiigi/fsutil's send/receive
 * (the transfer sizes) and progressui's printer (the `#N` lines)). `--build` with
 * `--no-build` is refused before anything runs, `--no-build` of a missing image gets
 * the daemon's error, and what is not modelled is refused in one vethlab line that
 * leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const FILE = 'services:\\n  web:\\n    build:\\n      context: ./web\\n      dockerfile: Web.Dockerfile\\n      args:\\n        MSG: from-compose\\n    ports:\\n      - "8080:80"\\n  tool:\\n    build: ./web\\n    command: sleep 1000\\n';
const C = 'docker compose -f /srv/cb/compose.yaml -p cb';

function world(file = FILE) {
  const sim = new Simulator({ tty: false, images: 'rig' });
  const run = (line: string) => {
    const out = sim.runScriptLine(line);
    sim.kernel.advance(1000);
    return out;
  };
  run('mkdir -p /srv/cb/web');
  run(`printf '<h1>compose built</h1>\\n' > /srv/cb/web/index.html`);
  run(`printf 'FROM busybox\\nCMD ["sleep", "1000"]\\n' > /srv/cb/web/Dockerfile`);
  run(`printf 'FROM httpd\\nARG MSG=default\\nCOPY index.html /www/index.html\\nRUN echo $MSG > /www/msg.txt\\nEXPOSE 80\\n' > /srv/cb/web/Web.Dockerfile`);
  run(`printf '${file}' > /srv/cb/compose.yaml`);
  return run;
}

const containers = (run: ReturnType<typeof world>) => run("docker ps -a --format '{{.Names}}'").stdout;
const images = (run: ReturnType<typeof world>) => run("docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'").stdout;
/** A vertex's lines of the progress, from `#N [NAME` to its DONE or CACHED. */
const vertex = (progress: string, name: string): string => {
  const block = progress.split('\n\n').find((b) => b.includes(name));
  return block ?? '';
};

describe('docker compose build', () => {
  it('builds with BuildKit: the history, Comment and no Parent; the image serves what the steps wrote', () => {
    const run = world();
    const built = run(`${C} --progress quiet build web`);
    expect(built).toMatchObject({ stdout: '', exitCode: 0 });
    expect(built.stderr).toMatch(/^time="[^"]+" level=warning msg="Docker Compose is configured to build using Bake, but buildx isn't installed"\n$/);
    expect(run("docker inspect -f '{{.Comment}}|{{.Parent}}|{{.DockerVersion}}|{{len .RootFS.Layers}}|{{json .Config.Labels}}' cb-web").stdout).toBe(
      'buildkit.dockerfile.v0|||3|{"com.docker.compose.project":"cb","com.docker.compose.service":"web","com.docker.compose.version":"2.40.3"}\n',
    );
    const history = run("docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' cb-web").stdout;
    expect(history).toBe(
      'EXPOSE [80/tcp]|0B|buildkit.dockerfile.v0\nRUN |1 MSG=from-compose /bin/sh -c echo $MSG > /www/msg.txt # buildkit|13B|buildkit.dockerfile.v0\nCOPY index.html /www/index.html # buildkit|23B|buildkit.dockerfile.v0\nARG MSG=from-compose|0B|buildkit.dockerfile.v0\n|4.36MB|Imported from -\n',
    );
    // Only the top line names an image: BuildKit leaves no intermediate ones (nor containers).
    expect(run("docker history --format '{{.ID}}' cb-web").stdout.split('\n').filter((l) => l === '<missing>')).toHaveLength(4);
    expect(run('docker images -a -q').stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(containers(run)).toBe('');
    run(`${C} --progress quiet up -d web`);
    expect(run('curl -s http://127.0.0.1:8080/msg.txt').stdout).toBe('from-compose\n');
  });

  it('prints the steps, then CACHED ones the next time, and the same image', () => {
    const run = world();
    const first = run(`${C} build web`).stderr;
    expect(vertex(first, 'load build context')).toBe('#5 [web internal] load build context\n#5 transferring context: 60B done\n#5 DONE 0.0s');
    expect(vertex(first, 'RUN')).toBe('#7 [web 3/3] RUN echo from-compose > /www/msg.txt\n#7 DONE 0.1s');
    expect(first).toMatch(/ web {2}Built\n$/);
    const id = run("docker images -q cb-web").stdout;
    const second = run(`${C} build web`).stderr;
    // fsutil sends an unchanged file's metadata only.
    expect(vertex(second, 'load build context')).toContain('transferring context: 31B done');
    expect(vertex(second, 'COPY')).toBe('#6 [web 2/3] COPY index.html /www/index.html\n#6 CACHED');
    expect(vertex(second, 'RUN')).toMatch(/\n#7 CACHED$/);
    expect(run("docker images -q cb-web").stdout).toBe(id);
  });

  it('builds again what a changed file or --no-cache changes', () => {
    const run = world();
    run(`${C} --progress quiet build web`);
    const before = images(run);
    run(`printf '<h1>changed</h1>\\n' > /srv/cb/web/index.html`);
    const changed = run(`${C} build web`).stderr;
    expect(vertex(changed, 'COPY')).toMatch(/\n#6 DONE 0\.1s$/);
    // 17 bytes of data: STAT 29, DATA 21, its end 2, FIN 2.
    expect(vertex(changed, 'load build context')).toContain('transferring context: 54B done');
    expect(images(run)).not.toBe(before);
    expect(images(run)).toMatch(/^<none>:<none> /m);
    const again = run(`${C} build --no-cache web`).stderr;
    expect(vertex(again, 'RUN')).toMatch(/\n#7 DONE 0\.1s$/);
  });

  it('--build-arg overrides the file, -q prints only the warning, services without build: are skipped', () => {
    const run = world('services:\\n  web:\\n    build:\\n      context: ./web\\n      dockerfile: Web.Dockerfile\\n  db:\\n    image: redis\\n');
    const out = run(`${C} build -q --build-arg MSG=given`);
    expect(out.exitCode).toBe(0);
    expect(out.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run("docker history --no-trunc --format '{{.CreatedBy}}' cb-web").stdout).toContain('ARG MSG=given\n');
    expect(run('docker images -q cb-db').stdout).toBe('');
  });

  it('refuses by name what is not modelled, and builds nothing', () => {
    const run = world('services:\\n  web:\\n    build:\\n      context: ./web\\n      target: prod\\n');
    expect(run(`${C} build`)).toMatchObject({ stderr: 'vethlab: build.target of service "web" is real, but only context, dockerfile and args are modelled here\n', exitCode: 1 });
    expect(run(`${C} build --push`).stderr).toBe('vethlab: docker compose build --push is real, but it is not modelled here (--build-arg, --no-cache, -q and --with-dependencies are)\n');
    run(`printf 'FROM busybox AS a\\nFROM a\\n' > /srv/cb/web/Dockerfile`);
    run(`printf 'services:\\n  web:\\n    build: ./web\\n' > /srv/cb/compose.yaml`);
    expect(run(`${C} build`).stderr).toMatch(/vethlab: service "web" has a multi-stage Dockerfile/);
    expect(run('docker images -q cb-web').stdout).toBe('');
  });

  it('a failing RUN: its ERROR line, the step and its output between dashes, failed to solve; no container or image is left', () => {
    const run = world('services:\\n  web:\\n    build: ./web\\n');
    run(`printf 'FROM busybox\\nRUN echo before && exit 3\\n' > /srv/cb/web/Dockerfile`);
    const out = run(`${C} build`);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(
      /#5 \[web 2\/2\] RUN echo before && exit 3\n#5 0\.100 before\n#5 ERROR: process "\/bin\/sh -c echo before && exit 3" did not complete successfully: exit code: 3\n------\n > \[web 2\/2\] RUN echo before && exit 3:\n0\.100 before\n------\nfailed to solve: process "\/bin\/sh -c echo before && exit 3" did not complete successfully: exit code: 3\n$/,
    );
    const quiet = run(`${C} --progress quiet build`);
    expect(quiet.stderr.split('\n').slice(1).join('\n')).toBe('failed to solve: process "/bin/sh -c echo before && exit 3" did not complete successfully: exit code: 3\n');
    expect(containers(run)).toBe('');
    expect(run('docker images -a -q').stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('a missing COPY source, a Dockerfile that does not parse or is not there, a missing context: BuildKit\'s and the client\'s errors', () => {
    const run = world('services:\\n  web:\\n    build: ./web\\n  gone:\\n    build: ./gone\\n');
    run(`printf 'FROM busybox\\nCOPY missing.txt /x\\n' > /srv/cb/web/Dockerfile`);
    const copy = run(`${C} build web`).stderr;
    expect(copy).toContain('#5 [web internal] load build context\n#5 transferring context: 2B done\n#5 DONE 0.0s\n');
    expect(copy).toMatch(/\nfailed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}::[0-9a-z]{25}: "\/missing\.txt": not found\n$/);
    run(`printf 'FROM busybox\\nRUNN echo hi\\n' > /srv/cb/web/Dockerfile`);
    expect(run(`${C} build web`).stderr).toMatch(/#1 transferring dockerfile: 63B done\n#1 DONE 0\.0s\nfailed to solve: dockerfile parse error on line 2: unknown instruction: RUNN \(did you mean RUN\?\)\n$/);
    run('rm /srv/cb/web/Dockerfile');
    expect(run(`${C} build web`).stderr).toMatch(/#1 transferring dockerfile: 2B done\n#1 DONE 0\.0s\nfailed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n$/);
    const gone = run(`${C} build gone`);
    expect(gone).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/buildx isn't installed"\nunable to prepare context: path "\/srv\/cb\/gone" not found\n$/) });
    expect(run('docker images -a -q').stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('docker compose up with build:', () => {
  it('refuses --build with --no-build as Compose does', () => {
    const run = world();
    expect(run(`${C} up -d --build --no-build tool`)).toMatchObject({ stdout: '', stderr: '--build and --no-build are incompatible\n', exitCode: 1 });
    expect(containers(run)).toBe('');
  });

  it('--no-build of a missing image: the daemon has no such image (after the network is made)', () => {
    const run = world();
    expect(run(`${C} --progress quiet up -d --no-build tool`)).toMatchObject({ stderr: 'Error response from daemon: No such image: cb-tool:latest\n', exitCode: 1 });
    expect(containers(run)).toBe('');
    expect(run("docker network ls --format '{{.Name}}'").stdout).toContain('cb_default\n');
  });

  it('builds a missing image before it creates the container; --build builds again', () => {
    const run = world();
    const up = run(`${C} up -d tool`).stderr;
    expect(up).toMatch(/#4 \[tool 1\/1\] FROM docker\.io\/library\/busybox:latest\n#4 CACHED\n/);
    expect(up).toMatch(/ tool {2}Built\n Network cb_default {2}Creating\n/);
    expect(containers(run)).toBe('cb-tool-1\n');
    const id = run('docker images -q cb-tool').stdout;
    const again = run(`${C} --progress quiet up -d --build tool`);
    expect(again.stderr).toMatch(/level=warning msg="Docker Compose is configured to build using Bake, but buildx isn't installed"\n$/);
    expect(run('docker images -q cb-tool').stdout).toBe(id);
  });
});

describe('docker compose run with build:', () => {
  it('builds a missing image before the one-off runs, and again with --build', () => {
    const run = world();
    const first = run(`${C} run --rm tool echo hi`);
    expect(first.stdout).toBe('hi\n');
    expect(first.stderr).toMatch(/ tool {2}Built\n/);
    expect(run(`${C} run --rm tool echo again`).stderr).not.toContain('Built');
    expect(run(`${C} run --rm --build tool echo again`).stderr).toMatch(/#4 CACHED\n[\s\S]* tool {2}Built\n/);
  });
});

describe('docker image build and docker builder prune', () => {
  it('docker image build is docker build, with its own name in the usage', () => {
    const run = world();
    const quiet = run('docker image build -q -t cb-x /srv/cb/web');
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(run('docker image build -t cb-x /srv/cb/web').stdout).toContain('Step 2/2 : CMD ["sleep", "1000"]\n ---> Using cache\n');
    const none = run('docker image build');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain("docker: 'docker image build' requires 1 argument\n\nUsage:  docker image build [OPTIONS] PATH | URL | -\n\nRun 'docker image build --help' for more information\n");
  });

  it('the legacy builder does not take a BuildKit image as its cache (it has no Parent)', () => {
    const run = world();
    run(`${C} --progress quiet build tool`);
    expect(run('docker build -t cb-y /srv/cb/web').stdout).toMatch(/Step 2\/2 : CMD \["sleep", "1000"\]\n ---> Running in [0-9a-f]{12}\n/);
  });

  it('prunes an empty build cache; one with records is refused by name and kept', () => {
    const run = world();
    expect(run('docker builder prune -f')).toMatchObject({ stdout: 'Total reclaimed space: 0B\n', exitCode: 0 });
    run(`${C} --progress quiet build web`);
    expect(run('docker builder prune -f')).toMatchObject({ exitCode: 1 });
    expect(run(`${C} build web`).stderr).toContain('#6 CACHED');
  });

  it('counts a step a failure left unrun, and loads the context that later COPYs need (recorded twice on the rig)', () => {
    // The rig (7 December 2026): a RUN failing before two COPYs prints `[web 3/6]` and loads the
    // build context (222B: the Dockerfile and req.txt) before it; whether the context's vertex
    // comes before or after WORKDIR's, and FROM's DONE or CACHED, vary between runs.
    const run = world();
    run('mkdir -p /srv/mf/web');
    run(`printf 'hello\\n' > /srv/mf/web/req.txt`);
    run(`printf 'FROM busybox\\nWORKDIR /code\\nENV A=1\\nRUN echo before && exit 3\\nCOPY req.txt req.txt\\nRUN cat req.txt\\nEXPOSE 5000\\nCOPY . .\\nCMD ["sleep", "1000"]\\n' > /srv/mf/web/Dockerfile`);
    run(`printf 'services:\\n  web:\\n    build: ./web\\n' > /srv/mf/compose.yaml`);
    const out = run('docker compose -f /srv/mf/compose.yaml -p mf build web');
    expect(out.exitCode).toBe(1);
    expect(vertex(out.stderr, 'load build context')).toBe('#5 [web internal] load build context\n#5 transferring context: 222B done\n#5 DONE 0.0s');
    expect(vertex(out.stderr, 'WORKDIR')).toBe('#6 [web 2/6] WORKDIR /code\n#6 DONE 0.1s');
    expect(out.stderr).toContain('#7 [web 3/6] RUN echo before && exit 3\n#7 0.100 before\n#7 ERROR: process "/bin/sh -c echo before && exit 3" did not complete successfully: exit code: 3');
    expect(out.stderr).not.toContain('4/6');
  });
});

