// Test helpers for the store: small but complete returns built in code, and a fresh database per test.

import type { ParsedReturn } from '../domain/types';
import { AnjuDatabase } from './database';

export function freshDb(): AnjuDatabase {
  return new AnjuDatabase(`test-${crypto.randomUUID()}`);
}

/** A return with all five tables; `started` and the 国开行 disbursement vary to make different returns. */
export function sampleReturn(
  unitId: string,
  period: string,
  figures: { started?: number; disbursed?: number } = {},
): ParsedReturn {
  return {
    unitId,
    period,
    cutoff: `${period}-30`,
    tables: {
      start: { plan: 1000, started: figures.started ?? 800, startedMonth: 50, declaredRate: 8000, note: '' },
      loan: {
        need: 1_250_000_000,
        banks: [
          {
            bank: '国家开发银行',
            credit: 500_000_000,
            creditMonth: 0,
            disbursed: figures.disbursed ?? 300_000_000,
            disbursedMonth: 10_000_000,
            note: '',
          },
          {
            bank: '中国农业发展银行',
            credit: 200_000_000,
            creditMonth: null,
            disbursed: 100_000_000,
            disbursedMonth: null,
            note: '',
          },
        ],
      },
      expropriation: { plan: 400, expropriated: 120, demolished: 30, doneMonth: 12, note: '' },
      carryOver: [
        {
          name: '东风棚户区',
          households: 200,
          unfinished: 15,
          reason: '补偿未谈妥',
          plannedFinish: '2018年12月',
        },
      ],
      publicRental: {
        raised: 5000,
        allocated: 4500,
        declaredRate: 9000,
        yearTask: 300,
        yearAllocated: 200,
        declaredYearRate: 6667,
        lastYearRate: 8500,
      },
    },
  };
}
