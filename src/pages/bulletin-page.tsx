// 通报: the selected period's bulletin, generated from the data or as edited (kept per period; 重新生成 after a
// confirmation keeps the edit as a past version), its exports, and 签发: an issued period shows the bulletin as
// issued and is locked — later imports and corrections are listed as 签发后更改 unit by unit, and the user
// re-issues (the next version, with its own 发文字号) or keeps the issued one standing.
import { useState } from 'react';
import type { BulletinText as BulletinTextRecord, IssuedBulletinRecord } from '../db/database';
import { useIssuedState } from '../db/issued-repo';
import { useSetting } from '../db/settings-repo';
import { type ActionMessage, useDbAction } from '../db/use-db-action';
import { type AttachmentModel, buildAttachments, type RowOrder } from '../domain/bulletin/attachments';
import { chineseDateOfIso, parseBulletinText } from '../domain/bulletin/generate';
import type { PeriodAnalysis } from '../domain/calc';
import { notice } from '../domain/messages';
import { periodLabel } from '../domain/period';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { ActionNotice } from '../ui/action-notice';
import { AttachmentTables } from './bulletin/attachment-tables';
import { bulletinActions, KEPT_KEY } from './bulletin/bulletin-actions';
import { BulletinDocument } from './bulletin/bulletin-document';
import { ExportActions, TemplateDownload } from './bulletin/export-toolbar';
import { IssuePanel } from './bulletin/issue-panel';
import { IssuedStatus, useIssuedComparison } from './bulletin/issued-changes';
import { IssuedVersions } from './bulletin/issued-versions';
import { BulletinEditor, DocDateField, RegenerateConfirm, TextActions } from './bulletin/text-toolbar';
import { type PeriodDrafts, useBulletinText, usePeriodDrafts } from './bulletin/use-bulletin-text';
import { formatSavedAt, VersionList } from './bulletin/version-list';
import { usePeriod } from './period-context';
import { useAnalysis } from './use-analysis';
import './bulletin/bulletin.css';

export function BulletinPage() {
  const { period } = usePeriod();
  const state = useAnalysis();
  // Drafts and 成文日期 live here, above the period's body, so a period switch keeps them.
  const drafts = usePeriodDrafts();
  if (state.status === 'loading') {
    return (
      <section aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">通报</h1>
        <p className="loading">正在加载…</p>
      </section>
    );
  }
  if (state.status === 'empty' || !period) {
    return (
      <section aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">通报</h1>
        <p className="notice">
          还没有任何月报数据。请先到 <a href="#/import">导入</a> 页面导入各市县的月报，再生成通报。
        </p>
      </section>
    );
  }
  // Keyed by period: a confirmation, a message or a past version on screen belongs to the period it was made in.
  return (
    <BulletinBody
      key={state.period}
      period={state.period}
      analysis={state.analysis}
      returnsByPeriod={state.returnsByPeriod}
      drafts={drafts}
    />
  );
}

function BulletinBody({
  period,
  analysis,
  returnsByPeriod,
  drafts,
}: {
  period: PeriodKey;
  analysis: PeriodAnalysis;
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>;
  drafts: PeriodDrafts;
}) {
  const docDate = drafts.docDate(period);
  const text = useBulletinText(period, analysis, returnsByPeriod, docDate);
  const issuedState = useIssuedState(period);
  const comparison = useIssuedComparison(issuedState, analysis);
  const kept = useSetting<Record<string, string>>(KEPT_KEY, {});
  const action = useDbAction();
  const [order, setOrder] = useState<RowOrder>('grouped');
  const [confirming, setConfirming] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [reissuing, setReissuing] = useState(false);

  if (!text || !issuedState) {
    return (
      <section aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">通报 · {periodLabel(period)}</h1>
        <p className="loading">正在加载…</p>
      </section>
    );
  }

  const latest = issuedState.latest;
  // An issued period shows what was issued; only a re-issue works on a new text.
  const locked = latest !== null && !reissuing;
  const draft = drafts.draft(period);
  const editing = draft !== undefined && !locked;
  const edited = text.state.edited;
  const paragraphs = locked && latest ? parseBulletinText(latest.text) : text.paragraphs;
  const attachments: AttachmentModel[] =
    locked && latest ? (latest.attachments as AttachmentModel[]) : buildAttachments(analysis, order);
  const version = (latest?.version ?? 0) + 1;

  const say = (message: ActionMessage | null) => action.setMessage(message);
  const acts = bulletinActions(action, {
    period,
    returnsByPeriod,
    drafts,
    docDate,
    texts: text.texts,
    generatedText: text.generatedText,
    edited: edited !== null,
    paragraphs,
    attachments,
    order,
    analysis,
    latest: locked ? latest : null,
    keepAs:
      latest && comparison
        ? { id: latest.id, version: latest.version, fingerprint: comparison.fingerprint }
        : null,
    kept,
    done: () => {
      setConfirming(false);
      setIssuing(false);
      setReissuing(false);
    },
  });

  const status = statusLine(locked ? latest : null, edited);

  return (
    <section className="bulletin-page" aria-labelledby="bulletin-title">
      <h1 id="bulletin-title">通报 · {periodLabel(period)}</h1>
      <BulletinNotices analysis={analysis} refusedUnits={text.refusedUnits} />

      {latest && comparison ? (
        <IssuedStatus
          state={issuedState}
          comparison={comparison}
          kept={kept[latest.id] === comparison.fingerprint}
          onReissue={() => {
            setReissuing(true);
            say(null);
          }}
          onKeep={acts.keep}
        />
      ) : null}

      <div className="toolbar" role="toolbar" aria-label="通报操作">
        <TextActions
          editing={editing}
          edited={edited !== null}
          locked={locked}
          busy={action.busy}
          onEdit={() => {
            drafts.setDraft(period, edited?.text ?? text.generatedText);
            say(null);
          }}
          onSave={acts.save}
          onCancel={() => drafts.stopEditing(period)}
          onRegenerate={() => setConfirming(true)}
          onIssue={() => {
            if (locked) setReissuing(true);
            else setIssuing(true);
            say(null);
          }}
          issueLabel={locked ? '重新签发…' : latest ? `签发第${version}版…` : '签发…'}
        />
        {locked ? null : <DocDateField value={docDate} onChange={(iso) => drafts.setDocDate(period, iso)} />}
        <ExportActions
          busy={action.busy}
          editing={editing}
          order={locked ? null : order}
          onOrder={setOrder}
          onDocx={acts.exportDocx}
          onWorkbook={acts.exportWorkbook}
        />
        <TemplateDownload period={period} busy={action.busy} run={acts.download} />
      </div>

      {reissuing && !issuing ? <ReissueNote version={version} onCancel={() => setReissuing(false)} /> : null}
      {issuing ? (
        <IssuePanel
          period={period}
          version={version}
          docDate={docDate}
          onDocDate={(iso) => drafts.setDocDate(period, iso)}
          busy={action.busy}
          onIssue={acts.issue}
          onCancel={() => setIssuing(false)}
        />
      ) : null}
      {confirming ? (
        <RegenerateConfirm onConfirm={acts.regenerate} onCancel={() => setConfirming(false)} />
      ) : null}

      <p className="bulletin-status" role="status">
        {action.busy ? '正在处理…' : status}
      </p>
      <ActionNotice message={action.message} />

      {editing ? (
        <BulletinEditor value={draft ?? ''} onChange={(t) => drafts.setDraft(period, t)} />
      ) : (
        <BulletinDocument paragraphs={paragraphs} />
      )}

      <AttachmentsSection models={attachments} />

      {locked ? null : (
        <VersionList
          revisions={text.state.revisions}
          editing={editing}
          onRestore={acts.restore}
          onEditFrom={(r) => drafts.setDraft(period, r.text)}
        />
      )}
      <IssuedVersions versions={issuedState.versions} busy={action.busy} onExport={acts.exportIssued} />
    </section>
  );
}

