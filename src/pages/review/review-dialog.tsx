// 核对 (review) of one file, as a modal dialog over 导入: the workbook's real cells, what the reader made of
// them, the column mapping and the cell corrections. Each decision reads the file again in the review worker
// with the mapping and corrections (the same reader), so the grid and the preview always show what would be
// stored. Nothing is stored here: 确认 hands the new read back to the import list, which stores it on 确认导入.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LayoutRecord, StoredCorrection } from '../../db/database';
import { layoutId, toHeaderLayouts, useLayouts } from '../../db/layouts-repo';
import { cellLabel } from '../../domain/a1';
import { reviewText } from '../../domain/messages';
import {
  type Choices,
  type ColumnChoice,
  choiceKey,
  effectiveField,
  isEmptyLayout,
  layoutFromChoices,
} from '../../domain/review/mapping';
import type { CellCorrection, HeaderLayout, ImportIssue, ReadResult, TableReading } from '../../domain/types';
import type { ReadFile, ReadInput } from '../../import/reader-client';
import { type ReviewFileAnswer, reviewFile, type WorkbookView } from '../../import/review-client';
import { unitName } from '../history/labels';
import { type ReviewDecision, tablesReadByLayout, unitOfRead } from '../import/row-extras';
import { IssuePanel, type NewCorrection } from './issue-panel';
import { allProblems, MappingPanel, problemText } from './mapping-panel';
import { type GridNotes, ReviewGrid } from './review-grid';
import './review.css';

export interface ReviewTarget {
  read: ReadFile;
  input: ReadInput;
  review?: ReviewDecision;
  maxBytes: number;
}

function issuesOf(result: ReadResult): ImportIssue[] {
  return result.ok ? result.warnings : result.issues;
}

async function bytesOf(input: ReadInput): Promise<ArrayBuffer> {
  return input instanceof Blob ? input.arrayBuffer() : input.bytes.slice(0);
}

/** The layouts a re-read uses: the unit's saved ones, each table's replaced by the one being decided. */
function layoutsFor(
  unitId: string | undefined,
  tables: readonly TableReading[],
  choices: Choices,
  saved: readonly LayoutRecord[],
): { all: HeaderLayout[]; decided: HeaderLayout[] } {
  if (!unitId) return { all: [], decided: [] };
  const own = saved.filter((l) => l.unitId === unitId);
  const decided = tables
    .filter((t) => t.columns.some((col) => choices.has(choiceKey(t, col))))
    .map((t) =>
      layoutFromChoices(
        unitId,
        t,
        choices,
        own.find((l) => l.table === t.table),
      ),
    );
  const replaced = new Set(decided.map((l) => l.table));
  return { all: [...toHeaderLayouts(own.filter((l) => !replaced.has(l.table))), ...decided], decided };
}

