/**
 * What the benchmark installs in the page before the app's scripts run
 * (page.addInitScript): a watch on the DOM that notes, in performance.now()
 * milliseconds since navigation, when a given topology node is first drawn, when
 * an edge to it is (the static drawing paints its nodes first, its edges a frame
 * later), and when the host terminal (the light one, or xterm) first shows its prompt with
 * the simulator running (the first screen's "starting" notice gone), and a requestAnimationFrame recorder
 * of frame times. Plain browser code, passed to the page as a string.
 */

export interface Milestones {
  topology?: number;
  /** An edge to the node drawn (only with `milestoneScript`). */
  edges?: number;
  terminal?: number;
}

/** The script; `nodeId` is the React Flow node that says the link's world is drawn (`c:NAME`). */
export function milestoneScript(nodeId: string): string {
  return milestoneScriptFor(`.react-flow__node[data-id=${JSON.stringify(nodeId)}]`, `.react-flow__edge[aria-label$=${JSON.stringify(` to ${nodeId}`)}]`);
}

/** The same with any CSS selector for the node that says the world is drawn (a collapsed network's group), and optionally for its edge. */
export function milestoneScriptFor(nodeSelector: string, edgeSelector?: string): string {
  const edgeCheck = edgeSelector ? `if (marks.edges === undefined && document.querySelector(${JSON.stringify(edgeSelector)})) marks.edges = performance.now();` : '';
  const edgesDone = edgeSelector ? ' && marks.edges !== undefined' : '';
  return `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    if (marks.topology === undefined && document.querySelector(${JSON.stringify(nodeSelector)})) marks.topology = performance.now();
    ${edgeCheck}
    if (marks.terminal === undefined && !document.querySelector('[data-testid="boot-status"]')) {
      // The light terminal's rows, or xterm's once it has taken over.
      const rows = document.querySelector('[data-testid="terminal-host"] :is(.lineterm-rows, .xterm-rows)');
      if (rows && rows.textContent.includes('root@dockerhost:~#')) marks.terminal = performance.now();
    }
    if (marks.topology !== undefined && marks.terminal !== undefined${edgesDone}) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  const start = () => { observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true }); check(); };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;
}

/** Starts recording frame times; `window.__benchFrames()` stops and returns the deltas (ms). */
export const FRAME_RECORDER = `(() => {
  const deltas = [];
  let last = performance.now();
  let running = true;
  const tick = (t) => { deltas.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  window.__benchFrames = () => { running = false; return deltas; };
})();`;
