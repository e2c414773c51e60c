/**
 * A small seeded generator (mulberry32): the only source of randomness in the
 * simulator, so the same script and seed give the same MACs and IDs every time.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next unsigned 32-bit value. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** `count` random bytes. */
  bytes(count: number): number[] {
    const out: number[] = [];
    while (out.length < count) {
      let word = this.nextUint32();
      for (let i = 0; i < 4 && out.length < count; i++) {
        out.push(word & 0xff);
        word >>>= 8;
      }
    }
    return out;
  }

  /** Lower-case hex string of `count` random bytes. */
  hex(count: number): string {
    return this.bytes(count)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
  }

  /**
   * A random locally administered unicast MAC, as the kernel's eth_random_addr
   * makes for veth and bridge devices.
   */
  mac(): string {
    const b = this.bytes(6);
    b[0] = (b[0]! & 0xfe) | 0x02;
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }
}
