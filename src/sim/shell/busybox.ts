/** busybox's own words: the banner its applets print above their usage text. */
import type { Image } from '../docker/images.ts';
import type { Command } from './types.ts';

/** The rig's busybox: Debian's busybox-static 1:1.35.0-4+deb12u1+b1. */
export const BUSYBOX_BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.';

/**
 * The banners of the playground images' busybox builds. A build's banner names its
 * version and build time (BB_BT; Alpine's abuild and docker-library set it from the
 * build), so each is one observed run of the real image:
 * - alpine:3.20 (busybox 1.36.1): `docker run alpine:3.20 busybox` as pulled in
 *   October 2026, quoted in a public review note;
 * - alpine:latest (busybox 1.37.0, which Alpine-based official images share):
 *   `docker run --rm alpine sh -c 'ls --help'`, captured in a public course text, and
 *   the same line in an unrelated public log of `find -printf` in alpine;
 * - busybox:latest (docker-library/busybox 1.37.0, glibc): `kubectl logs` of a
 *   `busybox` container given bad arguments, in a public exercise write-up.
 */
const BANNERS = {
  alpine320: 'BusyBox v1.36.1 (2025-11-23 14:32:18 UTC) multi-call binary.',
  alpine: 'BusyBox v1.37.0 (2026-01-10 15:38:28 UTC) multi-call binary.',
  busybox: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.',
} as const;

/** The banner an image's busybox prints; undefined for images whose tools are not busybox's. */
export function busyboxBannerOf(image: Pick<Image, 'distro' | 'base' | 'fileSets'>): string | undefined {
  if (image.distro === 'rig') return BUSYBOX_BANNER;
  if (image.base === 'alpine') return image.fileSets?.includes('alpine-3.20') ? BANNERS.alpine320 : BANNERS.alpine;
  if (image.base === 'busybox') return BANNERS.busybox;
  return undefined;
}

/** The rig's banner as a whole line. */
const RIG_BANNER_LINE = new RegExp(`^${BUSYBOX_BANNER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`, 'gm');

/** An applet's usage message, as printed for bad arguments (exit 1). */
export function busyboxUsage(usage: string): string {
  return `${BUSYBOX_BANNER}\n\n${usage}`;
}

/**
 * A container's program with its image's busybox banner: the applets' texts are
 * written with the rig's banner (the one the goldens hold), and a process of
 * another image prints its own build's line in its place.
 */
export function withBanner(command: Command, banner: string | undefined): Command {
  if (banner === undefined || banner === BUSYBOX_BANNER) return command;
  const own = (text: string) => (text.includes(BUSYBOX_BANNER) ? text.replace(RIG_BANNER_LINE, `${banner}\n`) : text);
  return (argv, ctx) => {
    const out = command(argv, ctx);
    return { ...out, stdout: own(out.stdout), stderr: own(out.stderr) };
  };
}
