/** busybox's own words: the banner its applets print above their usage text. */

/** The rig's busybox: Debian's busybox-static 1:1.35.0-4+deb12u1+b1. */
export const BUSYBOX_BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.';

/** An applet's usage message, as printed for bad arguments (exit 1). */
export function busyboxUsage(usage: string): string {
  return `${BUSYBOX_BANNER}\n\n${usage}`;
}
