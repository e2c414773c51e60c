/**
 * Docker's IPv6 IPAM: the ULA /48 derived from the engine ID, its /64s handed out
 * in order, addresses after the gateway.
 */
import { describe, expect, it } from 'vitest';
import { AddressPool6, formatCidr6, parseCidr6, pickPool6, ulaBase } from '../../src/sim/docker/ipam6.ts';
import { formatIPv6, parseIPv6 } from '../../src/sim/netfilter/addr.ts';

describe('IPv6 IPAM', () => {
  it("derives the ULA /48 from the engine ID as the rig's dockerd did", () => {
    // The rig's /var/lib/docker/engine-id and the subnet its `docker network create --ipv6` got (2026-12-06).
    expect(formatCidr6(ulaBase('21b457ad-71d5-4b76-9f96-52cfd2df73dc'))).toBe('fdc2:fc6c:bdb::/48');
  });

  it('hands out the /64s of the /48 in order, a freed one first', () => {
    const id = '21b457ad-71d5-4b76-9f96-52cfd2df73dc';
    const first = pickPool6(id, [])!;
    expect(formatCidr6(first)).toBe('fdc2:fc6c:bdb::/64');
    const second = pickPool6(id, [first])!;
    expect(formatCidr6(second)).toBe('fdc2:fc6c:bdb:1::/64');
    expect(formatCidr6(pickPool6(id, [second])!)).toBe('fdc2:fc6c:bdb::/64');
  });

  it('gives the lowest free address after the gateway and refuses taken ones', () => {
    const subnet = parseCidr6('2001:db8:1::/64')!;
    const pool = new AddressPool6(subnet, parseIPv6('2001:db8:1::1')!);
    expect(formatIPv6(pool.allocate()!)).toBe('2001:db8:1::2');
    expect(pool.claim(parseIPv6('2001:db8:1::50')!)).toBe(true);
    expect(pool.claim(parseIPv6('2001:db8:1::50')!)).toBe(false);
    expect(pool.claim(parseIPv6('2001:db8:1::1')!)).toBe(false);
    expect(formatIPv6(pool.allocate()!)).toBe('2001:db8:1::3');
    pool.release(parseIPv6('2001:db8:1::2')!);
    expect(formatIPv6(pool.allocate()!)).toBe('2001:db8:1::2');
    expect(pool.contains(parseIPv6('2001:db8:2::1')!)).toBe(false);
  });
});
