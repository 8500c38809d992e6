// The export buttons' actions: each loads its writer lazily (ExcelJS, docx, SheetJS, fflate stay out of the
// first bundle) and saves the bytes as a download. Other pages (数据) may call these too.

import { buildAttachments, type RowOrder } from '../../domain/bulletin/attachments';
import type { DocumentFurniture } from '../../domain/bulletin/furniture';
import type { BulletinParagraph } from '../../domain/bulletin/generate';
import type { PeriodAnalysis } from '../../domain/calc/types';
import { periodLabel } from '../../domain/period';
import type { PeriodKey } from '../../domain/types';
import type { Unit } from '../../domain/units';
import { saveBytes } from '../../ui/download';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 导出汇总表: 附件1 … 附件5 as one styled workbook. */
export async function downloadSummaryWorkbook(
  analysis: PeriodAnalysis,
  order: RowOrder = 'grouped',
): Promise<void> {
  const { writeSummaryWorkbook, summaryFileName } = await import('../../export/summary-workbook');
  saveBytes(await writeSummaryWorkbook(analysis, order), summaryFileName(analysis.period), XLSX_MIME);
}

/**
 * 导出通报: the bulletin text (as shown, edits included), the five attachments and the document's furniture
 * (版头 and 版记: the settings' texts with the bulletin's 发文字号 and 成文日期) as a Word file.
 */
export async function downloadBulletinDocx(
  paragraphs: readonly BulletinParagraph[],
  analysis: PeriodAnalysis,
  order: RowOrder = 'grouped',
  furniture: Partial<DocumentFurniture> = {},
): Promise<void> {
  const { writeBulletinDocx } = await import('../../export/bulletin-docx');
  const bytes = await writeBulletinDocx(paragraphs, buildAttachments(analysis, order), furniture);
  saveBytes(bytes, `${periodLabel(analysis.period)}全省安居工程进展情况通报.docx`, DOCX_MIME);
}

/** 下载空白模板 for one unit, its known banks (from its latest return) named in 表2. */
export async function downloadTemplate(
  unit: Unit,
  period: PeriodKey,
  banks: readonly string[] = [],
): Promise<void> {
  const { writeTemplate, templateFileName } = await import('../../export/templates');
  saveBytes(await writeTemplate({ unit, period, banks }), templateFileName(unit, period), XLSX_MIME);
}

/** 下载空白模板 for every unit, as one .zip, each with its known banks. */
export async function downloadAllTemplates(
  units: readonly Unit[],
  period: PeriodKey,
  banksOf: (unit: Unit) => readonly string[] = () => [],
): Promise<void> {
  const { writeAllTemplatesZip, allTemplatesFileName } = await import('../../export/templates');
  saveBytes(
    await writeAllTemplatesZip(units, period, { banksOf }),
    allTemplatesFileName(period),
    'application/zip',
  );
}
