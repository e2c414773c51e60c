/**
 * `nginx -s reload|reopen|stop|quit` in the official image: the signaller reads the
 * configuration first (core/nginx.c main: ngx_init_cycle before ngx_signal_process),
 * so a broken file is refused with nginx's [emerg] line and the master keeps its old
 * configuration; otherwise ngx_signal_process logs "signal process started" and the
 * master logs the signal as ngx_process.c's ngx_signal_handler does ("signal 1
 * (SIGHUP) received from PID, reconfiguring"). Option errors from ngx_get_options.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const conf = (listen: number, text: string) => `server {\n    listen ${listen};\n    location / {\n        return 200 '${text}';\n    }\n}`;
const STAMP = '\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d';

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  const write = (text: string) => sh(`cat > /srv/default.conf <<'EOF'\n${text}\nEOF`);
  sh('mkdir -p /srv');
  write(conf(80, 'first'));
  sh('docker run -d --name web -p 8080:80 -v /srv/default.conf:/etc/nginx/conf.d/default.conf:ro nginx');
  return { sim, sh, write };
}

describe('nginx -s', () => {
  it('reload re-reads the mounted configuration; until then the old one answers', () => {
    const { sh, write } = world();
    expect(sh('curl -s localhost:8080/').stdout).toBe('first');
    write(conf(80, 'second'));
    expect(sh('curl -s localhost:8080/').stdout).toBe('first');
    const reload = sh('docker exec web nginx -s reload');
    expect(reload.exitCode).toBe(0);
    expect(reload.stderr).toMatch(new RegExp(`^${STAMP} \\[notice\\] (\\d+)#\\1: signal process started\\n$`));
    const signaller = /\[notice\] (\d+)#/.exec(reload.stderr)![1];
    expect(sh('curl -s localhost:8080/').stdout).toBe('second');
    // The reload's notices, then the access log line of the request after it (the image's `main` format).
    expect(sh('docker logs web').stdout).toMatch(new RegExp(`${STAMP} \\[notice\\] 1#1: signal 1 \\(SIGHUP\\) received from ${signaller}, reconfiguring\\n${STAMP} \\[notice\\] 1#1: reconfiguring\\n172\\.17\\.0\\.1 - - \\[[^\\]]+\\] "GET / HTTP/1\\.1" 200 6 "-" "curl/7\\.88\\.1" "-"\\n$`));
  });

  it('a broken file: reload prints the [emerg] lines, exits 1, and the old configuration keeps answering', () => {
    const { sh, write } = world();
    write('server {\n    listen 80\n}');
    const test = sh('docker exec web nginx -t');
    expect(test.exitCode).toBe(1);
    const emerg = test.stderr.split('\n')[0]!;
    expect(emerg).toMatch(/^nginx: \[emerg\] .* in \/etc\/nginx\/conf\.d\/default\.conf:3$/);
    const reload = sh('docker exec web nginx -s reload');
    expect(reload.exitCode).toBe(1);
    expect(reload.stderr).toMatch(new RegExp(`^${STAMP} \\[emerg\\] (\\d+)#\\1: ${emerg.slice('nginx: [emerg] '.length).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n${emerg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n$`));
    expect(sh('curl -s localhost:8080/').stdout).toBe('first');
    expect(sh('docker logs web').stdout).not.toContain('SIGHUP');
  });

  it('reload moves the listeners to the new listen ports', () => {
    const { sh, write } = world();
    write(conf(8081, 'moved'));
    sh('docker exec web nginx -s reload');
    expect(sh('docker exec web curl -s http://127.0.0.1:8081/').stdout).toBe('moved');
    expect(sh('docker exec web curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:80/').stdout).toBe('000');
  });

  it('stop and quit end the master, and the container exits 0', () => {
    for (const [signal, line] of [['stop', 'signal 15 \\(SIGTERM\\) received from \\d+, exiting'], ['quit', 'signal 3 \\(SIGQUIT\\) received from \\d+, shutting down']] as const) {
      const { sh } = world();
      expect(sh(`docker exec web nginx -s ${signal}`).exitCode).toBe(0);
      expect(sh("docker ps -a --filter name=web --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\)/);
      expect(sh('docker logs web').stdout).toMatch(new RegExp(`\\[notice\\] 1#1: ${line}\\n${STAMP} \\[notice\\] 1#1: exit\\n$`));
    }
  });

  it("refuses what nginx refuses, with its own words", () => {
    const { sh } = world();
    expect(sh('docker exec web nginx -s restart')).toMatchObject({ stderr: 'nginx: invalid option: "-s restart"\n', exitCode: 1 });
    expect(sh('docker exec web nginx -s')).toMatchObject({ stderr: 'nginx: option "-s" requires parameter\n', exitCode: 1 });
    expect(sh('curl -s localhost:8080/').stdout).toBe('first');
  });
});
