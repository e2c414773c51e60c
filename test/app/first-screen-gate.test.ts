// The live app's replay waits for the first screen's drawing (boot/handoff.ts), or at most a limit.
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshHandoff() {
  vi.resetModules();
  return import('../../src/app/boot/handoff.ts');
}

function settled(p: Promise<void>): () => boolean {
  let done = false;
  void p.then(() => {
    done = true;
  });
  return () => done;
}

describe('the first screen gate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the replay until the first screen is painted', async () => {
    vi.useFakeTimers();
    const { firstScreenPainted, untilFirstScreenPainted } = await freshHandoff();
    const done = settled(untilFirstScreenPainted(3000));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done()).toBe(false);
    firstScreenPainted();
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('does not hold it past the limit when nothing is painted', async () => {
    vi.useFakeTimers();
    const { untilFirstScreenPainted } = await freshHandoff();
    const done = settled(untilFirstScreenPainted(3000));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it('lets a replay that asks after the paint go at once', async () => {
    const { firstScreenPainted, untilFirstScreenPainted } = await freshHandoff();
    firstScreenPainted();
    const done = settled(untilFirstScreenPainted(60_000));
    await Promise.resolve();
    await Promise.resolve();
    expect(done()).toBe(true);
  });
});
