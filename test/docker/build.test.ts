/**
 * `docker build` beyond the goldens (build-basic, build-options, build-errors, which the
 * replay checks byte for byte): a Dockerfile written with a here-document and built
 * from its directory with `.`, a RUN step whose packages stay in the image, a pulled
 * base in the playground, the steps hidden from `docker images` and removed with the
 * image, and bad input that leaves the images as they were.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { transcript } from '../shell/helpers.ts';

const run = (sim: Simulator, line: string) => transcript(sim.runScriptLine(line));

const WEB_DOCKERFILE = `cat > /srv/web/Dockerfile <<'EOF'
FROM busybox
WORKDIR /www
COPY index.html .
RUN echo ok > /www/health.txt
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
EOF`;

function webProject(sim: Simulator): void {
  run(sim, 'mkdir -p /srv/web');
  run(sim, "printf '<h1>web</h1>\\n' > /srv/web/index.html");
  run(sim, WEB_DOCKERFILE);
}

describe('docker build', () => {
  it('builds `.` in the directory a here-document wrote, and the image serves its CMD on the published port', () => {
    const sim = new Simulator();
    webProject(sim);
    const built = run(sim, 'cd /srv/web && docker build -t web .');
    expect(built).toContain('Sending build context to Docker daemon  3.072kB\nStep 1/6 : FROM busybox\n');
    expect(built).toMatch(/Step 4\/6 : RUN echo ok > \/www\/health.txt\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n/);
    expect(built).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged web:latest\n$/);
    run(sim, 'docker run -d --name site -P web');
    expect(run(sim, 'docker port site')).toBe('8080/tcp -> 0.0.0.0:32768\n8080/tcp -> [::]:32768\n');
    expect(run(sim, 'curl -s http://127.0.0.1:32768/')).toBe('<h1>web</h1>\n');
    expect(run(sim, 'docker exec site cat health.txt')).toBe('ok\n');
  });

  it('keeps its steps out of `docker images` (shown with -a), and rmi removes them with the image', () => {
    const sim = new Simulator();
    webProject(sim);
    run(sim, 'docker build -t web /srv/web');
    expect(run(sim, "docker images --format '{{.Repository}}:{{.Tag}}'")).toBe('web:latest\nredis:latest\nhttpd:latest\nbusybox:latest\n');
    expect(run(sim, 'docker images -a -q').split('\n').filter(Boolean)).toHaveLength(3 + 5);
    const removed = run(sim, 'docker rmi web');
    expect(removed.match(/^Deleted: /gm)).toHaveLength(5 + 2);
    expect(run(sim, 'docker images -a -q').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('a RUN step that installs packages leaves them in the image; a pulled base shows its pull first', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'mkdir -p /srv/c');
    run(sim, "printf 'FROM alpine:3.20\\nRUN apk add --no-cache curl\\n' > /srv/c/Dockerfile");
    const built = run(sim, 'docker build -t withcurl /srv/c');
    expect(built).toContain('Step 1/2 : FROM alpine:3.20\n3.20: Pulling from library/alpine\n');
    expect(built).toContain('(10/10) Installing curl (8.14.1-r2)\n');
    expect(run(sim, 'docker run --rm withcurl which curl')).toBe('/usr/bin/curl\n');
    expect(run(sim, 'docker run --rm alpine:3.20 which curl')).toBe('[exit 1]\n');
  });

  it('a failing step leaves no tag, keeps its container, and exits with the step\'s status', () => {
    const sim = new Simulator();
    run(sim, 'mkdir -p /srv/bad');
    run(sim, "printf 'FROM busybox\\nRUN exit 7\\n' > /srv/bad/Dockerfile");
    const out = run(sim, 'docker build -t bad /srv/bad');
    expect(out).toMatch(/The command '\/bin\/sh -c exit 7' returned a non-zero code: 7\n\[exit 7\]\n$/);
    expect(run(sim, 'docker images bad -q')).toBe('');
    expect(run(sim, "docker ps -a --format '{{.Status}}'")).toMatch(/^Exited \(7\)/);
  });

  it('refuses what it does not model in one honest line, and bad input changes nothing', () => {
    const sim = new Simulator();
    webProject(sim);
    expect(run(sim, 'docker build --platform linux/arm64 -t web /srv/web')).toContain('vethlab: docker build --platform is real, but this host builds for linux/amd64 only\n[exit 1]\n');
    run(sim, "printf 'FROM busybox\\nCOPY --chown=1:1 index.html /\\n' > /srv/web/Dockerfile");
    expect(run(sim, 'docker build -t web /srv/web')).toContain('vethlab: COPY --chown is real, but it is not modelled here');
    run(sim, "printf 'FROM busybox\\nONBUILD RUN echo\\n' > /srv/web/Dockerfile");
    expect(run(sim, 'docker build -t web /srv/web')).toContain('vethlab: ONBUILD is a real Dockerfile instruction, but it is not modelled here');
    expect(run(sim, "docker images --format '{{.Repository}}'")).toBe('redis\nhttpd\nbusybox\n');
  });

  it('a multi-stage build copies from an earlier stage by name, and --target stops at a stage', () => {
    const sim = new Simulator();
    run(sim, 'mkdir -p /srv/m');
    run(sim, "printf 'FROM busybox AS build\\nRUN echo compiled > /out.txt\\nFROM busybox\\nCOPY --from=build /out.txt /app/out.txt\\nCMD [\"cat\", \"/app/out.txt\"]\\n' > /srv/m/Dockerfile");
    run(sim, 'docker build -t multi /srv/m');
    expect(run(sim, 'docker run --rm multi')).toBe('compiled\n');
    expect(run(sim, 'docker build --target build -t first /srv/m')).toContain('Step 2/2 : RUN echo compiled > /out.txt\n ---> Using cache\n');
    expect(run(sim, 'docker run --rm first ls /app')).toBe('ls: /app: No such file or directory\n[exit 1]\n');
  });

  it('compose up of a service with build: runs the image docker build made as <project>-<service>, and builds it with BuildKit when it is missing', () => {
    const sim = new Simulator();
    webProject(sim);
    run(sim, "printf 'services:\\n  web:\\n    build: ./web\\n    ports:\\n      - \"8080:8080\"\\n' > /srv/compose.yaml");
    // Built by docker build (the legacy builder): up runs it as it is.
    run(sim, 'docker build -q -t cb-web /srv/web');
    expect(run(sim, 'docker compose -f /srv/compose.yaml -p cb up -d')).not.toContain('Built');
    expect(run(sim, "docker inspect -f '{{.Comment}}' cb-web")).toBe('\n');
    expect(run(sim, 'curl -s http://127.0.0.1:8080/')).toBe('<h1>web</h1>\n');
    run(sim, 'docker compose -f /srv/compose.yaml -p cb down');
    run(sim, 'docker rmi cb-web');
    // Missing: Compose builds it through BuildKit first (WORKDIR, COPY and RUN are its steps).
    const up = run(sim, 'docker compose -f /srv/compose.yaml -p cb up -d');
    expect(up).toContain('#4 [web 1/4] FROM docker.io/library/busybox:latest\n#4 CACHED\n');
    expect(up).toContain('#6 [web 2/4] WORKDIR /www\n');
    expect(up).toMatch(/ web {2}Built\n Network cb_default {2}Creating\n/);
    expect(run(sim, "docker inspect -f '{{.Comment}}' cb-web")).toBe('buildkit.dockerfile.v0\n');
    expect(run(sim, "docker compose -f /srv/compose.yaml -p cb ps --format '{{.Name}} {{.Image}} {{.Ports}}'")).toBe('cb-web-1 cb-web 0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp\n');
    expect(run(sim, 'curl -s http://127.0.0.1:8080/')).toBe('<h1>web</h1>\n');
  });
});
