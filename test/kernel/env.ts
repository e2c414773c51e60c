/**
 * Can this machine run the kernel differential? Decided once, synchronously, when
 * a test file loads, so `describe.skipIf` knows before any test runs. When it
 * cannot, one line says why and the tests are reported as skipped, never passed.
 */
import { removeStale, whyNoKernel } from './real.ts';

export const noKernelReason: string | undefined = process.env.VETHLAB_KERNEL_SKIP ? 'VETHLAB_KERNEL_SKIP is set' : whyNoKernel();

if (noKernelReason !== undefined) {
  console.log(`kernel differential skipped: ${noKernelReason}`);
} else {
  const stale = removeStale();
  if (stale.length > 0) console.log(`kernel differential: removed ${stale.length} namespaces of dead runs`);
}

/** Worlds run at once (each has its own namespaces and agents). */
export const JOBS = Number(process.env.VETHLAB_KERNEL_JOBS ?? 2);

let worldCounter = 0;
/** A namespace prefix no other world of this run or of another live run uses. */
export function nextPrefix(tag: string): string {
  return `vl-k${process.pid}-${tag}${worldCounter++}-`;
}
