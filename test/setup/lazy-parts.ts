// Every test file runs with the simulator's lazy parts loaded, as the CLI does (src/sim/shell/lazy/parts.ts);
// test/shell/lazy-parts.test.ts checks the browser's way, where a line waits for the parts it needs.
import { loadAllParts } from '../../src/sim/shell/lazy/parts.ts';

await loadAllParts();