export function ReviewDialog({
  target,
  onApply,
  onClose,
}: {
  target: ReviewTarget;
  onApply: (read: ReadFile, decision: ReviewDecision) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const saved = useLayouts();
  const first = target.review?.first ?? target.read.result;
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [view, setView] = useState<WorkbookView | null>(null);
  const [result, setResult] = useState<ReadResult>(target.read.result);
  const [choices, setChoices] = useState<Map<string, ColumnChoice>>(
    () => new Map(target.review?.choices ?? []),
  );
  const [corrections, setCorrections] = useState<StoredCorrection[]>(target.review?.corrections ?? []);
  const [sheet, setSheet] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [reading, setReading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    // Closed before it leaves the page, so the focus goes back to the button that opened it.
    return () => d?.close();
  }, []);

  useEffect(() => {
    let alive = true;
    bytesOf(target.input).then(
      (b) => alive && setBytes(b),
      () => alive && setFailure(reviewText('review.failed', {})),
    );
    return () => {
      alive = false;
    };
  }, [target.input]);

  const unitId = unitOfRead(result) ?? unitOfRead(first);
  const layouts = useMemo(
    () => layoutsFor(unitId, result.tables, choices, saved ?? []),
    [unitId, result.tables, choices, saved],
  );

  // Read again whenever a decision changes; an answer overtaken by a later decision is dropped.
  const layoutKey = JSON.stringify(layouts.all);
  const correctionKey = JSON.stringify(corrections);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for layouts and corrections
  useEffect(() => {
    if (!bytes || saved === undefined) return;
    const ask = ++latest.current;
    setReading(true);
    const cells: CellCorrection[] = corrections.map(({ sheet, cell, original, value, note }) => ({
      sheet,
      cell,
      original,
      value,
      note,
    }));
    reviewFile(target.read.fileName, bytes, {
      layouts: layouts.all,
      corrections: cells,
      maxBytes: target.maxBytes,
      view: view === null,
    }).then(
      (answer: ReviewFileAnswer) => {
        if (ask !== latest.current) return;
        if (answer.view) setView(answer.view);
        setResult(answer.result);
        setReading(false);
      },
      () => {
        if (ask !== latest.current) return;
        setFailure(reviewText('review.failed', {}));
        setReading(false);
      },
    );
  }, [bytes, saved === undefined, layoutKey, correctionKey]);

  const issues = issuesOf(result);
  const numbered = issues.map((issue, i) => ({ issue, n: i + 1 }));
  const problems = allProblems(result.tables, choices);
  const decidedColumns = choices.size;
  const needsUnit = decidedColumns > 0 && !unitId;
  const byLayout = tablesReadByLayout(result).length > 0;

  const sheets = view?.sheets ?? [];
  const shownSheet =
    sheets.find((s) => s.name === sheet) ??
    sheets.find(
      (s) => issues.some((i) => i.sheet === s.name) || result.tables.some((t) => t.sheet === s.name),
    ) ??
    sheets[0];

  const notes: GridNotes = {
    issues: numbered,
    corrected: new Map(corrections.map((c) => [`${c.sheet}|${c.cell}`, c.value])),
    previewed: new Set(
      result.tables.flatMap((t) =>
        t.columns
          .filter((col) => choices.has(choiceKey(t, col)) || col.how === 'layout' || col.how === 'meaning')
          .filter((col) => effectiveField(t, col, choices) !== null)
          .map((col) => `${t.sheet}|${t.table}|${col.c}`),
      ),
    ),
  };

  const choose = (key: string, choice: ColumnChoice | undefined) => {
    setChoices((prev) => {
      const next = new Map(prev);
      if (choice === undefined) next.delete(key);
      else next.set(key, choice);
      return next;
    });
  };
  const correct = (c: NewCorrection) => {
    setCorrections((prev) => [
      ...prev.filter((x) => x.sheet !== c.sheet || x.cell !== c.cell),
      { ...c, at: Date.now() },
    ]);
  };
  const undo = (c: StoredCorrection) => {
    setCorrections((prev) => prev.filter((x) => x !== c));
  };
  const originalText = (issue: ImportIssue) => {
    if (issue.text !== undefined) return issue.text;
    const cell = view?.sheets
      .find((s) => s.name === issue.sheet)
      ?.rows.flatMap((r) => r.cells.map((x) => ({ ...x, r: r.r })))
      .find((x) => issue.cell === cellLabel({ r: x.r, c: x.c }));
    return cell?.text ?? '';
  };
  const showIssue = (n: number) => document.getElementById(`review-issue-${n}`)?.focus();

  const canConfirm = !reading && result.ok && problems.length === 0 && !needsUnit && failure === null;
  const confirm = () => {
    if (!canConfirm) return;
    const decision: ReviewDecision = {
      first,
      corrections,
      choices: [...choices],
      layouts: unitId
        ? layouts.decided
            .filter((l) => !isEmptyLayout(l))
            .map((l) => ({
              id: layoutId(l.unitId, l.table),
              unitId: l.unitId,
              table: l.table,
              headers: l.headers,
              fileName: target.read.fileName,
            }))
        : [],
    };
    onApply({ ...target.read, result }, decision);
  };

  return (
    <dialog
      ref={dialog}
      className="review-dialog"
      aria-labelledby="review-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="review-head">
        <h2 id="review-title">核对“{target.read.fileName}”</h2>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </header>
      <p className="muted" role="status">
        {reading
          ? '正在按当前的对照和更正读取…'
          : `${unitId ? `填报单位：${unitName(unitId)}。` : '填报单位未能识别。'}${
              result.ok ? '可以导入。' : `还有 ${result.issues.length} 个错误。`
            }${byLayout ? '部分列按已保存的表头对照读取。' : ''}`}
      </p>
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      <div className="review-body">
        <div className="review-side">
          <section aria-labelledby="review-issues-title">
            <h3 id="review-issues-title">问题（{issues.length}）</h3>
            <IssuePanel
              issues={issues}
              corrections={corrections}
              originalText={originalText}
              onCorrect={correct}
              onUndo={undo}
            />
          </section>
          <section aria-labelledby="review-mapping-title">
            <h3 id="review-mapping-title">列的对照</h3>
            <label className="toggle">
              <input
                type="checkbox"
                checked={showAll}
                onChange={(e) => setShowAll(e.currentTarget.checked)}
              />{' '}
              显示所有列
            </label>
            <MappingPanel
              tables={result.tables}
              issues={issues}
              choices={choices}
              showAll={showAll}
              onChoose={choose}
              otherLayouts={toHeaderLayouts((saved ?? []).filter((l) => l.unitId !== unitId))}
              unitId={unitId}
            />
          </section>
        </div>
        <section className="review-sheets" aria-labelledby="review-sheets-title">
          <h3 id="review-sheets-title">工作表</h3>
          {sheets.length > 1 && (
            <fieldset className="sheet-tabs">
              <legend className="visually-hidden">选择工作表</legend>
              {sheets.map((s) => (
                <button
                  key={s.name}
                  type="button"
                  aria-pressed={s === shownSheet}
                  onClick={() => setSheet(s.name)}
                >
                  {s.name}
                  {s.hidden ? '（隐藏）' : ''}
                </button>
              ))}
            </fieldset>
          )}
          {shownSheet ? (
            <ReviewGrid sheet={shownSheet} tables={result.tables} notes={notes} onIssue={showIssue} />
          ) : (
            <p className="muted">
              {view === null && reading ? '正在打开文件…' : '文件中没有可显示的单元格。'}
            </p>
          )}
        </section>
      </div>
      <footer className="review-foot">
        <button type="button" className="primary" disabled={!canConfirm} onClick={confirm}>
          确认核对结果
        </button>
        <span className="muted" role="status">
          {needsUnit
            ? reviewText('mapping.noUnit', {})
            : problems.length > 0
              ? problems.map(problemText).join(' ')
              : !result.ok && !reading
                ? reviewText('review.stillRefused', { count: result.issues.length })
                : '确认后回到导入页，再点“确认导入”保存。'}
        </span>
      </footer>
    </dialog>
  );
}
