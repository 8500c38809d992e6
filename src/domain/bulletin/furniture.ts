// The official document around the bulletin's text (GB/T 9704-2012): the 版头 (发文机关标志, 发文字号) and the
// 版记 (抄送机关, 印发机关, 印发日期), from the fixed-text settings and, per bulletin, the 发文字号 and 成文日期.
import type { DocumentFurnitureSettings } from '../settings';

export interface DocumentFurniture {
  /** 发文机关标志, red at the head (吉林省保障性安居工程领导小组办公室文件); empty: no 版头. */
  issuerMark: string;
  /** 发文字号 (吉安居办〔2018〕12号), from the issued record; empty: none printed under the mark. */
  documentNumber: string;
  /** 成文日期 as written (2018年10月10日): the date under the signature and the 印发日期's default. */
  documentDate: string;
  /** 抄送机关, separated by ， 、 ; or spaces; empty: no 抄送 line. */
  copyTo: string;
  /** 印发机关; empty: no 版记. */
  printedBy: string;
  /** 印发日期 as written; empty: the 成文日期. */
  printedDate: string;
}

export const DEFAULT_FURNITURE_SETTINGS: DocumentFurnitureSettings = {
  issuerMark: '吉林省保障性安居工程领导小组办公室文件',
  copyTo: '',
  printedBy: '吉林省保障性安居工程领导小组办公室',
};

/**
 * The furniture of one bulletin: the settings' texts with this bulletin's 发文字号 and 成文日期 (given by the
 * issued record, or by 通报 before issue).
 */
export function documentFurniture(
  settings: Partial<DocumentFurnitureSettings> | undefined,
  bulletin: { documentNumber?: string; documentDate?: string; printedDate?: string } = {},
): DocumentFurniture {
  const s = { ...DEFAULT_FURNITURE_SETTINGS, ...(settings ?? {}) };
  return {
    issuerMark: s.issuerMark.trim(),
    copyTo: s.copyTo.trim(),
    printedBy: s.printedBy.trim(),
    documentNumber: bulletin.documentNumber?.trim() ?? '',
    documentDate: bulletin.documentDate?.trim() ?? '',
    printedDate: bulletin.printedDate?.trim() ?? '',
  };
}

/** GB/T 9704 7.4.2: 抄送：省政府办公厅，省住房和城乡建设厅。 — names separated by commas, a full stop after the last. */
export function copyToLine(copyTo: string): string | null {
  const names = copyTo
    .split(/[，,、；;\s\u3000]+/)
    .map((n) => n.replace(/[。.]+$/, ''))
    .filter((n) => n !== '');
  return names.length === 0 ? null : `抄送：${names.join('，')}。`;
}

/** GB/T 9704 7.4.3: the 印发日期 with 印发 after it (2018年10月10日印发); the 成文日期 when none is given. */
export function printedDateText(f: Pick<DocumentFurniture, 'documentDate' | 'printedDate'>): string {
  const date = f.printedDate || f.documentDate;
  return date === '' ? '' : `${date}印发`;
}
