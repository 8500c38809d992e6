// The year's targets as a form: a row per unit, the four targets typed in their units (套, 亿元, 户), where each
// came from and when, and each unit's earlier targets (更改记录). Saving needs a note: where the figures come from.
import { useId, useMemo, useState } from 'react';
import type { TargetRecord, TargetState } from '../../db/database';
import { notice } from '../../domain/messages';
import {
  formatTargetValue,
  NO_TARGETS,
  parseTargetInput,
  pickTargets,
  TARGET_FIELDS,
  type TargetKey,
  targetInputText,
  type UnitTargets,
} from '../../domain/targets';
import type { UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { formatSavedAt } from '../bulletin/version-list';

const SOURCE_TEXT: Record<TargetRecord['source'], string> = {
  manual: '手工填写',
  file: '从文件导入',
  returns: '取自首期月报',
  merge: '合并其他电脑',
  sync: '同步',
};

type Draft = Record<UnitId, Partial<Record<TargetKey, string>>>;

/** What the form's edits set, or the sentences of the cells that cannot be read. */
export function readDraft(
  draft: Draft,
  records: ReadonlyMap<UnitId, TargetRecord>,
): { changes: { unitId: UnitId; targets: UnitTargets }[]; problems: string[] } {
  const changes: { unitId: UnitId; targets: UnitTargets }[] = [];
  const problems: string[] = [];
  for (const [unitId, cells] of Object.entries(draft)) {
    const record = records.get(unitId);
    const targets: UnitTargets = record ? pickTargets(record) : { ...NO_TARGETS };
    for (const field of TARGET_FIELDS) {
      const text = cells[field.key];
      if (text === undefined) continue;
      const read = parseTargetInput(field, text);
      if (!read.ok) {
        problems.push(
          notice('targets.inputInvalid', {
            unit: defaultRegister.unit(unitId)?.name ?? unitId,
            label: field.label,
            text,
            unitWord: field.unit,
          }),
        );
        continue;
      }
      targets[field.key] = read.value;
    }
    changes.push({ unitId, targets });
  }
  return { changes, problems };
}

function StateLine({ state }: { state: TargetState }) {
  const figures = TARGET_FIELDS.map((f) => `${f.label}${formatTargetValue(f, state[f.key])}`).join('，');
  return (
    <li>
      {formatSavedAt(state.updatedAt)} · {SOURCE_TEXT[state.source]}
      {state.fileName ? `（${state.fileName}）` : ''}
      {state.note ? ` · ${state.note}` : ''}：{figures}
    </li>
  );
}

export function TargetsTable({
  year,
  records,
  busy,
  onSave,
}: {
  year: number;
  records: readonly TargetRecord[];
  busy: boolean;
  onSave: (changes: { unitId: UnitId; targets: UnitTargets }[], note: string) => Promise<boolean>;
}) {
  const noteId = useId();
  const byUnit = useMemo(() => new Map(records.map((r) => [r.unitId, r])), [records]);
  const [draft, setDraft] = useState<Draft>({});
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const dirty = Object.keys(draft).length > 0;

  const cellText = (unitId: UnitId, key: TargetKey) => {
    const typed = draft[unitId]?.[key];
    if (typed !== undefined) return typed;
    const field = TARGET_FIELDS.find((f) => f.key === key);
    return field ? targetInputText(field, byUnit.get(unitId)?.[key] ?? null) : '';
  };
  const setCell = (unitId: UnitId, key: TargetKey, text: string) =>
    setDraft((d) => ({ ...d, [unitId]: { ...d[unitId], [key]: text } }));

  const save = async () => {
    const read = readDraft(draft, byUnit);
    setProblems(read.problems);
    if (read.problems.length > 0) return;
    if (await onSave(read.changes, note)) {
      setDraft({});
      setNote('');
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="targets-form"
    >
      <table className="data targets-table">
        <caption>{year}年年度目标（留空为不设目标，计算时使用月报中的数字）</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            {TARGET_FIELDS.map((f) => (
              <th key={f.key} scope="col">
                {f.header}
              </th>
            ))}
            <th scope="col">来源</th>
          </tr>
        </thead>
        <tbody>
          {defaultRegister.units.map((unit) => {
            const record = byUnit.get(unit.id);
            return (
              <tr key={unit.id}>
                <th scope="row">{unit.name}</th>
                {TARGET_FIELDS.map((f) => (
                  <td key={f.key}>
                    <input
                      type="text"
                      inputMode="decimal"
                      aria-label={`${unit.name} ${f.header}`}
                      value={cellText(unit.id, f.key)}
                      onChange={(e) => setCell(unit.id, f.key, e.target.value)}
                      style={{ width: '7rem' }}
                    />
                  </td>
                ))}
                <td className="muted">
                  {record ? (
                    <details>
                      <summary>
                        {SOURCE_TEXT[record.source]} · {formatSavedAt(record.updatedAt)}
                      </summary>
                      <ol className="target-history">
                        <StateLine state={record} />
                        {[...(record.history ?? [])].reverse().map((s) => (
                          <StateLine key={`${s.updatedAt}-${s.source}`} state={s} />
                        ))}
                      </ol>
                    </details>
                  ) : (
                    '未设'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar">
        <label htmlFor={noteId}>依据（必填）</label>
        <input
          id={noteId}
          type="text"
          value={note}
          placeholder="如：据2018年保障性安居工程目标责任书"
          onChange={(e) => setNote(e.target.value)}
          style={{ width: '24rem' }}
        />
        <button type="submit" className="primary" disabled={busy || !dirty}>
          保存年度目标
        </button>
        <button type="button" disabled={!dirty} onClick={() => setDraft({})}>
          放弃修改
        </button>
      </div>
      {problems.length > 0 ? (
        <ul className="notice bad" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
