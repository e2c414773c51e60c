/**
 * `docker compose` pulling from the playground's registry: the pulls `up` and
 * `create` make, `docker compose pull`, pull policies, registry errors. The rig
 * cannot show a successful pull (it is offline; golden compose-pull holds the
 * skips and errors it can show), so the texts follow docker/compose v2.40.3's
 * source: pkg/compose/pull.go (pullServiceImage's Pulling/Pulled/Error events,
 * toPullProgressEvent dropping the daemon's messages without an ID or a
 * progressDetail, pull()'s Skipped events, mustPull) and pkg/progress/plain.go
 * (`fmt.Fprintln("", ID, Text, StatusText)`); the layers are those `docker pull`
 * prints for the same image.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const DEMO = 'services:\\n  web: {image: "nginx:1.27-alpine", ports: ["8080:80"], depends_on: [api]}\\n  api: {image: "python:3.12-slim", command: python -m http.server 5000}\\n';

function world(file: string, images: 'playground' | 'rig' = 'playground') {
  const sim = new Simulator({ images });
  const run = (line: string) => {
    const out = sim.runScriptLine(line);
    sim.kernel.advance(1000);
    return out;
  };
  run('mkdir -p /srv/demo');
  run(`printf '${file}' > /srv/demo/compose.yaml`);
  const compose = (args: string) => run(`cd /srv/demo && docker compose ${args}`);
  return { sim, run, compose };
}

/** What `docker pull IMAGE` prints for the image's layers in a fresh playground, as Compose's plain events. */
function layerEventsOfDockerPull(image: string, before: string[] = []): string[] {
  const { run } = world(DEMO);
  for (const b of before) run(`docker pull ${b}`);
  return run(`docker pull ${image}`)
    .stdout.split('\n')
    .filter((l) => /^[0-9a-f]{12}: /.test(l))
    .map((l) => ` ${l.slice(0, 12)} ${l.slice(14)} `);
}

const lines = (text: string) => text.split('\n').slice(0, -1);

