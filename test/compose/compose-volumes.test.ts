/**
 * Compose's `volumes:` reach the engine: a top-level named volume shared by two
 * services (`<project>_<name>`, with Compose's labels), a short-syntax bind of a
 * file written on the host with a here-document, read-only, and `down -v`.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const COMPOSE = `services:
  writer:
    image: busybox
    command: sleep 3600
    volumes:
      - shared:/data
      - ./greeting.txt:/etc/greeting.txt:ro
  reader:
    image: busybox
    command: sleep 3600
    volumes:
      - type: volume
        source: shared
        target: /in
        read_only: true
volumes:
  shared:
`;

describe('compose volumes', () => {
  it('mounts a named volume in two services and a host file by a relative path', () => {
    const sim = new Simulator();
    const run = (line: string) => sim.runScriptLine(line);
    run('mkdir -p /srv/vol');
    run(`cat > /srv/vol/compose.yaml <<'EOF'\n${COMPOSE}EOF`);
    run("cat > /srv/vol/greeting.txt <<'EOF'\nhello from the host\nEOF");
    expect(run('cd /srv/vol && docker compose up -d').exitCode).toBe(0);
    expect(run('docker volume ls -q').stdout).toBe('vol_shared\n');
    expect(run("docker volume inspect -f '{{json .Labels}}' vol_shared").stdout).toBe('{"com.docker.compose.project":"vol","com.docker.compose.version":"2.40.3","com.docker.compose.volume":"shared"}\n');
    expect(run("docker exec vol-writer-1 sh -c 'echo shared-data > /data/f'").exitCode).toBe(0);
    expect(run('docker exec vol-reader-1 cat /in/f').stdout).toBe('shared-data\n');
    expect(run("docker exec vol-reader-1 sh -c 'echo x > /in/g'").stderr).toBe("sh: can't create /in/g: Read-only file system\n");
    expect(run('docker exec vol-writer-1 cat /etc/greeting.txt').stdout).toBe('hello from the host\n');
    expect(run("docker inspect -f '{{json .HostConfig.Binds}}' vol-writer-1").stdout).toBe('["/srv/vol/greeting.txt:/etc/greeting.txt:ro"]\n');
    expect(run('cd /srv/vol && docker compose down -v').exitCode).toBe(0);
    expect(run('docker volume ls -q').stdout).toBe('');
  });
});
