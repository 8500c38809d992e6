// 核对's column mapping: for each table, every column that needs a decision (a header the reader did not know,
// one read by meaning or by a saved mapping, one of two under a heading) gets a choice of the table's fields
// still unclaimed, or 不导入此列, with the figures it reads shown beside it; and the reasons the mapping cannot
// yet be confirmed. Plain labelled selects: usable by keyboard alone.
import { reviewText } from '../../domain/messages';
import {
  type Choices,
  type ColumnChoice,
  choiceKey,
  effectiveField,
  fieldOptions,
  type MappingProblem,
  mappingProblems,
  needsDecision,
} from '../../domain/review/mapping';
import { layoutHeaderKey, tableDef } from '../../domain/tables';
import type { HeaderLayout, ImportIssue, TableReading } from '../../domain/types';
import { unitName } from '../history/labels';
import { columnValues, fieldLabel, headerMark, previewText } from './review-model';

const EXCLUDE = 'exclude';
const UNDECIDED = '';

/** 表1（棚改开工） */
export function tableTitle(table: TableReading): string {
  const def = tableDef(table.table);
  return `表${def.number}（${def.shortName}）`;
}

/** The sentence saying why a mapping cannot be confirmed. */
export function problemText(problem: MappingProblem): string {
  const table = tableTitle(problem.table);
  return problem.kind === 'duplicate'
    ? reviewText('mapping.duplicate', { table, field: problem.field.header, cells: problem.cells })
    : reviewText('mapping.required', { table, field: problem.field.header });
}

/** Every table's problems. */
export function allProblems(tables: readonly TableReading[], choices: Choices): MappingProblem[] {
  return tables.flatMap((t) => mappingProblems(tableDef(t.table), t, choices));
}

/** The columns the panel shows: those needing a decision, or all when asked. */
export function shownColumns(
  table: TableReading,
  issues: readonly ImportIssue[],
  choices: Choices,
  all: boolean,
) {
  return table.columns.filter(
    (col) => all || needsDecision(table, col, issues) || choices.has(choiceKey(table, col)),
  );
}

/** Another unit's saved mapping that names some of a table's headers: it may be applied here by the user. */
export function matchingLayouts(
  table: TableReading,
  layouts: readonly HeaderLayout[],
  unitId: string | undefined,
) {
  return layouts
    .filter((l) => l.table === table.table && l.unitId !== unitId)
    .map((layout) => ({
      layout,
      columns: table.columns.filter((col) => Object.hasOwn(layout.headers, layoutHeaderKey(col.header))),
    }))
    .filter((m) => m.columns.length > 0);
}

export function MappingPanel({
  tables,
  issues,
  choices,
  showAll,
  onChoose,
  otherLayouts = [],
  unitId,
}: {
  tables: readonly TableReading[];
  issues: readonly ImportIssue[];
  choices: Choices;
  showAll: boolean;
  onChoose: (key: string, choice: ColumnChoice | undefined) => void;
  /** Saved mappings of other units: never applied on their own, offered to be applied by the user. */
  otherLayouts?: readonly HeaderLayout[];
  unitId?: string | undefined;
}) {
  if (tables.length === 0) return <p className="muted">文件中没有识别出月报表，无法对照列。</p>;
  const settled = tables.filter(
    (t) =>
      shownColumns(t, issues, choices, showAll).length === 0 &&
      mappingProblems(tableDef(t.table), t, choices).length === 0,
  );
  const open = tables.filter((t) => !settled.includes(t));
  return (
    <>
      {settled.length > 0 && (
        <p className="muted">{settled.map(tableTitle).join('、')}的各列都已按模板表头识别，无需对照。</p>
      )}
      {open.map((table) => {
        const def = tableDef(table.table);
        const columns = shownColumns(table, issues, choices, showAll);
        const problems = mappingProblems(def, table, choices);
        const legend = `${tableTitle(table)} · 工作表“${table.sheet}” · 表头 ${table.headerRange}`;
        return (
          <fieldset key={`${table.sheet}|${table.table}`} className="mapping-table">
            <legend>{legend}</legend>
            {columns.length > 0 && (
              <ul className="mapping-list">
                {columns.map((col) => {
                  const key = choiceKey(table, col);
                  const id = `map-${key.replace(/[^\w]/g, '_')}-${table.table}`;
                  const chosen = choices.has(key);
                  const current = effectiveField(table, col, choices);
                  const offered = fieldOptions(def, table, col, choices);
                  const options =
                    current && !offered.some((f) => f.key === current)
                      ? [...def.fields.filter((f) => f.key === current), ...offered]
                      : offered;
                  const undecided = !chosen && col.status === 'unknown';
                  const value = undecided ? UNDECIDED : current === null ? EXCLUDE : current;
                  const values = current ? columnValues(table, col).slice(0, 6) : [];
                  const mark = headerMark(col);
                  return (
                    <li key={key} className="mapping-row">
                      <label htmlFor={id}>
                        “{col.header || '（空表头）'}”<span className="muted">（{col.cell}）</span>
                      </label>
                      <span className={`flag ${mark.tone}`}>{mark.label}</span>
                      <select
                        id={id}
                        value={value}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          onChoose(key, v === UNDECIDED ? undefined : v === EXCLUDE ? null : v);
                        }}
                      >
                        {undecided && <option value={UNDECIDED}>请选择本列对应的内容…</option>}
                        {options.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.header}
                          </option>
                        ))}
                        <option value={EXCLUDE}>不导入此列</option>
                      </select>
                      {values.length > 0 && (
                        <span className="mapping-preview">
                          读出：{values.map((v) => previewText(table.table, current, v)).join('、')}
                        </span>
                      )}
                      {chosen && (
                        <span className="muted">
                          已选：{fieldLabel(table.table, choices.get(key) ?? null)}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {matchingLayouts(table, otherLayouts, unitId).map(({ layout, columns: named }) => (
              <button
                key={layout.unitId}
                type="button"
                className="inline-action"
                onClick={() => {
                  for (const col of named) {
                    onChoose(choiceKey(table, col), layout.headers[layoutHeaderKey(col.header)] ?? null);
                  }
                }}
              >
                套用{unitName(layout.unitId)}的表头对照（{named.length} 列）
              </button>
            ))}
            {problems.length > 0 && (
              <ul className="mapping-problems">
                {problems.map((p) => (
                  <li key={`${p.kind}-${p.field.key}`} className="issue-error">
                    {problemText(p)}
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        );
      })}
    </>
  );
}
