import { describe, expect, it } from 'vitest';
import { ABSENT, decideIncoming, nextRev, shouldSend } from './rules';

describe('shouldSend', () => {
  it.each([
    ['a new record', 'x', undefined, true],
    ['nothing, never agreed', ABSENT, undefined, false],
    ['unchanged since agreed', 'x', { rev: '1-a', content: 'x' }, false],
    ['changed here', 'y', { rev: '1-a', content: 'x' }, true],
    ['deleted here', ABSENT, { rev: '1-a', content: 'x' }, true],
  ] as const)('%s → %s', (_what, local, base, expected) => {
    expect(shouldSend(local, base)).toBe(expected);
  });
});

describe('decideIncoming', () => {
  it.each([
    ['already here', 'x', { rev: '1-a', content: 'w' }, 'x', 'same'],
    ['new to this laptop', ABSENT, undefined, 'x', 'apply'],
    ['changed there, not here', 'x', { rev: '1-a', content: 'x' }, 'y', 'apply'],
    ['deleted there, not changed here', 'x', { rev: '1-a', content: 'x' }, ABSENT, 'apply'],
    ['changed on both', 'z', { rev: '1-a', content: 'x' }, 'y', 'keep'],
    ['made here before any agreement', 'z', undefined, 'y', 'keep'],
  ] as const)('%s → %s', (_what, local, base, incoming, expected) => {
    expect(decideIncoming(local, base, incoming)).toBe(expected);
  });
});

describe('nextRev', () => {
  it('numbers generations and links to the parent', async () => {
    const first = await nextRev(null, 'x');
    expect(first.rev).toMatch(/^1-[0-9a-f]{32}$/);
    expect(first.revisions.ids).toHaveLength(1);
    const second = await nextRev(first.rev, 'y');
    expect(second.rev).toMatch(/^2-[0-9a-f]{32}$/);
    expect(second.revisions).toEqual({ start: 2, ids: [second.rev.slice(2), first.rev.slice(2)] });
  });

  it('gives the same change from the same parent the same revision, and any other change another', async () => {
    const parent = (await nextRev(null, 'x')).rev;
    expect((await nextRev(parent, 'y')).rev).toBe((await nextRev(parent, 'y')).rev);
    expect((await nextRev(parent, 'y')).rev).not.toBe((await nextRev(parent, 'z')).rev);
    expect((await nextRev(parent, 'y')).rev).not.toBe((await nextRev(null, 'y')).rev);
  });
});
