/** The tab lists' keys (WAI-ARIA tabs pattern): arrows wrap, Home and End jump, other keys do nothing. */
import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../src/app/ui/tablist.ts';

const TABS = ['trace', 'rules', 'inspector', 'guide'];

describe('tabAfterKey', () => {
  it('moves right and left, wrapping at the ends', () => {
    expect(tabAfterKey('ArrowRight', TABS, 'trace')).toBe('rules');
    expect(tabAfterKey('ArrowRight', TABS, 'guide')).toBe('trace');
    expect(tabAfterKey('ArrowLeft', TABS, 'trace')).toBe('guide');
    expect(tabAfterKey('ArrowLeft', TABS, 'inspector')).toBe('rules');
  });

  it('jumps to the first and last with Home and End', () => {
    expect(tabAfterKey('Home', TABS, 'inspector')).toBe('trace');
    expect(tabAfterKey('End', TABS, 'rules')).toBe('guide');
  });

  it('ignores other keys and empty lists', () => {
    expect(tabAfterKey('Enter', TABS, 'trace')).toBeUndefined();
    expect(tabAfterKey('ArrowDown', TABS, 'trace')).toBeUndefined();
    expect(tabAfterKey('ArrowRight', [], 'trace')).toBeUndefined();
  });
});
