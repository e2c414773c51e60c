/**
 * The docker client's words around errors: usage lines per command, and the
 * shapes its messages take (client 28.2.2 against daemon 28.5.2, as recorded in
 * test/golden). One place, so every command fails the same way the real one does.
 */
import { fail, type CommandOutput } from '../types.ts';

export const USAGE: Record<string, string> = {
  run: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  create: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  start: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
  stop: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
  restart: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
  pause: 'docker pause CONTAINER [CONTAINER...]',
  unpause: 'docker unpause CONTAINER [CONTAINER...]',
  rm: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
  ps: 'docker ps [OPTIONS]',
  port: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
  exec: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  attach: 'docker attach [OPTIONS] CONTAINER',
  inspect: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  logs: 'docker logs [OPTIONS] CONTAINER',
  kill: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
  images: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
  'image ls': 'docker image ls [OPTIONS] [REPOSITORY[:TAG]]',
  'image inspect': 'docker image inspect [OPTIONS] IMAGE [IMAGE...]',
  image: 'docker image',
  pull: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
  'image pull': 'docker image pull [OPTIONS] NAME[:TAG|@DIGEST]',
  tag: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  'image tag': 'docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  rmi: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
  'image rm': 'docker image rm [OPTIONS] IMAGE [IMAGE...]',
  version: 'docker version [OPTIONS]',
  info: 'docker info [OPTIONS]',
  network: 'docker network',
  'network create': 'docker network create [OPTIONS] NETWORK',
  'network rm': 'docker network rm NETWORK [NETWORK...]',
  'network ls': 'docker network ls [OPTIONS]',
  'network connect': 'docker network connect [OPTIONS] NETWORK CONTAINER',
  'network disconnect': 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
  'network prune': 'docker network prune [OPTIONS]',
  'network inspect': 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
  volume: 'docker volume COMMAND',
  'volume create': 'docker volume create [OPTIONS] [VOLUME]',
  'volume ls': 'docker volume ls [OPTIONS]',
  'volume inspect': 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
  'volume rm': 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
  'volume prune': 'docker volume prune [OPTIONS]',
  wait: 'docker wait CONTAINER [CONTAINER...]',
  cp: 'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  diff: 'docker diff CONTAINER',
  system: 'docker system COMMAND',
  'system df': 'docker system df [OPTIONS]',
  'system prune': 'docker system prune [OPTIONS]',
  'container prune': 'docker container prune [OPTIONS]',
  'image prune': 'docker image prune [OPTIONS]',
  history: 'docker history [OPTIONS] IMAGE',
  search: 'docker search [OPTIONS] TERM',
  stats: 'docker stats [OPTIONS] [CONTAINER...]',
  build: 'docker build [OPTIONS] PATH | URL | -',
  'image build': 'docker image build [OPTIONS] PATH | URL | -',
  update: 'docker update [OPTIONS] CONTAINER [CONTAINER...]',
};

/** `unknown flag: --frob` and friends: exit 125, with the usage block. */
export function flagError(command: string, message: string): CommandOutput {
  return fail(`${message}\n\nUsage:  ${USAGE[command] ?? `docker ${command}`}\n\nRun 'docker ${command} --help' for more information\n`, 125);
}

/** Wrong number of arguments: exit 1, "See" instead of "Run". */
export function argCountError(command: string, requirement: string): CommandOutput {
  return fail(`docker: 'docker ${command}' requires ${requirement}\n\nUsage:  ${USAGE[command] ?? `docker ${command}`}\n\nSee 'docker ${command} --help' for more information\n`, 1);
}

/** A wrong argument count where the CLI uses cobra's own ExactArgs (`docker attach`): "requires 1 argument", "Run". */
export function cobraExactArgsError(command: string, n: number): CommandOutput {
  return fail(`docker: 'docker ${command}' requires ${n} argument${n === 1 ? '' : 's'}\n\nUsage:  ${USAGE[command] ?? `docker ${command}`}\n\nRun 'docker ${command} --help' for more information\n`, 1);
}

/** Arguments to a command that takes none (cobra's NoArgs): exit 1, "Run". */
export function noArgsError(command: string): CommandOutput {
  return fail(`docker: 'docker ${command}' accepts no arguments\n\nUsage:  ${USAGE[command] ?? `docker ${command}`}\n\nRun 'docker ${command} --help' for more information\n`, 1);
}

export function unknownCommand(path: string, usageOf?: string): CommandOutput {
  const usage = usageOf ? `\nUsage:  ${USAGE[usageOf]}\n` : '';
  const help = usageOf ? `docker ${usageOf} --help` : 'docker --help';
  return fail(`docker: unknown command: docker ${path}\n${usage}\nRun '${help}' for more information\n`, 1);
}

/** A daemon error as `docker run` prints it (exit 125). */
export function runDaemonError(message: string, stdout = ''): CommandOutput {
  return fail(`docker: Error response from daemon: ${message}\n\nRun 'docker run --help' for more information\n`, 125, stdout);
}

export function daemonError(message: string): string {
  return `Error response from daemon: ${message}\n`;
}

/**
 * An error of `docker run`'s own (not the daemon's): `docker: MESSAGE` and the help
 * hint, with the exit status toStatusError gives it (127 for a missing file or
 * command, 126 for one it may not use, else 125).
 */
export function clientRunError(message: string): CommandOutput {
  const status = /executable file not found|no such file or directory/.test(message) ? 127 : /permission denied|is a directory/.test(message) ? 126 : 125;
  return fail(`docker: ${message}\n\nRun 'docker run --help' for more information\n`, status);
}
