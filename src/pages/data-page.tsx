// 数据: the five attachments as sortable, filterable tables, one per address (#/data/<tableKey>), each with
// 全省合计 on top; the rows come from calc, this page only chooses and shows them.

import { useDbAction } from '../db/use-db-action';
import { notice } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { tableDef } from '../domain/tables';
import { TABLE_KEYS, type TableKey } from '../domain/types';
import { ActionNotice } from '../ui/action-notice';
import { AnalysisNotices } from './analysis-notices';
import { downloadSummaryWorkbook } from './bulletin/export-actions';
import { IssuedDataNotice } from './bulletin/issued-changes';
import { CarryOverView } from './data/carry-over-view';
import { EmptyState } from './data/empty-state';
import { ExpropriationView } from './data/expropriation-view';
import { LoanView } from './data/loan-view';
import { PublicRentalView } from './data/public-rental-view';
import { StartView } from './data/start-view';
import { TableTabs } from './data/table-tabs';
import { type AnalysisState, useAnalysis } from './use-analysis';
import './data/data.css';

const exportFailed = () => notice('export.failed');

function tableKeyOf(text: string | undefined): TableKey {
  return TABLE_KEYS.find((k) => k === text) ?? 'start';
}

export function DataPage(props: { table?: string }) {
  const key = tableKeyOf(props.table);
  const state = useAnalysis();
  const def = tableDef(key);
  return (
    <section aria-labelledby="data-title" className="data-page">
      <h1 id="data-title">汇总数据</h1>
      <TableTabs current={key} />
      {state.status === 'loading' && <p className="loading">正在读取数据…</p>}
      {state.status === 'empty' && <EmptyState />}
      {state.status === 'ready' && (
        <DataBody
          key={key}
          table={key}
          caption={`附件${def.number} ${periodLabel(state.period)}${def.attachmentTitle}`}
          state={state}
        />
      )}
    </section>
  );
}

function DataBody({
  table,
  caption,
  state,
}: {
  table: TableKey;
  caption: string;
  state: Extract<AnalysisState, { status: 'ready' }>;
}) {
  const { analysis, thresholds } = state;
  const exporting = useDbAction(exportFailed);
  const exportWorkbook = () =>
    exporting.run(async () => {
      exporting.setMessage(null);
      await downloadSummaryWorkbook(analysis, 'grouped');
      return null;
    });
  return (
    <>
      <div className="toolbar no-print">
        <button type="button" onClick={exportWorkbook} disabled={exporting.busy}>
          {exporting.busy ? '正在导出…' : '导出汇总表'}
        </button>
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
        <ActionNotice message={exporting.message} />
      </div>
      <AnalysisNotices analysis={analysis} scope="data" />
      <IssuedDataNotice period={state.period} analysis={analysis} />
      {table === 'start' && <StartView section={analysis.start} caption={caption} thresholds={thresholds} />}
      {table === 'loan' && <LoanView section={analysis.loan} caption={caption} />}
      {table === 'expropriation' && (
        <ExpropriationView section={analysis.expropriation} caption={caption} thresholds={thresholds} />
      )}
      {table === 'carryOver' && (
        <CarryOverView section={analysis.carryOver} caption={caption} thresholds={thresholds} />
      )}
      {table === 'publicRental' && (
        <PublicRentalView section={analysis.publicRental} caption={caption} thresholds={thresholds} />
      )}
    </>
  );
}
