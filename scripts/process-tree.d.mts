/** Types of scripts/process-tree.mjs (test-all's stopping of a step's whole process tree). */
export type KnownProcesses = Map<number, { start: string; pgid: number }>;
export declare function recordTree(root: number, known?: KnownProcesses): KnownProcesses;
export declare function living(known: KnownProcesses): [number, { start: string; pgid: number }][];
export declare function signalTree(known: KnownProcesses, signal: NodeJS.Signals): number;
