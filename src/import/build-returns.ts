// Read sheets → one ParsedReturn per unit: rows tied to their unit (a combined prefecture return has a row
// per unit), figures assembled per table, and the checks that only warn (totals, rates, month vs cumulative).
import { canonicalBankName } from '../domain/banks';
import { formatYuanAsYi } from '../domain/messages';
import { formatRateBp, rateDisagrees, rateOf } from '../domain/numbers';
import type {
  CarryOverProject,
  ExpropriationFigures,
  LoanBankLine,
  LoanFigures,
  ParsedReturn,
  PeriodKey,
  PublicRentalFigures,
  ReturnTables,
  StartFigures,
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
}

function num(row: RowRecord, key: string): number {
  const v = row.values.get(key);
  return typeof v === 'number' ? v : 0;
}

function optNum(s: SheetRead, row: RowRecord, key: string): number | null {
  return s.columns.has(key) ? num(row, key) : null;
}

function rate(row: RowRecord, key: string): number | null {
  const v = row.values.get(key);
  return typeof v === 'number' ? v : null;
}

function text(row: RowRecord, key: string): string {
  const v = row.values.get(key);
  return typeof v === 'string' ? v : '';
}

/** Display a stored figure of a column for messages: 套/户 as is, yuan as 亿元. */
function shown(s: SheetRead, key: string, value: number): string {
  const field = s.def.fields.find((f) => f.key === key);
  if (field?.kind === 'money') return formatYuanAsYi(value);
  return `${value}${field?.headerUnit === '户' ? '户' : field?.headerUnit === '套' ? '套' : ''}`;
}

