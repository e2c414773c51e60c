/**
 * nginx, the official image's server: its configuration reader, its main process at start
 * (the entrypoint's scripts, then nginx reading its configuration), its answers to requests
 * and the `nginx` program (-v, -t, -s). One lazy part (./parts.ts), named by the image's name
 * or the program's (./needs.ts): a container runs nginx only after a line named it.
 */
import { NGINX_VERSION } from '../../docker/catalog.ts';
import { isNginxSignal, type NginxAnswer, type NginxSignal } from '../nginx-process.ts';
import { fail, type Command } from '../types.ts';

export { signalNginx, startNginx, testNginxConfig } from '../nginx-process.ts';
export { nginxAnswer } from '../nginx-server.ts';
export { formatLine, IMAGE_MAIN_FORMAT, writeAccessLog } from '../nginx-log.ts';

/**
 * nginx -v / -t / -s SIGNAL, as the image's nginx answers them (all on stderr); -t reads the
 * configuration as it is now, -s signals the running master (nginx-process.ts's signalNginx).
 */
export const nginxCommand = (test: () => NginxAnswer, signal: (name: NginxSignal) => NginxAnswer): Command => (argv) => {
  if (argv[0] === '-v') return { stdout: '', stderr: `nginx version: nginx/${NGINX_VERSION}\n`, exitCode: 0 };
  if (argv[0] === '-t') {
    const result = test();
    return { stdout: '', stderr: result.stderr, exitCode: result.ok ? 0 : 1, traces: result.traces };
  }
  if (argv[0] === '-s' || argv[0]?.startsWith('-s')) {
    // core/nginx.c ngx_get_options: the value follows -s, glued or as the next word.
    const name = argv[0] === '-s' ? argv[1] : argv[0].slice(2);
    if (name === undefined) return fail('nginx: option "-s" requires parameter\n', 1);
    if (!isNginxSignal(name)) return fail(`nginx: invalid option: "-s ${name}"\n`, 1);
    const result = signal(name);
    return { stdout: '', stderr: result.stderr, exitCode: result.ok ? 0 : 1, traces: result.traces };
  }
  const bad = argv.find((a) => a.startsWith('-')) ?? argv[0];
  return fail(bad === undefined ? 'nginx: vethlab runs nginx only as the main process\n' : `nginx: invalid option: "${bad.replace(/^-/, '')}"\n`, 1);
};
