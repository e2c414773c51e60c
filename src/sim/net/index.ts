/**
 * src/sim/net: the Linux kernel model. Network namespaces with links (lo, veth,
 * bridge), addresses, routes, neighbours, sysctls and sockets, and the packet
 * walk that calls netfilter at each hook and produces a Trace.
 */
export * from './api.ts';
export * from './trace.ts';
export { Kernel, type KernelOptions } from './kernel.ts';
export { SeededRandom } from './rng.ts';
export { formatTrace, formatOutcome } from './trace-text.ts';
