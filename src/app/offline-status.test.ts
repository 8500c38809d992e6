// What the header says about working offline.
import { describe, expect, it } from 'vitest';
import { offlineState } from './offline-status';

describe('offlineState', () => {
  it.each([
    [false, true, 'none'],
    [true, true, 'ready'],
    [true, false, 'offline'],
    [false, false, 'offline'],
  ] as const)('cached %s, online %s → %s', (cached, online, state) => {
    expect(offlineState(cached, online)).toBe(state);
  });
});
