// Read sheets → one ParsedReturn per unit: rows tied to their unit (a combined prefecture return has a row
// per unit), each row's record built from its table's definition, with the checks the definition declares
// (totals, rates, limits, month vs cumulative, sums), which only warn.
import { canonicalBankName } from '../domain/banks';
import { formatYiExact } from '../domain/calc/format';
import { formatRateBp, rateDisagrees, rateOf } from '../domain/numbers';
import { type FieldDef, fieldDef, isFigureField, isStoredField } from '../domain/tables';
import type {
  CarryOverProject,
  LoanBankLine,
  LoanFigures,
  ParsedReturn,
  PeriodKey,
  ReturnTables,
  UnitId,
} from '../domain/types';
import type { UnitRegister } from '../domain/units';
import type { IssueLog } from './issue-log';
import { tableName } from './issue-log';
import type { RowRecord, SheetRead } from './read-sheet';

export interface BuildContext {
  log: IssueLog;
  register: UnitRegister;
  senderId: UnitId | undefined;
  period: PeriodKey;
  cutoff: string;
  /**
   * The workbook is a combined return (a row per unit, decided for the whole workbook): a sheet naming one
   * unit only (a 表4 with one county's projects) holds that unit's rows, not the sender's.
   */
  combined?: boolean;
}

function num(row: RowRecord, key: string): number {
  const v = row.values.get(key);
  return typeof v === 'number' ? v : 0;
}

function text(row: RowRecord, key: string): string {
  const v = row.values.get(key);
  return typeof v === 'string' ? v : '';
}

/** Display a stored figure of a column for messages: 套/户 as is, yuan as 亿元. */
function shown(s: SheetRead, key: string, value: number): string {
  const field = s.def.fields.find((f) => f.key === key);
  if (field?.kind === 'money') return `${formatYiExact(value)}亿元`;
  return `${value}${field?.headerUnit === '户' ? '户' : field?.headerUnit === '套' ? '套' : ''}`;
}

function headerOf(s: SheetRead, key: string): string {
  return s.columns.get(key)?.header ?? fieldDef(s.def, key).header;
}

/** The value a field stores from a row, by its kind: absent figures are 0, or null where the field says so. */
function storedValue(s: SheetRead, row: RowRecord, field: FieldDef): number | string | null {
  switch (field.kind) {
    case 'count':
    case 'money':
      return field.nullable && !s.columns.has(field.key) ? null : num(row, field.key);
    case 'rate': {
      const v = row.values.get(field.key);
      return typeof v === 'number' ? v : null;
    }
    case 'bank':
      return canonicalBankName(text(row, field.key));
    default:
      return text(row, field.key);
  }
}

/**
 * A row's record: every stored field of the table's definition, in its order. A nullable field added after data
 * version 2 is left out while null, as in the records stored before it existed (see domain/content.ts).
 */
function recordOf(s: SheetRead, row: RowRecord): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const field of s.def.fields) {
    if (!isStoredField(field)) continue;
    const value = storedValue(s, row, field);
    if (value !== null || field.hashNull) out[field.key] = value;
  }
  return out;
}

/** A figure of the row for a check: a stored one, or a derived column's sum of its parts. */
function figureOf(s: SheetRead, row: RowRecord, key: string): number {
  const field = fieldDef(s.def, key);
  return field.sumOf ? field.sumOf.reduce((sum, part) => sum + num(row, part), 0) : num(row, key);
}

/** The name of a figure in a message: its header, or for a derived column the sum it stands for. */
function figureName(s: SheetRead, key: string): string {
  const field = fieldDef(s.def, key);
  if (!field.sumOf) return headerOf(s, key);
  return `${field.sumOf.map((part) => fieldDef(s.def, part).label).join('与')}之和`;
}

/** Each total row (合计) against the sum of its data rows, column by column; the rows win. */
function checkTotals(s: SheetRead, log: IssueLog): void {
  const totals = s.rows.filter((r) => r.kind === 'total');
  if (totals.length !== 1) return;
  const total = totals[0] as RowRecord;
  const data = s.rows.filter((r) => r.kind === 'data');
  // A 合计 line alone is no total of anything: it is the unit's own line (see buildReturns).
  if (data.length === 0) return;
  for (const col of s.columns.values()) {
    if (!isFigureField(col.field)) continue;
    const key = col.field.key;
    if (!total.present.has(key)) continue;
    const sum = data.reduce((acc, r) => acc + num(r, key), 0);
    const declared = num(total, key);
    if (sum !== declared) {
      log.warn('total.mismatch', s.grid.name, total.cells.get(key), {
        column: headerOf(s, key),
        declared: shown(s, key, declared),
        computed: shown(s, key, sum),
      });
    }
  }
}

/**
 * The checks a table's definition declares for a row, each a warning (the figures are stored as read): a
 * declared rate against its figures, a figure above its limit, a month above its cumulative figure, a sum
 * column against its parts.
 */
