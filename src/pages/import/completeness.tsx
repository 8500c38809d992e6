// 完整性: for the selected period, every unit × the five tables — what arrived (✓ 已报), what is missing (缺),
// which units sent a file that was refused and not yet resolved (已报送未导入) and which have not reported at
// all (未报送) — in words, grouped by prefecture and 省直管.
import { useState } from 'react';
import { usePeriodReturns } from '../../db/hooks';
import { periodLabel } from '../../domain/period';
import { TABLES } from '../../domain/tables';
import type { ParsedReturn, PeriodKey, UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';

export interface CompletenessCounts {
  /** Units whose return for the period is in. */
  reported: number;
  total: number;
  /** 未报送: no file at all. */
  missingUnits: string[];
  /** 已报送未导入: a file came and was refused, and nothing is in yet. */
  refusedUnits: string[];
}

export function completenessCounts(
  returns: ParsedReturn[],
  refused: ReadonlySet<UnitId> = new Set(),
): CompletenessCounts {
  const have = new Set(returns.map((r) => r.unitId));
  const absent = defaultRegister.units.filter((u) => !have.has(u.id));
  return {
    reported: defaultRegister.units.length - absent.length,
    total: defaultRegister.units.length,
    missingUnits: absent.filter((u) => !refused.has(u.id)).map((u) => u.name),
    refusedUnits: absent.filter((u) => refused.has(u.id)).map((u) => u.name),
  };
}

/** 2018年1-9月：已报送 48 / 50 个单位，已报送未导入 1 个：德惠市，未报送 1 个：农安县。 */
export function completenessText(period: PeriodKey, counts: CompletenessCounts): string {
  let text = `${periodLabel(period)}：已报送 ${counts.reported} / ${counts.total} 个单位`;
  if (counts.refusedUnits.length > 0) {
    text += `，已报送未导入 ${counts.refusedUnits.length} 个：${counts.refusedUnits.join('、')}`;
  }
  if (counts.missingUnits.length > 0) {
    text += `，未报送 ${counts.missingUnits.length} 个：${counts.missingUnits.join('、')}`;
  } else if (counts.refusedUnits.length === 0) {
    text += '，全部报齐';
  }
  return `${text}。`;
}

export function Completeness({ period }: { period: PeriodKey | null }) {
  // Tagged with its period: while the next period loads, the last one's figures are not shown under its label.
  const loaded = usePeriodReturns(period);
  // While returns are still coming in, the few units to chase matter more than the many that are complete.
  const [onlyGaps, setOnlyGaps] = useState(false);
  if (!period) return <p className="muted">暂无数据：导入月报后在此查看各单位报送情况。</p>;
  if (!loaded) return <p className="loading">正在加载…</p>;
  const { returns } = loaded;
  const byUnit = new Map(returns.map((r) => [r.unitId, r]));
  const refused = new Set(loaded.refused);
  const counts = completenessCounts(returns, refused);
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
        {completenessText(period, counts)}
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
                    {!ret && refused.has(unit.id) ? (
                      <span className="flag warn">已报送未导入</span>
                    ) : !ret ? (
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
