// The 报告期 shared by every page: defaults to the latest period with data, kept while the user moves around.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { usePeriods } from '../db/hooks';
import type { PeriodKey } from '../domain/types';

interface PeriodState {
  /** The selected period, or null while there is no data. */
  period: PeriodKey | null;
  periods: PeriodKey[];
  setPeriod: (period: PeriodKey) => void;
  loading: boolean;
}

const PeriodContext = createContext<PeriodState | null>(null);

export function PeriodProvider({ children }: { children: ReactNode }) {
  const periods = usePeriods();
  const [chosen, setChosen] = useState<PeriodKey | null>(null);
  const value = useMemo<PeriodState>(() => {
    const list = periods ?? [];
    const period = chosen && list.includes(chosen) ? chosen : (list.at(-1) ?? null);
    return { period, periods: list, setPeriod: setChosen, loading: periods === undefined };
  }, [periods, chosen]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const state = useContext(PeriodContext);
  if (!state) throw new Error('usePeriod outside PeriodProvider');
  return state;
}
