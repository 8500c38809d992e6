// 附件4 拆迁结转项目: the unfinished projects themselves (filterable by unit, 新增 marked against last month),
// the projects finished since last month in their own list, and a per-unit summary (toggle).
import { useId, useMemo, useState } from 'react';
import type { CarryOverItem, CarryOverRow, CarryOverSection } from '../../domain/calc';
import { periodLabel } from '../../domain/period';
import type { Thresholds } from '../../domain/settings';
import { type FieldDef, isFigureField, isStoredField, tableDef } from '../../domain/tables';
import { defaultRegister } from '../../domain/units';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { filterRows, NO_FILTER } from '../../ui/data-table/filter';
import { formatCount } from '../../ui/data-table/format';
import { withKeys } from '../../ui/data-table/keys';
import { unitHref } from '../../ui/links';
import { countColumn, nameColumn } from './cells';
import { figureDataColumns } from './figure-columns';
import { FilterBar } from './filter-bar';
import { Flag } from './flag';
import { carryOverFlagOptions } from './flags';
import { fieldHeader, withUnit } from './headers';
import { ModeSwitch } from './mode-switch';
import { filterUnitRows, sectionGrouping, unitTexts } from './unit-rows';

/** A line of the project list: a project, or the province total (calc's count and households). */
export interface ProjectLine {
  key: string;
  item: CarryOverItem | null;
  status: 'new' | 'finished' | 'open' | 'total';
  total?: CarryOverRow;
}

const STATUS_TEXT = {
  new: { label: '新增', tone: 'info' },
  finished: { label: '已完成', tone: 'ok' },
  open: { label: '未完成', tone: 'none' },
} as const;

export function projectColumns(): DataColumn<ProjectLine>[] {
  const project = (l: ProjectLine) => l.item?.project as unknown as Record<string, unknown> | undefined;
  const fields = (tableDef('carryOver').fields as readonly FieldDef[]).filter(isStoredField);
  // The total line shows the number of projects under the first text column and the sums under the figures.
  const fieldColumn = (field: FieldDef, i: number): DataColumn<ProjectLine> => {
    const header = fieldHeader('carryOver', field.key);
    if (isFigureField(field)) {
      return countColumn(field.key, header, (l) => {
        const v = l.total
          ? (l.total as unknown as Record<string, number>)[field.key]
          : project(l)?.[field.key];
        return typeof v === 'number' ? v : null;
      });
    }
    const text = (l: ProjectLine) => String(project(l)?.[field.key] ?? '');
    return {
      id: field.key,
      header,
      sortValue: (l) => text(l) || null,
      cell: (l) => (l.total ? (i === 0 ? `${formatCount(l.total.count)}个项目` : null) : text(l)),
    };
  };
  return [
    {
      id: 'unit',
      header: '市县',
      rowHeader: true,
      sortValue: (l) => l.item?.unitName ?? null,
      cell: (l) => (l.item ? <a href={unitHref(l.item.unitId)}>{l.item.unitName}</a> : '全省合计'),
    },
    ...fields.map(fieldColumn),
    {
      id: 'status',
      header: '较上月',
      sortValue: (l) => (l.status === 'total' ? null : l.status),
      cell: (l) => (l.status === 'total' ? null : <Flag flag={STATUS_TEXT[l.status]} />),
    },
  ];
}

/** A unit's projects summed up: their count, the definition's figures, and the change since last month. */
export function carryOverSummaryColumns(t: Thresholds): DataColumn<CarryOverRow>[] {
  return [
    nameColumn(),
    countColumn('count', withUnit('未完成项目', '个'), (r) => r.count),
    ...figureDataColumns<'carryOver', CarryOverRow>('carryOver'),
    countColumn('previousCount', withUnit('上月项目', '个'), (r) => r.previousCount),
    countColumn('added', withUnit('本月新增', '个'), (r) => (r.previousCount === null ? null : r.added)),
    countColumn('finished', withUnit('本月完成', '个'), (r) =>
      r.previousCount === null ? null : r.finished,
    ),
    {
      id: 'flag',
      header: '状态',
      sortValue: (r) => (r.count >= t.carryOverMany ? 0 : 1),
      cell: (r, role) =>
        role === 'row' && r.count >= t.carryOverMany ? (
          <Flag flag={{ label: `项目较多（≥${t.carryOverMany}个）`, tone: 'warn' }} />
        ) : null,
    },
  ];
}

function itemTexts(item: CarryOverItem): string[] {
  const unit = defaultRegister.unit(item.unitId);
  return [
    item.project.name,
    item.project.reason,
    ...(unit
      ? unitTexts({ kind: 'unit', id: unit.id, name: unit.name, groupId: item.groupId, groupName: '' })
      : []),
  ];
}