/** Units that have not reported and the computation's warnings, above the text. */
function BulletinNotices({
  analysis,
  refusedUnits,
}: {
  analysis: PeriodAnalysis;
  /** Units whose file was refused: their return is being checked, never "not reported". */
  refusedUnits: readonly UnitId[];
}) {
  const refused = new Set(refusedUnits);
  const nameOf = (id: UnitId) => defaultRegister.unit(id)?.name ?? id;
  const missing = analysis.missingUnits.filter((id) => !refused.has(id)).map(nameOf);
  const refusedNames = analysis.missingUnits.filter((id) => refused.has(id)).map(nameOf);
  return (
    <div className="bulletin-notices">
      {refusedNames.length > 0 && (
        <p className="notice warn" role="note">
          <strong>提醒：</strong>
          {notice('bulletin.refusedUnits', { count: refusedNames.length, names: refusedNames.join('、') })}
        </p>
      )}
      {missing.length > 0 && (
        <p className="notice warn" role="note">
          <strong>提醒：</strong>
          {notice('bulletin.missingUnits', {
            count: missing.length,
            reported: analysis.reportedUnits.length,
            names: missing.join('、'),
          })}
        </p>
      )}
      {analysis.warnings.length > 0 && (
        <p className="notice warn" role="note">
          <strong>提醒：</strong>
          {notice('bulletin.warnings', { count: analysis.warnings.length })}
        </p>
      )}
    </div>
  );
}

/** What the text shown is: the issued version, an edit, or the generated text. */
function statusLine(issued: IssuedBulletinRecord | null, edited: BulletinTextRecord | null): string {
  if (issued) {
    return notice('bulletin.showsIssued', {
      version: issued.version,
      docNumber: issued.docNumber,
      docDate: chineseDateOfIso(issued.docDate),
      time: formatSavedAt(issued.issuedAt),
    });
  }
  return edited
    ? notice('bulletin.showsEdited', { time: formatSavedAt(edited.savedAt) })
    : notice('bulletin.showsGenerated');
}

/** The attachments: hidden on screen unless asked for, always printed. */
function AttachmentsSection({ models }: { models: readonly AttachmentModel[] }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <div className="toolbar no-print">
        <label>
          <input
            type="checkbox"
            checked={shown}
            onChange={(e) => setShown(e.target.checked)}
            aria-controls="bulletin-attachments"
          />{' '}
          显示附件表（打印时总会打印附件）
        </label>
      </div>
      <div id="bulletin-attachments" className={shown ? undefined : 'attachments hidden-on-screen'}>
        <AttachmentTables models={models} />
      </div>
    </>
  );
}

/** While preparing a re-issue: what is shown, and the way back to the issued version (签发 is in the toolbar). */
function ReissueNote({ version, onCancel }: { version: number; onCancel: () => void }) {
  return (
    <p className="notice warn" role="note">
      {notice('bulletin.reissuing', { version })}{' '}
      <button type="button" onClick={onCancel}>
        不重新签发
      </button>
    </p>
  );
}
