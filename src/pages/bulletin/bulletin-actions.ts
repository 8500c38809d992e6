// What the 通报 page's buttons do, each through the page's one action (busy state, one message, no raw error
// text): save, 重新生成 and restore a text; the exports (a draft with the chosen 成文日期 and no 发文字号 yet, an
// issued version exactly as issued); 签发; keeping an issued version standing over the changes since.
import { recordRegenerated, saveEditedBulletin } from '../../db/bulletin-repo';
import type { BulletinText, IssuedBulletinRecord } from '../../db/database';
import { db } from '../../db/database';
import { issue } from '../../db/issued-repo';
import { saveSetting } from '../../db/settings-repo';
import type { DbAction } from '../../db/use-db-action';
import type { AttachmentModel, RowOrder } from '../../domain/bulletin/attachments';
import { documentFurniture } from '../../domain/bulletin/furniture';
import {
  type BulletinParagraph,
  bulletinToText,
  chineseDateOfIso,
  parseBulletinText,
} from '../../domain/bulletin/generate';
import type { PeriodAnalysis } from '../../domain/calc';
import { notice } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import type { BulletinTextSettings } from '../../domain/settings';
import type { ParsedReturn, PeriodKey } from '../../domain/types';
import { downloadBulletinDocx, downloadIssuedWorkbook, downloadSummaryWorkbook } from './export-actions';
import type { PeriodDrafts } from './use-bulletin-text';
import { formatSavedAt } from './version-list';

/** Setting key: issued versions the user chose to keep standing, with the changes they were kept over. */
export const KEPT_KEY = 'issuedKept';

export interface BulletinContext {
  period: PeriodKey;
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>;
  drafts: PeriodDrafts;
  docDate: string;
  /** The fixed-text settings (the 版头 and 版记 texts among them). */
  texts: Partial<BulletinTextSettings>;
  generatedText: string;
  /** The text shown is an edit (not the generated one). */
  edited: boolean;
  /** What is shown: the text and attachments a draft export or 签发 takes. */
  paragraphs: readonly BulletinParagraph[];
  attachments: readonly AttachmentModel[];
  order: RowOrder;
  analysis: PeriodAnalysis;
  /** The issued version shown while the period is locked (exports take it as issued), else null. */
  latest: IssuedBulletinRecord | null;
  /** The issued version the changes since are compared with, to keep it standing. */
  keepAs: { id: string; version: number; fingerprint: string } | null;
  kept: Record<string, string>;
  /** After 签发 or 重新生成: the page closes its panels. */
  done: () => void;
}

export function bulletinActions(action: DbAction, c: BulletinContext) {
  const { period, drafts } = c;
  const download = (
    what: string,
    task: () => Promise<void>,
    said = () => notice('bulletin.exported', { what }),
  ) =>
    action.run(async () => {
      // A writer's failure is an export failure (nothing stored changed), not a storage one: its own sentence.
      try {
        await task();
      } catch {
        return { ok: false, text: notice('export.failed') };
      }
      return { ok: true, text: said() };
    });
  const exportIssued = (record: IssuedBulletinRecord) =>
    download(
      '导出通报',
      () =>
        downloadBulletinDocx(
          parseBulletinText(record.text),
          record.attachments as AttachmentModel[],
          period,
          documentFurniture(c.texts, {
            documentNumber: record.docNumber,
            documentDate: chineseDateOfIso(record.docDate),
          }),
          record.version,
        ),
      () => notice('bulletin.exportedIssued', { what: '导出通报', version: record.version }),
    );
  return {
    download,
    exportIssued,
    exportDocx: () =>
      c.latest
        ? exportIssued(c.latest)
        : download(
            '导出通报',
            () =>
              downloadBulletinDocx(
                c.paragraphs,
                c.attachments,
                period,
                // Before 签发 the document has no 发文字号 yet; its date is the one chosen on the page.
                documentFurniture(c.texts, { documentDate: chineseDateOfIso(c.docDate) }),
              ),
            () =>
              notice(c.edited ? 'bulletin.exportedEdited' : 'bulletin.exportedGenerated', {
                what: '导出通报',
              }),
          ),
    exportWorkbook: () => {
      const latest = c.latest;
      return download('导出汇总表', () =>
        latest
          ? downloadIssuedWorkbook(latest.attachments as AttachmentModel[], period, latest.version)
          : downloadSummaryWorkbook(c.analysis, c.order),
      );
    },
    save: () =>
      action.run(async () => {
        const draft = drafts.draft(period);
        if (draft === undefined) return null;
        await saveEditedBulletin(db, period, draft);
        drafts.stopEditing(period);
        return { ok: true, text: notice('bulletin.saved') };
      }),
    regenerate: () =>
      action.run(async () => {
        await recordRegenerated(db, period, c.generatedText);
        c.done();
        drafts.stopEditing(period);
        return { ok: true, text: notice('bulletin.regenerated') };
      }),
    restore: (r: BulletinText) =>
      action.run(async () => {
        await saveEditedBulletin(db, period, r.text);
        drafts.stopEditing(period);
        return { ok: true, text: notice('bulletin.restored', { time: formatSavedAt(r.savedAt) }) };
      }),
    issue: (docNumber: number) =>
      action.run(async () => {
        const result = await issue({
          period,
          returnsUsed: c.returnsByPeriod,
          text: bulletinToText({ period, paragraphs: [...c.paragraphs] }),
          attachments: c.attachments,
          order: c.order,
          docDate: c.docDate,
          docNumber,
        });
        if (!result.ok) return { ok: false, text: result.message };
        c.done();
        drafts.stopEditing(period);
        const { version, docNumber: number } = result.value;
        return {
          ok: true,
          text: notice('issue.done', { period: periodLabel(period), version, docNumber: number }),
        };
      }),
    keep: () =>
      action.run(async () => {
        const keepAs = c.keepAs;
        if (!keepAs) return null;
        await saveSetting(KEPT_KEY, { ...c.kept, [keepAs.id]: keepAs.fingerprint });
        return { ok: true, text: notice('issue.kept', { version: keepAs.version }) };
      }),
  };
}