function checkRow(s: SheetRead, row: RowRecord, log: IssueLog): void {
  const sheet = s.grid.name;
  for (const field of s.def.fields) {
    const { key } = field;
    if (field.rateOf) {
      const declared = row.values.get(key);
      const [numerator, denominator] = field.rateOf.map((k) => figureOf(s, row, k)) as [number, number];
      if (
        typeof declared === 'number' &&
        denominator > 0 &&
        rateDisagrees(declared, numerator, denominator)
      ) {
        log.warn('rate.mismatch', sheet, row.cells.get(key), {
          column: headerOf(s, key),
          declared: formatRateBp(declared),
          computed: formatRateBp(rateOf(numerator, denominator)),
        });
      }
    }
    if (field.atMost) {
      const value = figureOf(s, row, key);
      const limit = figureOf(s, row, field.atMost);
      if (value > limit) {
        log.warn('figure.aboveOther', sheet, row.cells.get(key), {
          column: field.label,
          value: shown(s, key, value),
          limitColumn: fieldDef(s.def, field.atMost).label,
          limit: shown(s, field.atMost, limit),
        });
      }
    }
    if (field.monthOf && s.columns.has(key)) {
      const month = num(row, key);
      const total = figureOf(s, row, field.monthOf);
      if (month > total) {
        log.warn('month.aboveTotal', sheet, row.cells.get(key), {
          column: headerOf(s, key),
          month: shown(s, key, month),
          total: shown(s, field.monthOf, total),
          totalColumn: figureName(s, field.monthOf),
        });
      }
    }
    if (field.sumOf && s.columns.has(key) && row.present.has(key)) {
      const declared = num(row, key);
      const sum = figureOf(s, row, key);
      if (declared !== sum) {
        log.warn('sum.mismatch', sheet, row.cells.get(key), {
          column: field.label,
          declared: shown(s, key, declared),
          parts: figureName(s, key),
          computed: shown(s, key, sum),
        });
      }
    }
  }
}

/** A checked row's record, typed as the table's rows. */
function checkedRecord<R>(s: SheetRead, row: RowRecord, log: IssueLog): R {
  checkRow(s, row, log);
  return recordOf(s, row) as R;
}

/** Tie every row of every sheet to a unit; a sheet naming several units is a combined return. */
function assignUnits(sheets: SheetRead[], ctx: BuildContext): Map<SheetRead, Map<UnitId, RowRecord[]>> {
  const out = new Map<SheetRead, Map<UnitId, RowRecord[]>>();
  let reportedMissing = false;
  for (const s of sheets) {
    const named = new Set(s.rows.filter((r) => r.kind !== 'total' && r.unitId).map((r) => r.unitId));
    const combined = ctx.combined || named.size > 1;
    const fallback = s.sender?.unitId ?? ctx.senderId;
    const byUnit = new Map<UnitId, RowRecord[]>();
    for (const row of s.rows) {
      if (row.kind === 'total') continue;
      let unitId = row.unitId;
      if (!combined && unitId && fallback && unitId !== fallback) {
        ctx.log.error('unit.mismatch', s.grid.name, row.unitCell, {
          name: ctx.register.unit(unitId)?.name ?? unitId,
          other: ctx.register.unit(fallback)?.name ?? fallback,
        });
        continue;
      }
      unitId ??= fallback;
      if (!unitId && (row.unitUnknown || s.senderUnknown)) continue;
      if (!unitId) {
        if (!reportedMissing) ctx.log.error('unit.missing', s.grid.name, row.unitCell, {});
        reportedMissing = true;
        continue;
      }
      const list = byUnit.get(unitId) ?? [];
      list.push(row);
      byUnit.set(unitId, list);
    }
    // A single unit's sheet without rows still belongs to that unit (an empty 表4 means no projects).
    // In a combined workbook the sender is no unit of its own: its units are those the rows name.
    if (byUnit.size === 0 && fallback && !ctx.combined) byUnit.set(fallback, []);
    out.set(s, byUnit);
  }
  return out;
}

/** Assemble the returns, one per unit in the order units first appear. */
export function buildReturns(sheets: SheetRead[], ctx: BuildContext): ParsedReturn[] {
  const { log } = ctx;
  const assigned = assignUnits(sheets, ctx);
  const order: UnitId[] = [];
  for (const byUnit of assigned.values())
    for (const id of byUnit.keys()) if (!order.includes(id)) order.push(id);
  const tables = new Map<UnitId, ReturnTables>(order.map((id) => [id, {}]));

  for (const s of sheets) {
    checkTotals(s, log);
    const byUnit = assigned.get(s) ?? new Map<UnitId, RowRecord[]>();
    const combined = ctx.combined || byUnit.size > 1;
    for (const unitId of order) {
      const t = tables.get(unitId) as ReturnTables;
      const all = byUnit.get(unitId);
      const rows = (all ?? []).filter((r) => r.kind === 'data');
      if (s.def.rows === 'one') {
        // A unit that labels its own single line 合计 or 全县: that line is its figures.
        const totals = s.rows.filter((r) => r.kind === 'total');
        if (rows.length === 0 && all && !combined && totals.length === 1) rows.push(totals[0] as RowRecord);
        if (rows.length === 0) {
          if (all && !combined) log.warn('table.empty', s.grid.name, undefined, { table: tableName(s.def) });
          continue;
        }
        if (rows.length > 1) {
          const second = rows[1] as RowRecord;
          log.error('rows.many', s.grid.name, second.unitCell ?? second.cells.values().next().value, {
            table: tableName(s.def),
            count: rows.length,
          });
          continue;
        }
        // The one-row tables' records are their figures (StartFigures, ExpropriationFigures, PublicRentalFigures).
        (t as Record<string, unknown>)[s.def.key] = checkedRecord<unknown>(s, rows[0] as RowRecord, log);
      } else if (s.def.key === 'loan') {
        const needRow = (all ?? []).find((r) => r.kind === 'need');
        let need: number | null = needRow ? num(needRow, 'need') : null;
        if (need === null && s.need && !combined) need = s.need.yuan;
        const loan: LoanFigures = {
          need,
          banks: rows.map((row) => checkedRecord<LoanBankLine>(s, row, log)),
        };
        t.loan = loan;
      } else if (s.def.key === 'carryOver') {
        t.carryOver = rows.map((row) => checkedRecord<CarryOverProject>(s, row, log));
      }
    }
  }
  return order.map((unitId) => ({
    unitId,
    period: ctx.period,
    cutoff: ctx.cutoff,
    tables: tables.get(unitId) as ReturnTables,
  }));
}