describe('docker compose pulls in the playground', () => {
  it('up pulls each missing image first, with the layer events docker pull shows, then creates and starts', () => {
    const { sim, run, compose } = world(DEMO);
    const up = compose('up -d');
    expect(up.exitCode).toBe(0);
    const events = lines(up.stderr);
    // python:3.12-slim first (the services in name order), then nginx:1.27-alpine: python's debian base is not nginx's alpine one.
    const api = layerEventsOfDockerPull('python:3.12-slim');
    const web = layerEventsOfDockerPull('nginx:1.27-alpine', ['python:3.12-slim']);
    expect(api.length).toBeGreaterThan(3);
    expect(web.some((e) => e.endsWith(' Pull complete '))).toBe(true);
    expect(events).toEqual([
      ' api Pulling ',
      ...api,
      ' api Pulled ',
      ' web Pulling ',
      ...web,
      ' web Pulled ',
      ' Network demo_default  Creating',
      ' Network demo_default  Created',
      ' Container demo-api-1  Creating',
      ' Container demo-api-1  Created',
      ' Container demo-web-1  Creating',
      ' Container demo-web-1  Created',
      ' Container demo-api-1  Starting',
      ' Container demo-api-1  Started',
      ' Container demo-web-1  Starting',
      ' Container demo-web-1  Started',
    ]);
    // Never the daemon's own status lines: Compose drops what has no ID or no progressDetail.
    expect(up.stderr).not.toMatch(/Pulling from|Digest:|Status:/);
    expect(run('docker images --format "{{.Repository}}:{{.Tag}}" nginx').stdout).toContain('nginx:1.27-alpine\n');
    expect(sim.engine.findContainer('demo-web-1')!.labels!['com.docker.compose.image']).toBe(sim.engine.findImage('nginx:1.27-alpine')!.id);
    expect(run('curl -s http://127.0.0.1:8080/').stdout).toContain('Welcome to nginx!');
    // Present now: a second up pulls nothing.
    expect(compose('up -d').stderr).toBe(' Container demo-api-1  Running\n Container demo-web-1  Running\n');
  });

  it('create pulls as up does; --quiet-pull keeps the service events and drops the layers', () => {
    const { compose } = world(DEMO);
    const created = compose('create --quiet-pull');
    expect(created.exitCode).toBe(0);
    expect(lines(created.stderr).slice(0, 4)).toEqual([' api Pulling ', ' api Pulled ', ' web Pulling ', ' web Pulled ']);
    expect(created.stderr).toContain(' Container demo-web-1  Created\n');
    expect(created.stderr).not.toContain('Started');
  });

  it('docker compose pull: the registry says up to date, an image is pulled once, --quiet drops only the layer events', () => {
    const file = 'services:\\n  a: {image: "redis:7"}\\n  b: {image: "redis:7"}\\n  c: {image: "alpine:3.20"}\\n';
    const { compose } = world(file);
    const first = compose('pull');
    expect(first.exitCode).toBe(0);
    const events = lines(first.stderr);
    expect(events.filter((e) => !/^ [0-9a-f]{12} /.test(e))).toEqual([' a Pulling ', ' a Pulled ', ' b Skipped - Image is already being pulled by a ', ' c Pulling ', ' c Pulled ']);
    const pulledLayers = [...layerEventsOfDockerPull('redis:7'), ...layerEventsOfDockerPull('alpine:3.20')].filter((e) => e.endsWith(' Pull complete '));
    expect(events.filter((e) => e.endsWith(' Pull complete '))).toEqual(pulledLayers);
    // Everything present: the daemon answers "Image is up to date", which Compose does not show.
    expect(compose('pull').stderr).toBe(' a Pulling \n a Pulled \n b Skipped - Image is already being pulled by a \n c Pulling \n c Pulled \n');
    expect(compose('pull -q c')).toMatchObject({ stdout: '', stderr: ' c Pulling \n c Pulled \n', exitCode: 0 });
    expect(compose('--progress quiet pull')).toMatchObject({ stderr: '', exitCode: 0 });
  });

  it('follows pull_policy: never and build skip, missing skips a tagged image the host has, not latest', () => {
    const file = 'services:\\n  n: {image: "busybox:1.37", pull_policy: never}\\n  t: {image: "httpd:2.4", pull_policy: missing}\\n  l: {image: "httpd", pull_policy: if_not_present}\\n';
    const { run, compose } = world(file);
    run('docker tag httpd httpd:2.4');
    expect(compose('pull').stderr).toBe(' l Pulling \n l Pulled \n n Skipped \n t Skipped - Image is already present locally \n');
    // `up` with never and a missing image: no pull, and the daemon's own error on create.
    const up = compose('up -d n');
    expect(up).toMatchObject({ exitCode: 1, stderr: ' Network demo_default  Creating\n Network demo_default  Created\n Container demo-n-1  Creating\n Container demo-n-1  Error response from daemon: No such image: busybox:1.37\nError response from daemon: No such image: busybox:1.37\n' });
    // --pull overrides every service's policy.
    expect(compose('up -d --pull missing n').stderr).toMatch(/^ n Pulling \n( [0-9a-f]{12} .+ \n)+ n Pulled \n/);
    expect(compose('up -d --pull sometimes')).toMatchObject({ stderr: 'invalid --pull option "sometimes"\n', exitCode: 1 });
    expect(compose('pull --policy never t').stderr).toBe(' t Skipped \n');
  });

  it('pulls with always, and with a refresh policy once the local image is older than it allows', () => {
    const { run, compose } = world('services:\\n  web: {image: "redis:7", pull_policy: always}\\n');
    expect(compose('up -d').stderr).toMatch(/^ web Pulling \n( [0-9a-f]{12} .+ \n)+ web Pulled \n Network demo_default {2}Creating\n/);
    // Present, and pulled again before `Running`: the daemon finds it up to date.
    expect(compose('up -d').stderr).toBe(' web Pulling \n web Pulled \n Container demo-web-1  Running\n');
    run(`printf 'services:\\n  web: {image: "redis:7", pull_policy: every_2h}\\n' > /srv/demo/compose.yaml`);
    // A pulled image was never tagged (its LastTagTime is zero): a refresh policy finds it stale.
    expect(compose('up -d').stderr).toBe(' web Pulling \n web Pulled \n Container demo-web-1  Running\n');
    run('docker tag redis:7 redis:7');
    expect(compose('up -d').stderr).toBe(' Container demo-web-1  Running\n');
    run('sleep 7201');
    expect(compose('up -d').stderr).toBe(' web Pulling \n web Pulled \n Container demo-web-1  Running\n');
    run(`printf 'services:\\n  web: {image: "redis:7", pull_policy: every_2hx}\\n' > /srv/demo/compose.yaml`);
    expect(compose('up -d')).toMatchObject({ stderr: 'time: unknown unit "hx" in duration "2hx"\n', exitCode: 1 });
  });

  it("answers the registry's refusal in Compose's words and leaves the host unchanged", () => {
    const file = 'services:\\n  db: {image: "647197174783"}\\n  web: {image: "httpd"}\\n';
    const { sim, compose } = world(file);
    const denied = "pull access denied for 647197174783, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect(compose('up -d')).toMatchObject({ stdout: '', stderr: ` db Pulling \n db Error ${denied}\nError response from daemon: ${denied}\n`, exitCode: 1 });
    expect(sim.engine.containers.size).toBe(0);
    expect(sim.engine.findNetwork('demo_default')).toBeUndefined();
    expect(compose('pull db')).toMatchObject({ stderr: ` db Pulling \n db Error ${denied}\nError response from daemon: ${denied}\n`, exitCode: 1 });
    // Failures ignored: the event stays, the rest is pulled, and the command succeeds.
    expect(compose('pull --ignore-pull-failures')).toMatchObject({ stderr: ` db Pulling \n db Error ${denied}\n web Pulling \n web Pulled \n`, exitCode: 0 });
    // A name the daemon cannot parse fails its inspect, before any pull (golden compose-pull holds the same on the rig).
    sim.runScriptLine(`printf 'services:\\n  web: {image: "Nginx"}\\n' > /srv/demo/compose.yaml`);
    const lowercase = "unable to get image 'Nginx': Error response from daemon: invalid reference format: repository name (library/Nginx) must be lowercase\n";
    expect(compose('up -d')).toMatchObject({ stderr: lowercase, exitCode: 1 });
    expect(compose('pull')).toMatchObject({ stderr: lowercase, exitCode: 1 });
  });

  it('names the deprecated flags in red and refuses an unknown one', () => {
    const { compose } = world(DEMO);
    expect(compose('pull --no-parallel --quiet api').stderr).toBe("\x1b[31moption '--no-parallel' is DEPRECATED and will be ignored.\n\x1b[0m api Pulling \n api Pulled \n");
    expect(compose('pull --bogus')).toMatchObject({ exitCode: 1 });
  });

  it('keeps the rig host offline: every pull fails on the registry lookup', () => {
    const { compose } = world(DEMO, 'rig');
    const lookup = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host';
    expect(compose('up -d')).toMatchObject({ stderr: ` api Pulling \n api Error ${lookup}\nError response from daemon: ${lookup}\n`, exitCode: 1 });
  });
});
