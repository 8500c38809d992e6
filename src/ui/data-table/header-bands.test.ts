import { describe, expect, it } from 'vitest';
import { headerBands } from './header-bands';

describe('headerBands', () => {
  it('is null without bands', () => {
    expect(headerBands([undefined, undefined])).toBeNull();
    expect(headerBands([])).toBeNull();
  });

  it('puts a band over its consecutive columns, and other columns across both rows', () => {
    expect(headerBands([undefined, '国开行', '国开行', '农发行', '农发行', undefined])).toEqual({
      top: [
        { kind: 'leaf', index: 0 },
        { kind: 'band', label: '国开行', span: 2 },
        { kind: 'band', label: '农发行', span: 2 },
        { kind: 'leaf', index: 5 },
      ],
      bottom: [1, 2, 3, 4],
    });
  });

  it('repeats a band split by another column', () => {
    const out = headerBands(['A', undefined, 'A']);
    expect(out?.top).toEqual([
      { kind: 'band', label: 'A', span: 1 },
      { kind: 'leaf', index: 1 },
      { kind: 'band', label: 'A', span: 1 },
    ]);
    // Every column appears exactly once across both rows.
    const leaves = [
      ...(out?.top ?? []).flatMap((c) => (c.kind === 'leaf' ? [c.index] : [])),
      ...(out?.bottom ?? []),
    ];
    expect(leaves.sort()).toEqual([0, 1, 2]);
  });
});