function ProjectList(props: { section: CarryOverSection; caption: string; thresholds: Thresholds }) {
  const { section, caption, thresholds } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const [unitId, setUnitId] = useState('');
  const unitSelect = useId();
  const columns = useMemo(() => projectColumns(), []);
  const newOnes = useMemo(() => new Set(section.newProjects.map((i) => i.project)), [section]);
  const compared = section.province.previousCount !== null;

  const lines = useMemo(() => {
    const all: ProjectLine[] = withKeys(section.projects, (i) => `${i.unitId}:${i.project.name}`).map(
      ({ key, item }) => ({
        key,
        item,
        status: newOnes.has(item.project) ? 'new' : 'open',
      }),
    );
    const many = new Set(section.lists.many);
    const withFinished = new Set(section.units.filter((u) => u.finished > 0).map((u) => u.id));
    const flags = (l: ProjectLine): string[] => {
      const id = l.item?.unitId ?? '';
      return [
        ...(l.status === 'new' ? ['added'] : []),
        ...(many.has(id) ? ['many'] : []),
        ...(withFinished.has(id) ? ['finished'] : []),
      ];
    };
    return filterRows(all, filter, {
      texts: (l) => (l.item ? itemTexts(l.item) : []),
      group: (l) => l.item?.groupId ?? null,
      flags,
    }).filter((l) => !unitId || l.item?.unitId === unitId);
  }, [section, filter, unitId, newOnes]);

  const finished = section.finishedProjects.filter((i) => !unitId || i.unitId === unitId);
  const unitsWithProjects = section.units.filter((u) => u.count > 0 || u.finished > 0);
  const total: ProjectLine = { key: 'province', item: null, status: 'total', total: section.province };

  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={carryOverFlagOptions(thresholds)}
        textHint="市县或项目名称"
        shown={lines.length}
        total={section.projects.length}
        noun="个项目"
      />
      <div className="toolbar">
        <label htmlFor={unitSelect}>单位</label>
        <select id={unitSelect} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">全部单位</option>
          {unitsWithProjects.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}（{u.count}个）
            </option>
          ))}
        </select>
        {!compared && (
          <span className="muted">
            上月（{periodLabel(section.previousPeriod)}）数据未导入，无法比较新增和完成。
          </span>
        )}
      </div>
      <DataTable
        caption={caption}
        columns={columns}
        rows={lines}
        rowKey={(l) => l.key}
        pinned={[total]}
        rowClass={(l) => (l.status === 'new' ? 'added' : undefined)}
        emptyText="没有符合条件的未完成项目"
        testId="table-carryOver"
      />
      <h2 id="finished-title">本月已完成的项目</h2>
      {!compared ? (
        <p className="muted">上月数据未导入，无法判断哪些项目已完成。</p>
      ) : finished.length === 0 ? (
        <p className="muted">与上月相比，没有项目完成。</p>
      ) : (
        <DataTable
          caption={`上月（${periodLabel(section.previousPeriod)}）在列、本月未再上报的项目：${finished.length}个`}
          columns={columns}
          rows={withKeys(finished, (i) => `${i.unitId}:${i.project.name}`).map(
            ({ key, item }) => ({ key, item, status: 'finished' }) as ProjectLine,
          )}
          rowKey={(l) => l.key}
          testId="table-carryOver-finished"
        />
      )}
    </>
  );
}

function UnitSummary(props: { section: CarryOverSection; caption: string; thresholds: Thresholds }) {
  const { section, caption, thresholds } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const [grouped, setGrouped] = useState(false);
  const columns = useMemo(() => carryOverSummaryColumns(thresholds), [thresholds]);
  const rows = useMemo(
    () =>
      filterUnitRows(section.units, filter, (r) => [
        ...(r.count >= thresholds.carryOverMany ? ['many'] : []),
        ...(r.added > 0 ? ['added'] : []),
        ...(r.finished > 0 ? ['finished'] : []),
      ]),
    [section, filter, thresholds],
  );
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        flagOptions={carryOverFlagOptions(thresholds)}
        grouped={grouped}
        onGroupedChange={setGrouped}
        shown={rows.length}
        total={section.units.length}
      />
      <DataTable
        caption={`${caption}（按单位汇总）`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        pinned={[section.province]}
        grouping={grouped ? sectionGrouping(section) : null}
        testId="table-carryOver-units"
      />
    </>
  );
}

export function CarryOverView(props: { section: CarryOverSection; caption: string; thresholds: Thresholds }) {
  const [mode, setMode] = useState<'projects' | 'units'>('projects');
  return (
    <>
      <ModeSwitch
        modes={[
          ['projects', '项目清单'],
          ['units', '按单位汇总'],
        ]}
        mode={mode}
        onChange={setMode}
      />
      {mode === 'projects' ? <ProjectList {...props} /> : <UnitSummary {...props} />}
    </>
  );
}
