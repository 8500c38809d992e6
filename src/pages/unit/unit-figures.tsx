// A unit's figures for the period, the five tables one after another: the 数据 views' columns applied to the
// unit's row (so a field added to a table's definition appears here too), its rank among the ranked units,
// the rates it declared beside the recomputed ones, and its banks and carry-over projects as tables.
import { bankShortName } from '../../domain/banks';
import type { PeriodAnalysis, RowIdentity, Section } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import { type FieldDef, tableDef } from '../../domain/tables';
import type { TableKey, UnitId } from '../../domain/types';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { formatRateBp } from '../../ui/data-table/format';
import { withKeys } from '../../ui/data-table/keys';
import { carryOverSummaryColumns, type ProjectLine, projectColumns } from '../data/carry-over-view';
import { expropriationColumns } from '../data/expropriation-view';
import { fieldHeader } from '../data/headers';
import { bankSummaryColumns, loanUnitColumns } from '../data/loan-view';
import { publicRentalColumns } from '../data/public-rental-view';
import { startColumns } from '../data/start-view';
import { type Figure, FigureList } from './figure-list';

/** 表1 棚户区改造开工: the sheet and the title without 进展情况. */
function sectionTitle(table: TableKey): string {
  const def = tableDef(table);
  return `${def.sheetName} ${def.title.replace(/(?:进展|未完成)情况$/, '')}`;
}

function rankText(rank: number | null, of: number): string {
  return rank === null ? '—' : `第 ${rank} 名（共 ${of} 个）`;
}

/**
 * The figures of a unit's row: each column's cell but the row's name; the rank out of the ranked units; after
 * a recomputed rate, the rate the unit declared (填报…).
 */
function figuresOf<R extends RowIdentity & { rank?: number | null }>(
  table: TableKey,
  columns: DataColumn<R>[],
  section: Section<R>,
  row: R,
): Figure[] {
  const ranked = section.units.filter((r) => r.rank !== null && r.rank !== undefined).length;
  const fields = tableDef(table).fields as readonly FieldDef[];
  return columns
    .filter((c) => !c.rowHeader)
    .flatMap((c): Figure[] => {
      if (c.id === 'rank') return [{ label: c.header, value: rankText(row.rank ?? null, ranked) }];
      const figure = { label: c.header, value: c.cell(row, 'row') };
      const field = fields.find((f) => f.key === c.id && f.rateOf);
      if (!field) return [figure];
      const declared = (row as unknown as Record<string, number | null>)[field.key];
      return [figure, { label: `填报${fieldHeader(table, field.key)}`, value: formatRateBp(declared) }];
    });
}

function TableFigures({ table, figures }: { table: TableKey; figures: Figure[] }) {
  return (
    <FigureList title={sectionTitle(table)} figures={figures}>
      {figures.length === 0 ? <p className="muted">本期未上报此表</p> : null}
    </FigureList>
  );
}

/** The unit's projects: open ones (新增 against last month) and those finished since, in one table. */
function projectLines(analysis: PeriodAnalysis, unitId: UnitId): ProjectLine[] {
  const co = analysis.carryOver;
  const newOnes = new Set(co.newProjects.filter((p) => p.unitId === unitId).map((p) => p.project));
  const open = co.projects.filter((p) => p.unitId === unitId);
  const finished = co.finishedProjects.filter((p) => p.unitId === unitId);
  return [
    ...withKeys(open, (i) => i.project.name).map(
      ({ key, item }): ProjectLine => ({
        key: `open:${key}`,
        item,
        status: newOnes.has(item.project) ? 'new' : 'open',
      }),
    ),
    ...withKeys(finished, (i) => i.project.name).map(
      ({ key, item }): ProjectLine => ({
        key: `done:${key}`,
        item,
        status: 'finished',
      }),
    ),
  ];
}

export function UnitFigures(props: { analysis: PeriodAnalysis; unitId: UnitId; thresholds: Thresholds }) {
  const { analysis: a, unitId, thresholds: t } = props;
  const rowOf = <R extends RowIdentity>(s: Section<R>) => s.units.find((r) => r.id === unitId);
  const start = rowOf(a.start);
  const loan = rowOf(a.loan);
  const exp = rowOf(a.expropriation);
  const carry = rowOf(a.carryOver);
  const rental = rowOf(a.publicRental);
  const projects = projectLines(a, unitId);
  // The unit is named by the page: the project table needs no 市县 column, its project name heads the row.
  const projectTable = projectColumns()
    .filter((c) => c.id !== 'unit')
    .map((c) => (c.id === 'name' ? { ...c, rowHeader: true } : c));
  return (
    <div className="unit-figures">
      <TableFigures
        table="start"
        figures={start ? figuresOf('start', startColumns(t), a.start, start) : []}
      />
      <TableFigures table="loan" figures={loan ? figuresOf('loan', loanUnitColumns([]), a.loan, loan) : []} />
      <TableFigures
        table="expropriation"
        figures={exp ? figuresOf('expropriation', expropriationColumns(t), a.expropriation, exp) : []}
      />
      <TableFigures
        table="carryOver"
        figures={carry ? figuresOf('carryOver', carryOverSummaryColumns(t), a.carryOver, carry) : []}
      />
      <TableFigures
        table="publicRental"
        figures={rental ? figuresOf('publicRental', publicRentalColumns(t), a.publicRental, rental) : []}
      />
      {loan && loan.banks.length > 0 && (
        <div className="wide">
          <DataTable
            caption={`${sectionTitle('loan')}（各银行）`}
            columns={bankSummaryColumns().filter((c) => c.id !== 'category')}
            rows={loan.banks.map((b) => ({ ...b, id: b.bank, name: bankShortName(b.bank), category: null }))}
            rowKey={(r) => r.id}
            pinned={[{ ...loan.total, id: 'total', name: '合计', category: null }]}
            testId="unit-banks"
          />
        </div>
      )}
      {projects.length > 0 && (
        <div className="wide">
          <DataTable
            caption={sectionTitle('carryOver')}
            columns={projectTable}
            rows={projects}
            rowKey={(l) => l.key}
            rowClass={(l) => (l.status === 'new' ? 'added' : undefined)}
            testId="unit-projects"
          />
        </div>
      )}
    </div>
  );
}
