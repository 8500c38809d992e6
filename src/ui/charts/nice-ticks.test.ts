// Round axis ticks for the trend charts.
import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it.each([
    [252.32, [0, 100, 200, 300]],
    [200, [0, 50, 100, 150, 200]],
    [95.06, [0, 25, 50, 75, 100]],
    [81948, [0, 25000, 50000, 75000, 100000]],
    [0.3, [0, 0.1, 0.2, 0.3]],
    [7, [0, 2, 4, 6, 8]],
    [0, [0, 1]],
  ])('max %d → %j', (max, ticks) => {
    const result = niceTicks(max);
    expect(result).toEqual(ticks);
    expect(result.at(-1)).toBeGreaterThanOrEqual(max);
  });
});
