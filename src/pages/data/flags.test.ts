import { describe, expect, it } from 'vitest';
import type { StartFlag } from '../../domain/calc';
import { DEFAULT_THRESHOLDS } from '../../domain/settings';
import { loanFilterKeys, startFilterKeys, startFlagOptions, startFlagText } from './flags';

describe('start flags', () => {
  it.each([
    ['reached', '达到目标（100%）', 'ok'],
    ['lagging', '滞后', 'warn'],
    ['below', '滞后，低于预警线（60%）', 'bad'],
    ['none', '无计划', 'none'],
  ] as [StartFlag, string, string][])('%s reads %s (%s)', (flag, label, tone) => {
    expect(startFlagText(flag, DEFAULT_THRESHOLDS)).toEqual({ label, tone });
  });

  it('follows the thresholds', () => {
    const t = { ...DEFAULT_THRESHOLDS, startWarning: 50 };
    expect(startFlagText('below', t).label).toContain('50%');
    expect(startFlagOptions(t).map((o) => o.label)).toContain('低于预警线（<50%）');
  });

  it('files a unit below the warning line under lagging as well', () => {
    expect(startFilterKeys('below')).toEqual(['lagging', 'below']);
    expect(startFilterKeys('lagging')).toEqual(['lagging']);
  });
});

describe('loan flags', () => {
  it.each([
    [true, 1_000_000_000, ['credit']],
    [true, null, ['credit']],
    [false, 500_000_000, ['need-no-credit']],
    [false, 0, []],
    [false, null, []],
  ] as [boolean, number | null, string[]][])('credit %s need %s → %o', (hasCredit, need, keys) => {
    expect(loanFilterKeys(hasCredit, need)).toEqual(keys);
  });
});
