// One table of 手工录入, laid out as the template: the definition's headers over a row of inputs (a row per bank
// or project for 表2 and 表4, with rows to add and remove), 表2's loan need above, and each problem the reader
// found shown under the input it is about.
import { KNOWN_BANKS } from '../../domain/banks';
import { type EntryRow, emptyRow, entryFields, type ManualEntry } from '../../domain/manual-entry';
import type { TableDef } from '../../domain/tables';

/** Each input's problems, as sentences without their location (the input is it): by inputKey. */
export type ProblemsByInput = Map<string, string[]>;

export const inputKey = (table: string, rowIndex: number, field: string) => `${table}|${rowIndex}|${field}`;

function idOf(key: string): string {
  return `entry-${key.replace(/[^\w]/g, '_')}`;
}

function Problems({ id, issues }: { id: string; issues: string[] | undefined }) {
  if (!issues || issues.length === 0) return null;
  return (
    <span id={id} className="entry-problem">
      {issues.join(' ')}
    </span>
  );
}

export function EntryTable({
  def,
  entry,
  issues,
  onChange,
}: {
  def: TableDef;
  entry: ManualEntry;
  issues: ProblemsByInput;
  onChange: (next: ManualEntry) => void;
}) {
  const rows = entry.tables[def.key];
  const enabled = rows !== undefined;
  const fields = entryFields(def);
  const many = def.rows === 'many';
  const legend = `表${def.number} ${def.title}（单位：${def.unitLabel}）`;
  const setRows = (next: EntryRow[] | undefined) => {
    const tables = { ...entry.tables };
    if (next === undefined) delete tables[def.key];
    else tables[def.key] = next;
    onChange({ ...entry, tables });
  };
  const setCell = (rowIndex: number, field: string, value: string) =>
    setRows((rows ?? []).map((r, i) => (i === rowIndex ? { ...r, [field]: value } : r)));
  const needKey = inputKey('loan', -1, 'need');
  const banksList = `entry-banks-${def.key}`;

  return (
    <fieldset className="entry-table">
      <legend>{legend}</legend>
      <label className="toggle">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setRows(e.currentTarget.checked ? [emptyRow(def)] : undefined)}
        />{' '}
        录入此表
      </label>
      {enabled && def.key === 'loan' && (
        <p className="entry-need">
          <label htmlFor={idOf(needKey)}>本年棚改需贷款（亿元）</label>
          <input
            id={idOf(needKey)}
            inputMode="decimal"
            value={entry.loanNeed}
            aria-invalid={issues.has(needKey) || undefined}
            aria-describedby={issues.has(needKey) ? `${idOf(needKey)}-problem` : undefined}
            onChange={(e) => onChange({ ...entry, loanNeed: e.currentTarget.value })}
          />
          <Problems id={`${idOf(needKey)}-problem`} issues={issues.get(needKey)} />
        </p>
      )}
      {enabled && rows && (
        <>
          <table className="data entry-grid">
            <thead>
              <tr>
                <th scope="col">序号</th>
                {fields.map((f) => (
                  <th key={f.key} scope="col">
                    {f.header}
                    {f.required ? <span className="required">（必填）</span> : null}
                  </th>
                ))}
                {many && <th scope="col">操作</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions of the template, typed in place
                <tr key={rowIndex}>
                  <th scope="row">{rowIndex + 1}</th>
                  {fields.map((f) => {
                    const key = inputKey(def.key, rowIndex, f.key);
                    const id = idOf(key);
                    const problems = issues.get(key);
                    const numeric = f.kind === 'count' || f.kind === 'money' || f.kind === 'rate';
                    return (
                      <td key={f.key} className={problems ? 'has-problem' : undefined}>
                        <input
                          id={id}
                          aria-label={`${def.shortName}第${rowIndex + 1}行 ${f.header}`}
                          inputMode={numeric ? 'decimal' : undefined}
                          list={f.kind === 'bank' ? banksList : undefined}
                          value={row[f.key] ?? ''}
                          aria-invalid={problems ? true : undefined}
                          aria-describedby={problems ? `${id}-problem` : undefined}
                          onChange={(e) => setCell(rowIndex, f.key, e.currentTarget.value)}
                        />
                        <Problems id={`${id}-problem`} issues={problems} />
                      </td>
                    );
                  })}
                  {many && (
                    <td>
                      <button
                        type="button"
                        className="inline-action"
                        aria-label={`删除${def.shortName}第${rowIndex + 1}行`}
                        onClick={() => setRows(rows.filter((_, i) => i !== rowIndex))}
                      >
                        删除此行
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {many && (
            <button type="button" onClick={() => setRows([...rows, emptyRow(def)])}>
              添加一行（{def.key === 'loan' ? '银行' : '项目'}）
            </button>
          )}
          {def.key === 'loan' && (
            <datalist id={banksList}>
              {KNOWN_BANKS.map((b) => (
                <option key={b.name} value={b.name} />
              ))}
            </datalist>
          )}
        </>
      )}
    </fieldset>
  );
}
