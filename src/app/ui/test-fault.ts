/**
 * A test hook for the panels' error boundaries (PanelBoundary.tsx): an e2e test
 * makes one panel throw while it draws, to see its boundary at work. Off for
 * every user: it listens only in a browser driven by automation
 * (`navigator.webdriver`, which Playwright's browsers set and a person's never
 * does), and only when the test has written the panel's name to sessionStorage
 * under FAULT_KEY and dispatched FAULT_EVENT.
 */
import { useEffect, useState } from 'react';

export const FAULT_KEY = 'vethlab.test.fault';
export const FAULT_EVENT = 'vethlab-test-fault';

function automated(): boolean {
  return typeof navigator !== 'undefined' && navigator.webdriver === true;
}

function faultFor(panel: string): boolean {
  try {
    return sessionStorage.getItem(FAULT_KEY) === panel;
  } catch {
    return false;
  }
}

/** Renders nothing; throws while it draws when a test asked this panel to fail. */
export function FaultProbe({ panel }: { panel: string }): null {
  const [, redraw] = useState(0);
  useEffect(() => {
    if (!automated()) return;
    const onFault = () => redraw((n) => n + 1);
    window.addEventListener(FAULT_EVENT, onFault);
    return () => window.removeEventListener(FAULT_EVENT, onFault);
  }, []);
  if (automated() && faultFor(panel)) throw new Error(`a test made the ${panel} panel fail`);
  return null;
}