function headerOf(s: SheetRead, key: string): string {
  return s.columns.get(key)?.header ?? s.def.fields.find((f) => f.key === key)?.header ?? key;
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
    if (col.field.kind !== 'count' && col.field.kind !== 'money') continue;
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

function checkRate(
  s: SheetRead,
  row: RowRecord,
  key: string,
  numerator: number,
  denominator: number,
  log: IssueLog,
) {
  const declared = rate(row, key);
  if (declared === null || denominator <= 0) return;
  if (rateDisagrees(declared, numerator, denominator)) {
    log.warn('rate.mismatch', s.grid.name, row.cells.get(key), {
      column: headerOf(s, key),
      declared: formatRateBp(declared),
      computed: formatRateBp(rateOf(numerator, denominator)),
    });
  }
}

function checkMonth(
  s: SheetRead,
  row: RowRecord,
  monthKey: string,
  total: number,
  totalKey: string,
  log: IssueLog,
) {
  if (!s.columns.has(monthKey)) return;
  const month = num(row, monthKey);
  if (month > total) {
    log.warn('month.aboveTotal', s.grid.name, row.cells.get(monthKey), {
      column: headerOf(s, monthKey),
      month: shown(s, monthKey, month),
      total: shown(s, totalKey, total),
      totalColumn: headerOf(s, totalKey),
    });
  }
}

function startFigures(s: SheetRead, row: RowRecord, log: IssueLog): StartFigures {
  const plan = num(row, 'plan');
  const started = num(row, 'started');
  checkRate(s, row, 'declaredRate', started, plan, log);
  if (started > plan) {
    log.warn('start.abovePlan', s.grid.name, row.cells.get('started'), {
      started: shown(s, 'started', started),
      plan: shown(s, 'plan', plan),
    });
  }
  checkMonth(s, row, 'startedMonth', started, 'started', log);
  return {
    plan,
    started,
    startedMonth: optNum(s, row, 'startedMonth'),
    declaredRate: rate(row, 'declaredRate'),
    note: text(row, 'note'),
  };
}

function expropriationFigures(s: SheetRead, row: RowRecord, log: IssueLog): ExpropriationFigures {
  const expropriated = num(row, 'expropriated');
  const demolished = num(row, 'demolished');
  const sum = expropriated + demolished;
  if (s.columns.has('total') && row.present.has('total') && num(row, 'total') !== sum) {
    log.warn('expropriation.total', s.grid.name, row.cells.get('total'), {
      declared: shown(s, 'total', num(row, 'total')),
      computed: shown(s, 'total', sum),
    });
  }
  if (s.columns.has('doneMonth') && num(row, 'doneMonth') > sum) {
    log.warn('month.aboveTotal', s.grid.name, row.cells.get('doneMonth'), {
      column: headerOf(s, 'doneMonth'),
      month: shown(s, 'doneMonth', num(row, 'doneMonth')),
      total: shown(s, 'total', sum),
      totalColumn: '累计完成征收与拆迁之和',
    });
  }
  return {
    plan: num(row, 'plan'),
    expropriated,
    demolished,
    doneMonth: optNum(s, row, 'doneMonth'),
    note: text(row, 'note'),
  };
}

function publicRentalFigures(s: SheetRead, row: RowRecord, log: IssueLog): PublicRentalFigures {
  const raised = num(row, 'raised');
  const allocated = num(row, 'allocated');
  const yearTask = num(row, 'yearTask');
  const yearAllocated = num(row, 'yearAllocated');
  checkRate(s, row, 'declaredRate', allocated, raised, log);
  checkRate(s, row, 'declaredYearRate', yearAllocated, yearTask, log);
  if (allocated > raised) {
    log.warn('rental.aboveRaised', s.grid.name, row.cells.get('allocated'), {
      allocated: shown(s, 'allocated', allocated),
      raised: shown(s, 'raised', raised),
    });
  }
  return {
    raised,
    allocated,
    declaredRate: rate(row, 'declaredRate'),
    yearTask,
    yearAllocated,
    declaredYearRate: rate(row, 'declaredYearRate'),
    lastYearRate: rate(row, 'lastYearRate'),
  };
}

function bankLine(s: SheetRead, row: RowRecord, log: IssueLog): LoanBankLine {
  const credit = num(row, 'credit');
  const disbursed = num(row, 'disbursed');
  checkMonth(s, row, 'creditMonth', credit, 'credit', log);
  checkMonth(s, row, 'disbursedMonth', disbursed, 'disbursed', log);
  return {
    bank: canonicalBankName(text(row, 'bank')),
    credit,
    creditMonth: optNum(s, row, 'creditMonth'),
    disbursed,
    disbursedMonth: optNum(s, row, 'disbursedMonth'),
    note: text(row, 'note'),
  };
}

function project(row: RowRecord): CarryOverProject {
  return {
    name: text(row, 'name'),
    households: num(row, 'households'),
    unfinished: num(row, 'unfinished'),
    reason: text(row, 'reason'),
    plannedFinish: text(row, 'plannedFinish'),
  };
}

/** Tie every row of every sheet to a unit; a sheet naming several units is a combined return. */
function assignUnits(sheets: SheetRead[], ctx: BuildContext): Map<SheetRead, Map<UnitId, RowRecord[]>> {
  const out = new Map<SheetRead, Map<UnitId, RowRecord[]>>();
  let reportedMissing = false;
  for (const s of sheets) {
    const named = new Set(s.rows.filter((r) => r.kind !== 'total' && r.unitId).map((r) => r.unitId));
    const combined = named.size > 1;
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
    if (byUnit.size === 0 && fallback) byUnit.set(fallback, []);
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
    const combined = byUnit.size > 1;
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
        const row = rows[0] as RowRecord;
        if (s.def.key === 'start') t.start = startFigures(s, row, log);
        else if (s.def.key === 'expropriation') t.expropriation = expropriationFigures(s, row, log);
        else if (s.def.key === 'publicRental') t.publicRental = publicRentalFigures(s, row, log);
      } else if (s.def.key === 'loan') {
        const needRow = (all ?? []).find((r) => r.kind === 'need');
        let need: number | null = needRow ? num(needRow, 'need') : null;
        if (need === null && s.need && !combined) need = s.need.yuan;
        const loan: LoanFigures = { need, banks: rows.map((row) => bankLine(s, row, log)) };
        t.loan = loan;
      } else if (s.def.key === 'carryOver') {
        t.carryOver = rows.map(project);
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
