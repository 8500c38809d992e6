// Issuing a bulletin (签发): the 发文字号 from its template and running number, the 成文日期, and the differences
// between the attachments as issued and as the current data gives them, row by row and figure by figure.
// Pure: the issued record itself is kept by db/issued-repo, never changed once written.
import type { TableKey } from '../types';
import { type AttachmentModel, type CellValue, cellText, type HeaderCell } from './attachments';
import { type BulletinParagraph, chineseDateOfIso } from './generate';

// ---- 发文字号 -------------------------------------------------------------------------------------------

/** Setting key of the 发文字号 template and its running numbers. */
export const DOC_NUMBER_KEY = 'docNumber';

export interface DocNumberSettings {
  /** 吉安居办〔{year}〕{number}号: {year} is the 成文日期's year, {number} the running number. */
  template: string;
  /** The next running number of each year (a year not listed starts at 1). */
  next: Record<string, number>;
}

export const DEFAULT_DOC_NUMBER: DocNumberSettings = {
  template: '吉安居办〔{year}〕{number}号',
  next: {},
};

/** Stored settings may lack a part: the defaults fill it. */
export function withDefaultDocNumber(stored: Partial<DocNumberSettings> | undefined): DocNumberSettings {
  return { template: stored?.template || DEFAULT_DOC_NUMBER.template, next: { ...(stored?.next ?? {}) } };
}

