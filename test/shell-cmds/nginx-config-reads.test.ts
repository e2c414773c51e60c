/**
 * nginx reads its configuration at each start from the container's own files. Reading the
 * same files again gives the configuration read before (nginx-conf.ts keeps it, with the
 * questions asked of the files): a container whose files differ, by a mounted file, a file
 * more in conf.d or one edited, must still get its own.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const conf = (listen: number, text: string) => `server {\n    listen ${listen};\n    location / {\n        return 200 '${text}';\n    }\n}`;

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  const write = (file: string, text: string) => sh(`mkdir -p /srv && cat > ${file} <<'EOF'\n${text}\nEOF`);
  return { sh, write };
}

describe('nginx containers of one world, each with its own files', () => {
  it('a mounted default.conf answers for its container only; the image’s answers before and after it', () => {
    const { sh, write } = world();
    write('/srv/default.conf', conf(80, 'custom'));
    expect(sh('docker run -d --name plain -p 8081:80 nginx').exitCode).toBe(0);
    expect(sh('docker run -d --name custom -p 8082:80 -v /srv/default.conf:/etc/nginx/conf.d/default.conf:ro nginx').exitCode).toBe(0);
    expect(sh('docker run -d --name plain2 -p 8083:80 nginx').exitCode).toBe(0);
    expect(sh('curl -s localhost:8081/').stdout).toContain('Welcome to nginx!');
    expect(sh('curl -s localhost:8082/').stdout).toBe('custom');
    expect(sh('curl -s localhost:8083/').stdout).toContain('Welcome to nginx!');
  });

  it('a file more in conf.d adds its server to that container alone', () => {
    const { sh, write } = world();
    write('/srv/extra.conf', conf(8080, 'extra'));
    sh('docker run -d --name one nginx');
    sh('docker run -d --name two -v /srv/extra.conf:/etc/nginx/conf.d/extra.conf:ro nginx');
    sh('docker run -d --name three nginx');
    expect(sh('docker exec two curl -s http://127.0.0.1:8080/').stdout).toBe('extra');
    for (const name of ['one', 'three']) expect(sh(`docker exec ${name} curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:8080/`).stdout, name).toBe('000');
  });

  it('an edited file is read anew at the restart; a broken one stops that container, not the next', () => {
    const { sh } = world();
    sh('docker run -d --name edited -p 8081:80 nginx');
    sh(`docker exec edited sh -c "sed -i 's/Welcome to nginx!/Edited/' /usr/share/nginx/html/index.html && sed -i 's/listen       80;/listen       80;\\n    return 200 edited;/' /etc/nginx/conf.d/default.conf"`);
    sh('docker restart edited');
    expect(sh('curl -s localhost:8081/').stdout).toBe('edited');
    sh(`docker exec edited sh -c "echo 'server {' >> /etc/nginx/conf.d/default.conf"`);
    sh('docker restart edited');
    expect(sh('docker ps -a --filter name=edited --format "{{.Status}}"').stdout).toMatch(/^Exited \(1\)/);
    expect(sh('docker run -d --name fresh -p 8082:80 nginx').exitCode).toBe(0);
    expect(sh('curl -s localhost:8082/').stdout).toContain('Welcome to nginx!');
  });
});
