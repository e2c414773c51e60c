/**
 * The offline images, as the real-docker rig builds them (one busybox-static
 * rootfs, `docker import`ed with these configs): what they run, expose and listen on.
 */
import type { L4Proto } from '../netfilter/index.ts';

export interface Image {
  name: string;
  id: string;
  cmd: string[];
  exposed: string[];
  env: string[];
  /** Servers the default command starts: what listens once the container runs. */
  listens: { proto: L4Proto; port: number; process: string }[];
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const IMAGES: readonly Image[] = [
  { name: 'busybox', id: 'b1', cmd: ['sh'], exposed: [], env: [PATH_ENV], listens: [] },
  {
    name: 'httpd',
    id: 'h1',
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    exposed: ['80/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 80, process: 'httpd' }],
  },
  {
    name: 'redis',
    id: 'r1',
    cmd: ['redis-server'],
    exposed: ['6379/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 6379, process: 'redis-server' }],
  },
];

/** `busybox`, `busybox:latest` and `docker.io/library/busybox` name the same image. */
export function findImage(ref: string): Image | undefined {
  const bare = ref.replace(/^(docker\.io\/)?(library\/)?/, '').replace(/:latest$/, '');
  return IMAGES.find((i) => i.name === bare);
}