/** The next running number for a year. */
export function nextDocNumber(settings: DocNumberSettings, year: number): number {
  const n = settings.next[String(year)];
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

/** 吉安居办〔2018〕12号 */
export function formatDocNumber(template: string, year: number, number: number): string {
  return template.replaceAll('{year}', String(year)).replaceAll('{number}', String(number));
}

export type DocNumberProblem = 'template.noNumber' | 'number.invalid';

/** What is wrong with a template or a running number, or null. A template must hold {number}. */
export function docNumberProblem(template: string, number: number): DocNumberProblem | null {
  if (!template.includes('{number}')) return 'template.noNumber';
  if (!Number.isInteger(number) || number < 1 || number > 99_999) return 'number.invalid';
  return null;
}

/** After issuing number `used` in `year`, the running number goes on from the higher of it and the stored one. */
export function advanceDocNumber(settings: DocNumberSettings, year: number, used: number): DocNumberSettings {
  const next = Math.max(nextDocNumber(settings, year), used + 1);
  return { ...settings, next: { ...settings.next, [String(year)]: next } };
}

// ---- 成文日期 -------------------------------------------------------------------------------------------

/** The day of generating as an ISO date, in local time (the 成文日期's default). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar day written YYYY-MM-DD (2018-02-30 is none). */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() + 1 === Number(m[2]) &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The paragraphs with their date line set to the 成文日期 (added after the issuer when the text has none). */
export function withDocDate(paragraphs: readonly BulletinParagraph[], docDate: string): BulletinParagraph[] {
  const date: BulletinParagraph = { kind: 'date', text: chineseDateOfIso(docDate) };
  if (paragraphs.some((p) => p.kind === 'date')) return paragraphs.map((p) => (p.kind === 'date' ? date : p));
  const issuer = paragraphs.findIndex((p) => p.kind === 'issuer');
  const out = [...paragraphs];
  out.splice(issuer < 0 ? out.length : issuer + 1, 0, date);
  return out;
}

// ---- differences after issue ------------------------------------------------------------------------------

export type DifferenceKind = 'changed' | 'added' | 'removed';

/** One figure (or one row) that differs between the issued attachments and the current ones. */
export interface IssuedDifference {
  table: TableKey;
  /** 附件1 */
  attachment: string;
  /** The unit (or 全市 subtotal, 全省合计) the row belongs to: the differences are shown unit by unit. */
  unit: string;
  /** The row within the unit: empty for a unit's own row, the project's name in 附件4. */
  item: string;
  kind: DifferenceKind;
  /** The column's header (年度计划（套）, 授信（审批）额度 国开行); empty for a whole row added or removed. */
  column: string;
  issued: string;
  current: string;
}

/** Each column's header as one label: a sub-header under its group (贷款授信 国开行). */
function columnLabels(model: AttachmentModel): string[] {
  const labels: string[] = Array.from({ length: model.columns.length }, () => '');
  model.headerRows.forEach((row: HeaderCell[]) => {
    for (const cell of row) {
      for (let c = cell.col; c < cell.col + cell.colSpan && c < labels.length; c++) {
        labels[c] = labels[c] ? `${labels[c]} ${cell.text}` : cell.text;
      }
    }
  });
  return labels;
}

const textOf = (cell: CellValue | undefined): string => (cell === undefined ? '' : cellText(cell));

/** The cells that name a row: its name, and in 附件4 the project too (a unit lists several projects). */
function keyColumns(model: AttachmentModel): number[] {
  return model.key === 'carryOver' ? [1, 2] : [1];
}

interface KeyedRow {
  unit: string;
  item: string;
  cells: CellValue[];
}

function keyedRows(model: AttachmentModel): Map<string, KeyedRow> {
  const keys = keyColumns(model);
  const out = new Map<string, KeyedRow>();
  for (const row of model.rows) {
    const unit = textOf(row.cells[1]);
    // A subtotal row of 附件4 carries the group's count where a project's name would be: its own row.
    const item = keys.length > 1 && row.role === 'unit' ? textOf(row.cells[2]) : '';
    let key = `${unit}\u0000${item}`;
    // Two projects of one unit with the same name: told apart by their order.
    for (let n = 2; out.has(key); n++) key = `${unit}\u0000${item}\u0000${n}`;
    out.set(key, { unit, item, cells: row.cells });
  }
  return out;
}

/**
 * The differences between attachments as issued and as computed now (built in the same row order), unit by
 * unit: figures that changed, rows that appeared (a unit reported after the bulletin was issued) or went. The
 * sequence numbers are no figures and are not compared.
 */
export function diffAttachments(
  issued: readonly AttachmentModel[],
  current: readonly AttachmentModel[],
): IssuedDifference[] {
  const out: IssuedDifference[] = [];
  for (const before of issued) {
    const after = current.find((m) => m.key === before.key);
    if (!after) continue;
    const labels = columnLabels(after);
    const skipped = new Set([0, ...keyColumns(after)]);
    const beforeRows = keyedRows(before);
    const afterRows = keyedRows(after);
    const base = { table: before.key, attachment: before.label };
    for (const [key, row] of beforeRows) {
      const now = afterRows.get(key);
      if (!now) {
        out.push({
          ...base,
          unit: row.unit,
          item: row.item,
          kind: 'removed',
          column: '',
          issued: '有',
          current: '无',
        });
        continue;
      }
      labels.forEach((label, c) => {
        if (skipped.has(c)) return;
        const a = textOf(row.cells[c]);
        const b = textOf(now.cells[c]);
        if (a !== b)
          out.push({
            ...base,
            unit: row.unit,
            item: row.item,
            kind: 'changed',
            column: label,
            issued: a,
            current: b,
          });
      });
    }
    for (const [key, row] of afterRows) {
      if (beforeRows.has(key)) continue;
      out.push({
        ...base,
        unit: row.unit,
        item: row.item,
        kind: 'added',
        column: '',
        issued: '无',
        current: '有',
      });
    }
  }
  return out;
}

/** The differences grouped by unit, units in the order they first appear (attachment order, then row order). */
export function differencesByUnit(
  diffs: readonly IssuedDifference[],
): { unit: string; diffs: IssuedDifference[] }[] {
  const groups = new Map<string, IssuedDifference[]>();
  for (const d of diffs) {
    const list = groups.get(d.unit) ?? [];
    list.push(d);
    groups.set(d.unit, list);
  }
  return [...groups].map(([unit, list]) => ({ unit, diffs: list }));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a stored issued bulletin (a backup's, another computer's), as a phrase for the refusal, or
 * null: its id is its period and version, its date a real day, its sources and attachments lists.
 */
export function issuedRecordProblem(value: unknown): string | null {
  if (!isRecord(value)) return '不是一条记录';
  const { id, period, version } = value;
  if (typeof period !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return '的报告期无效';
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return '的版本号无效';
  if (id !== `${period}#${version}`) return '的编号与报告期、版本不符';
  if (typeof value.docNumber !== 'string' || typeof value.text !== 'string') return '不完整';
  if (typeof value.docDate !== 'string' || !isIsoDay(value.docDate)) return '的成文日期无效';
  if (typeof value.issuedAt !== 'number') return '不完整';
  const sources = value.sources;
  if (
    !Array.isArray(sources) ||
    !sources.every(
      (s) =>
        isRecord(s) &&
        typeof s.unitId === 'string' &&
        typeof s.period === 'string' &&
        typeof s.contentHash === 'string',
    )
  ) {
    return '的来源月报列表无效';
  }
  if (!Array.isArray(value.attachments)) return '的附件无效';
  return null;
}
