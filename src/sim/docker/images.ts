/**
 * The offline images, as the real-docker rig builds them (one busybox-static
 * rootfs, `docker import`ed with these configs): what they run, expose and listen on.
 */
import type { L4Proto } from '../netfilter/index.ts';

export interface Image {
  name: string;
  /** `sha256:...`, as `docker inspect` shows it (fixed for this simulated host). */
  id: string;
  cmd: string[];
  exposed: string[];
  env: string[];
  /** What the default command prints when it starts (its `docker logs`). */
  startupLog?: string;
  /** Servers the default command starts: what listens once the container runs. */
  listens: { proto: L4Proto; port: number; process: string }[];
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const IMAGES: readonly Image[] = [
  { name: 'busybox', id: 'sha256:0d1f5f8c0c38b7a2d3e4f9b6a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0', cmd: ['sh'], exposed: [], env: [PATH_ENV], listens: [] },
  {
    name: 'httpd',
    id: 'sha256:307b32bd92a96bb75a63ed7209006d36722d515b25cb9b777806f59004670f2d',
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    exposed: ['80/tcp'],
    env: [PATH_ENV],
    listens: [{ proto: 'tcp', port: 80, process: 'httpd' }],
  },
  {
    name: 'redis',
    id: 'sha256:8a4c2f1e6d5b3a7c9e0f1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a49382',
    cmd: ['redis-server'],
    startupLog: 'Ready to accept connections tcp 6379\n',
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
