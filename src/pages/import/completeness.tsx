// 完整性: for the selected period, every unit × the five tables — what arrived (✓ 已报), what is missing (缺),
// and which units have not reported at all (未报送) — in words, grouped by prefecture and 省直管.
import { useState } from 'react';
import { useCurrentReturns } from '../../db/hooks';
import { periodLabel } from '../../domain/period';
import { TABLES } from '../../domain/tables';
import type { ParsedReturn, PeriodKey } from '../../domain/types';
import { defaultRegister } from '../../domain/units';

export interface CompletenessCounts {
  reported: number;
  total: number;
  missingUnits: string[];
}

export function completenessCounts(returns: ParsedReturn[]): CompletenessCounts {
  const have = new Set(returns.map((r) => r.unitId));
  const missing = defaultRegister.units.filter((u) => !have.has(u.id)).map((u) => u.name);
  return {
    reported: defaultRegister.units.length - missing.length,
    total: defaultRegister.units.length,
    missingUnits: missing,
  };
}

export function Completeness({ period }: { period: PeriodKey | null }) {
  const returns = useCurrentReturns(period);
  // While returns are still coming in, the few units to chase matter more than the many that are complete.
  const [onlyGaps, setOnlyGaps] = useState(false);
  if (!period) return <p className="muted">暂无数据：导入月报后在此查看各单位报送情况。</p>;
  if (!returns) return <p className="loading">正在加载…</p>;
  const byUnit = new Map(returns.map((r) => [r.unitId, r]));
  const counts = completenessCounts(returns);
  const missingTables = (unitId: string) =>
    TABLES.filter((t) => byUnit.get(unitId)?.tables[t.key] === undefined).length;
  const gaps = defaultRegister.units.filter((u) => missingTables(u.id) > 0).length;
  const filtering = onlyGaps && gaps > 0;
  const groups = defaultRegister
    .groups()
    .map((g) => ({ ...g, units: filtering ? g.units.filter((u) => missingTables(u.id) > 0) : g.units }))
    .filter((g) => g.units.length > 0);
  return (
    <>
      <p role="status" aria-live="polite" data-testid="completeness-summary">
        {periodLabel(period)}：已报送 {counts.reported} / {counts.total} 个单位
        {counts.missingUnits.length > 0
          ? `，未报送 ${counts.missingUnits.length} 个：${counts.missingUnits.join('、')}`
          : '，全部报齐'}
        。
      </p>
      {gaps > 0 && (
        <label className="toggle">
          <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.currentTarget.checked)} />{' '}
          只显示未报齐的单位（{gaps} 个）
        </label>
      )}
      <table className="data completeness" aria-label={`${periodLabel(period)}报送完整性`}>
        <thead>
          <tr>
            <th scope="col">单位</th>
            {TABLES.map((t) => (
              <th scope="col" key={t.key}>
                表{t.number} {t.shortName}
              </th>
            ))}
            <th scope="col">报送情况</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id}>
            <tr>
              <th scope="rowgroup" colSpan={TABLES.length + 2}>
                {group.name}
              </th>
            </tr>
            {group.units.map((unit) => {
              const ret = byUnit.get(unit.id);
              const missing = missingTables(unit.id);
              return (
                <tr key={unit.id}>
                  <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                    {unit.name}
                  </th>
                  {TABLES.map((t) =>
                    ret && ret.tables[t.key] !== undefined ? (
                      <td key={t.key} className="mark">
                        <span className="flag ok">✓ 已报</span>
                      </td>
                    ) : (
                      <td key={t.key} className="mark">
                        <span className="flag bad">缺</span>
                      </td>
                    ),
                  )}
                  <td>
                    {!ret ? (
                      <span className="flag bad">未报送</span>
                    ) : missing > 0 ? (
                      <span className="flag warn">缺 {missing} 张表</span>
                    ) : (
                      <span className="flag ok">齐全</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </>
  );
}
