// 设置 → 年度目标 (保障性安居工程目标责任书): per year and unit, the 表1 plan, the 表2 loan need, the 表3 plan and the
// 表5 task — typed by hand with a note, read from a workbook, or taken from the first returns of the year, each
// shown as the changes it makes before it is stored. Totals, rates and the bulletin follow them.
import { type ChangeEvent, useId, useMemo, useState } from 'react';
import type { TargetRecord } from '../../db/database';
import { usePeriods } from '../../db/hooks';
import { useSetting } from '../../db/settings-repo';
import { proposeTargetsFromReturns, saveTargetChanges, useTargetRecords } from '../../db/targets-repo';
import { useDbAction } from '../../db/use-db-action';
import { notice } from '../../domain/messages';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { pickTargets, targetDifferences, type UnitTargets } from '../../domain/targets';
import type { ImportIssue, UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { ActionNotice } from '../../ui/action-notice';
import { downloadTargetsWorkbook, readTargetsFile } from './targets-actions';
import { TargetsPreview, type TargetsProposal } from './targets-preview';
import { TargetsTable } from './targets-table';

/** The years to choose from: those with returns, this year, and the next (targets are signed ahead). */
function yearChoices(periods: readonly string[] | undefined): number[] {
  const now = new Date().getFullYear();
  const years = new Set<number>([now, now + 1, ...(periods ?? []).map((p) => Number(p.slice(0, 4)))]);
  return [...years].sort((a, b) => b - a);
}

function targetsOf(records: readonly TargetRecord[]): Map<UnitId, UnitTargets> {
  return new Map(records.map((r) => [r.unitId, pickTargets(r)]));
}

export function TargetsSection() {
  const yearId = useId();
  const periods = usePeriods();
  const years = useMemo(() => yearChoices(periods), [periods]);
  const latestYear = periods?.length ? Number(periods.at(-1)?.slice(0, 4)) : new Date().getFullYear();
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? latestYear;
  const records = useTargetRecords(year);
  const maxMb = useSetting<number>('maxFileSizeMb', DEFAULT_SETTINGS.maxFileSizeMb);
  const action = useDbAction();
  const [proposal, setProposal] = useState<TargetsProposal | null>(null);
  const [refused, setRefused] = useState<string[]>([]);

  const current = useMemo(() => targetsOf(records ?? []), [records]);

  const store = (
    changes: { unitId: UnitId; targets: UnitTargets }[],
    options: { source: TargetRecord['source']; note: string; fileName?: string },
  ) =>
    action.run(async () => {
      const result = await saveTargetChanges(changes, { year, ...options });
      if (!result.ok) return { ok: false, text: result.message };
      setProposal(null);
      return { ok: true, text: notice('targets.saved', { year, ...result.value }) };
    });

  const propose = (
    title: string,
    summary: string,
    next: Map<UnitId, UnitTargets>,
    apply: () => void,
    warnings: ImportIssue[] = [],
  ) => {
    const differences = targetDifferences(current, next);
    const changedUnits = new Set(differences.map((d) => d.unitId));
    setProposal({ title, summary, differences, unchanged: next.size - changedUnits.size, warnings, apply });
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setRefused([]);
    setProposal(null);
    void action.run(async () => {
      const read = await readTargetsFile(file, year, maxMb * 1024 * 1024);
      if (!read.ok) {
        setRefused(read.issues.map((i) => i.message));
        return null;
      }
      const next = new Map(read.rows.map((r) => [r.unitId, r.targets]));
      const changes = read.rows.map((r) => ({ unitId: r.unitId, targets: r.targets }));
      propose(
        `从文件导入${year}年年度目标`,
        notice('targets.fileRead', { file: file.name, units: read.rows.length, year }),
        next,
        () => store(changes, { source: 'file', note: `从文件“${file.name}”导入`, fileName: file.name }),
        read.warnings,
      );
      return null;
    });
  };

  const fromReturns = () =>
    action.run(async () => {
      setRefused([]);
      const proposed = await proposeTargetsFromReturns(year);
      if (proposed.length === 0) return { ok: false, text: notice('targets.noProposal', { year }) };
      // Only what the returns state: a figure a unit's first return lacks keeps its present target.
      const next = new Map(
        proposed.map((p) => {
          const own = current.get(p.unitId);
          const merged = { ...(own ?? p.targets) };
          for (const [key, value] of Object.entries(p.targets) as [keyof UnitTargets, number | null][]) {
            if (value !== null) merged[key] = value;
          }
          return [p.unitId, merged];
        }),
      );
      const changes = [...next].map(([unitId, targets]) => ({ unitId, targets }));
      propose(
        `取自${year}年首期月报`,
        notice('targets.fromReturns', { year, units: proposed.length }),
        next,
        () => store(changes, { source: 'returns', note: `取自${year}年各单位首期月报` }),
      );
      return null;
    });

  return (
    <section aria-labelledby="targets-title">
      <h2 id="targets-title">年度目标</h2>
      <p className="muted">{notice('targets.explain')}</p>
      <div className="toolbar">
        <label htmlFor={yearId}>年度</label>
        <select
          id={yearId}
          value={year}
          onChange={(e) => {
            setChosen(Number(e.target.value));
            setProposal(null);
            setRefused([]);
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
        <label className="button file-button">
          从文件导入…
          <input type="file" accept=".xlsx,.xls,.csv" disabled={action.busy} onChange={onFile} />
        </label>
        <button type="button" disabled={action.busy} onClick={() => void fromReturns()}>
          取自本年首期月报…
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await downloadTargetsWorkbook(year, defaultRegister.units, current);
              return { ok: true, text: notice('bulletin.exported', { what: '下载年度目标表' }) };
            })
          }
        >
          下载年度目标表
        </button>
      </div>
      {refused.length > 0 ? (
        <div className="notice bad" role="alert" data-testid="targets-refused">
          <p>{notice('targets.fileRefused')}</p>
          <ul>
            {refused.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {proposal ? (
        <TargetsPreview proposal={proposal} busy={action.busy} onCancel={() => setProposal(null)} />
      ) : null}
      <ActionNotice message={action.message} />
      {records === undefined ? (
        <p className="loading">正在读取年度目标…</p>
      ) : (
        <TargetsTable
          key={year}
          year={year}
          records={records}
          busy={action.busy}
          onSave={async (changes, note) => {
            let saved = false;
            await action.run(async () => {
              const result = await saveTargetChanges(changes, { year, source: 'manual', note });
              if (!result.ok) return { ok: false, text: result.message };
              saved = true;
              return { ok: true, text: notice('targets.saved', { year, ...result.value }) };
            });
            return saved;
          }}
        />
      )}
    </section>
  );
}
