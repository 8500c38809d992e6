import { describe, expect, it } from 'vitest';
import type { TableKey } from '../../domain/types';
import { fieldHeader } from './headers';

describe('fieldHeader', () => {
  it.each([
    ['start', 'plan', '年度计划（套）'],
    ['start', 'started', '累计开工（套）'],
    ['start', 'declaredRate', '开工率（%）'],
    ['loan', 'credit', '本年授信（审批）（亿元）'],
    ['loan', 'disbursedMonth', '本月新增发放（亿元）'],
    ['expropriation', 'total', '合计（户）'],
    ['carryOver', 'households', '涉及户数（户）'],
    ['carryOver', 'name', '项目名称'],
    ['publicRental', 'raised', '累计筹集（套）'],
  ] as [TableKey, string, string][])('%s.%s → %s', (table, key, header) => {
    expect(fieldHeader(table, key)).toBe(header);
  });

  it('refuses an unknown field', () => {
    expect(() => fieldHeader('start', 'nope')).toThrow();
  });
});
