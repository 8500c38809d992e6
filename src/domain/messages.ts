// Import issue codes and their plain-Chinese sentences, in one place: every ImportIssue is built here, so a
// code always reads the same way and always names the file, sheet and cell it is about.
import type { ImportIssue, IssueSeverity } from './types';

/** Parameters of each issue code (all strings are already formatted for display). */
export interface IssueParams {
  'file.tooLarge': { sizeMb: string; limitMb: string };
  'file.empty': Record<string, never>;
  'file.zipBomb': Record<string, never>;
  'file.notSpreadsheet': Record<string, never>;
  'file.unreadable': Record<string, never>;
  'file.encrypted': Record<string, never>;
  'file.html': Record<string, never>;
  'file.wpsEt': Record<string, never>;
  'file.workerFailed': Record<string, never>;
  'file.severalUnits': { name: string; other: string; otherSheet: string };
  'table.none': Record<string, never>;
  'table.duplicate': { table: string; otherSheet: string };
  'table.missing': { table: string };
  'table.empty': { table: string };
  /** `unknown`: the header cells not understood, as `C3“…”、D3“…”` ('' when all were). */
  'column.missing': { table: string; column: string; unknown?: string };
  'column.duplicate': { column: string; otherCell: string };
  'unit.missing': Record<string, never>;
  'unit.unknown': { name: string; suggestions: string[] };
  'unit.mismatch': { name: string; other: string };
  'unit.conflict': { column: string; unit: string; sheetUnit: string };
  'period.missing': Record<string, never>;
  'period.mismatch': { period: string; other: string; otherPlace: string };
  'date.invalid': { text: string };
  'number.text': { text: string; column: string };
  'number.negative': { text: string; column: string };
  'number.fraction': { text: string; column: string; unit: string };
  'number.tooLarge': { text: string; column: string };
  'number.unit': { text: string; column: string; unit: string };
  'number.date': { text: string; column: string };
  'number.noResult': { column: string };
  'number.percentFormat': { text: string; column: string };
  'number.implausible': { text: string; column: string; stored: string; unit: string };
  'rows.many': { table: string; count: number };
  'cell.empty': { column: string };
  'total.mismatch': { column: string; declared: string; computed: string };
  'rate.mismatch': { column: string; declared: string; computed: string };
  // The checks a table definition declares (domain/tables: atMost, sumOf; monthOf is month.aboveTotal).
  'figure.aboveOther': { column: string; value: string; limitColumn: string; limit: string };
  'sum.mismatch': { column: string; declared: string; parts: string; computed: string };
  'month.aboveTotal': { column: string; month: string; total: string; totalColumn: string };
  'issues.truncated': { count: number };
  // --- A damaged or hostile file (issue 15): refused, never read wrong, never left hanging. ---
  /** The container (zip or OLE compound file) fails its checks; `detail` from damageDetail(). */
  'file.damaged': { detail: string };
  /** The reader ran past its time budget and was stopped. */
  'file.timeout': { seconds: string };
  /** A number cell whose stored value is not a plain decimal number (0x10, 1,5, 1e400). */
  'number.stored': { text: string };
  /** More data rows than any return has: refused rather than read. */
  'table.tooManyRows': { table: string; count: number; limit: number };
  // Reader: headers by meaning, every column and block accounted for, corrections (issue 10).
  /** `missing`: the fields of the table no column was read into, as `“本月开工（套）”、“开工率（%）”`. */
  'column.unknown': { column: string; table: string; missing: string };
  'column.noHeader': { table: string; missing: string };
  /** `fields`: the fields the header fits, as `“累计已分配（套）”或“本年已分配（套）”`. */
  'column.ambiguous': { column: string; fields: string };
  /** `unknown`: its header cells not understood (`C3“…”、D3“…”`, '' when no header was seen); `missing`: its fields not found. */
  'table.unreadable': { table: string; unknown: string; missing: string };
  'correction.stale': { original: string; text: string };
  'correction.noSheet': { sheet: string };
  // ---- Annual targets read from a workbook (设置 → 年度目标 → 从文件导入), see import/read-targets.ts.
  'targets.none': Record<string, never>;
  'targets.year': { year: number; chosen: number };
  'targets.unitTwice': { name: string; otherCell: string };
}

export type IssueCode = keyof IssueParams;

type Templates = { [K in IssueCode]: (p: IssueParams[K]) => string };

const TEMPLATES: Templates = {
  'file.tooLarge': (p) =>
    `文件大小 ${p.sizeMb} MB，超过了 ${p.limitMb} MB 的上限，未读取。请只报送月报表本身。`,
  'file.empty': () => '工作簿是空的，没有任何内容。请确认选中的是填好的月报表文件。',
  'file.zipBomb': () => '工作簿解压后的大小异常（远超正常月报表），可能是恶意文件，未读取。',
  'file.notSpreadsheet': () =>
    '不是 Excel 工作簿（.xlsx、.xls）或 CSV 文件，无法读取。请导入用 Excel 或 WPS 保存的月报表（.xlsx 或 .xls）。',
  'file.unreadable': () =>
    '文件已损坏或不是 Excel 工作簿，无法读取。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。',
  'file.encrypted': () => '工作簿设置了打开密码（已加密），无法读取。请取消密码保护后另存一份再导入。',
  'file.html': () =>
    '这是网页（HTML）另存成的 .xls 文件，不是真正的 Excel 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。',
  'file.wpsEt': () =>
    '这是 WPS 表格专用格式（.et）的文件，无法直接读取。请在 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。',
  'file.workerFailed': () => '读取这个文件时读取程序意外停止，文件未导入。请重新选择这个文件再试一次。',
  'file.severalUnits': (p) =>
    `本工作表的填报单位是“${p.name}”，而工作表“${p.otherSheet}”是“${p.other}”：一个文件只能装一个单位的月报。请把各单位的月报分别保存为单独的文件再导入（按市县分行的汇总表除外）。`,
  'table.none': () =>
    '没有找到可识别的月报表（表1至表5）。请检查表头是否为月报表的标准表头，例如“年度计划（套）”“累计开工（套）”。',
  'table.duplicate': (p) =>
    `${p.table}在工作表“${p.otherSheet}”中已出现过，同一文件中不能有两张${p.table}。请删去多余的一张再导入。`,
  'table.missing': (p) => `文件中没有${p.table}，该表未导入。`,
  'table.empty': (p) => `${p.table}没有数据行，该表未导入。`,
  'column.missing': (p) =>
    `${p.table}缺少必填列“${p.column}”。${p.unknown ? `表头中未能识别的有：${p.unknown}。` : ''}请按月报模板的表头补上这一列，或核对表头文字。`,
  'column.duplicate': (p) =>
    `表头“${p.column}”与 ${p.otherCell} 单元格的表头是同一列内容，无法确定按哪一列读取。请删除多余的一列（也请检查隐藏的列）后再导入。`,
  'unit.missing': () =>
    '找不到填报单位：表头没有“填报单位：”，表中也没有“市县”列。请在表头写上“填报单位：××县”。',
  'unit.unknown': (p) =>
    `“${p.name}”不是已知的填报单位，请写成规范的单位名称（如“农安县”“长春市九台区”）。${p.suggestions.length > 0 ? `是否是：${p.suggestions.join('、')}？` : ''}`,
  'unit.mismatch': (p) =>
    `填报单位“${p.name}”与本文件其他位置的“${p.other}”不一致。一个文件只能是一个单位的月报，请核对填报单位。`,
  'unit.conflict': (p) =>
    `表头“${p.column}”的单位是“${p.unit}”，而表格上方写的是“单位：${p.sheetUnit}”，两者不一致；已按表头的“${p.unit}”读取。请核对数字是按哪个单位填写的。`,
  'period.missing': () =>
    '找不到报告期：表头没有“截止日期”，标题中也没有“2018年1-9月”这样的期间。请在表头写上“截止日期：2018年9月30日”。',
  'period.mismatch': (p) =>
    `报告期“${p.period}”与${p.otherPlace}的“${p.other}”不一致，无法确定是哪个月的月报。请核对标题中的期间和截止日期（截止日期应是统计截止的那一天，不是填报日期）。`,
  'date.invalid': (p) => `“${p.text}”不是有效的日期，请写成“2018年9月30日”。`,
  'number.text': (p) => `“${p.column}”列的“${p.text}”不是数字。请填写数字，空白、“-”或“无”表示 0。`,
  'number.negative': (p) => `“${p.column}”列的“${p.text}”是负数，月报数字不能为负，请核对。`,
  'number.fraction': (p) => `“${p.column}”列的“${p.text}”换算后不是整数${p.unit}，请核对数字和单位。`,
  'number.tooLarge': (p) => `“${p.column}”列的“${p.text}”数字过大，请核对。`,
  'number.date': (p) =>
    `“${p.column}”列的单元格是日期（${p.text}），不是数字。Excel 会把“9-30”这样的输入变成日期，请把单元格格式改为“常规”或“数值”后重新填写数字。`,
  'number.noResult': (p) =>
    `“${p.column}”列的单元格是公式，但文件中没有保存它的计算结果（文件可能由其他软件生成）。请在 Excel 或 WPS 中打开并保存一次后再导入。`,
  'number.percentFormat': (p) =>
    `“${p.column}”列的单元格设置了百分比格式，显示为“${p.text}”，无法确定填的是哪个数。请把单元格格式改为“常规”或“数值”后重新填写数字。`,
  'number.implausible': (p) =>
    `“${p.column}”列的“${p.text}”按单位“${p.unit}”换算为 ${p.stored}，数字异常大。请核对是否把套、户或元的数字填在了以万套、万元、亿元为单位的列中。`,
  'number.unit': (p) =>
    `“${p.column}”列的“${p.text}”带的单位“${p.unit}”与本列的单位不符，请按列标题的单位填写数字（不带单位）。`,
  'rows.many': (p) =>
    `${p.table}中同一单位应只有一行数据，却有 ${p.count} 行。请删去重复的行，或核对各行的市县名称。`,
  'cell.empty': (p) => `这一行填了数字，但“${p.column}”是空的，请补上。`,
  'total.mismatch': (p) =>
    `“${p.column}”的合计行为 ${p.declared}，各行之和为 ${p.computed}，两者不符；已按各行之和计算，合计行不保存。`,
  'rate.mismatch': (p) =>
    `填报的“${p.column}”为 ${p.declared}，按本表数字计算应为 ${p.computed}；以计算值为准。`,
  'figure.aboveOther': (p) => `${p.column} ${p.value} 超过了${p.limitColumn} ${p.limit}，请核对。`,
  'sum.mismatch': (p) =>
    `“${p.column}”为 ${p.declared}，而${p.parts}为 ${p.computed}，两者不符；已按各项分别保存。`,
  'month.aboveTotal': (p) => `“${p.column}”填报 ${p.month}，大于“${p.totalColumn}”的 ${p.total}，请核对。`,
  'issues.truncated': (p) => `问题太多，另有 ${p.count} 条未列出。`,
  // --- A damaged or hostile file (issue 15). ---
  'file.damaged': (p) => `文件已损坏：${p.detail}，请让报送单位重新发送。`,
  'file.timeout': (p) =>
    `读取超时（文件可能已损坏）：读取超过 ${p.seconds} 秒仍未完成，已停止读取，文件未导入。请让报送单位重新发送；若文件确实很大，可在“设置 → 本机存储”中调长读取时限后再试。`,
  'number.stored': (p) =>
    `单元格中保存的数值“${p.text}”不是有效的数字，文件可能已损坏或由其他软件写错。请让报送单位在 Excel 或 WPS 中核对这个单元格、保存后重新发送。`,
  'table.tooManyRows': (p) =>
    `${p.table}有 ${p.count} 行数据，超过了 ${p.limit} 行的上限，文件未读取。请核对是否误把其他数据粘贴进了月报表。`,
  // Reader: headers by meaning, every column and block accounted for, corrections (issue 10).
  'column.unknown': (p) =>
    `表头“${p.column}”不是${p.table}的栏目，无法确定这一列的数字是什么，文件未导入（这一列不会被略过）。${p.missing ? `本表尚未找到的栏目有：${p.missing}。` : ''}请按月报模板的表头改写这一列的表头，或删去这一列后再导入。`,
  'column.noHeader': (p) =>
    `${p.table}的这一列填有数字，但没有表头，无法确定是什么数字，文件未导入。${p.missing ? `本表尚未找到的栏目有：${p.missing}。` : ''}请为这一列写上月报模板的表头，或删去这一列后再导入。`,
  'column.ambiguous': (p) =>
    `表头“${p.column}”既可能是${p.fields}，无法确定是哪一列，文件未导入。请按月报模板的表头写明（如写明“累计”“本年”或“本月”）。`,
  'table.unreadable': (p) =>
    `这里是${p.table}，但无法按${p.table}读取：${p.unknown ? `表头中未能识别的有：${p.unknown}` : '没有找到它的表头'}${p.missing ? `；没有找到的栏目有：${p.missing}` : ''}。文件未导入，请按月报模板的表头核对这张表。`,
  'correction.stale': (p) =>
    `手工更正时这个单元格是“${p.original}”，现在文件中是“${p.text}”：文件已改动，这条更正不再适用。请重新核对这个单元格。`,
  'correction.noSheet': (p) => `手工更正所在的工作表“${p.sheet}”在文件中已不存在：文件已改动，请重新核对。`,
  // ---- Annual targets read from a workbook.
  'targets.none': () =>
    '没有找到年度目标表：需要一行表头，含“市县”列和至少一列目标（棚改年度计划（套）、本年棚改需贷款（亿元）、年度征收计划（户）、公租房本年分配任务（套）），其下每个单位一行。请按“下载年度目标模板”的格式整理后再导入。',
  'targets.year': (p) =>
    `这份目标表写的是${p.year}年，而导入的是${p.chosen}年的年度目标，文件未导入。请选择${p.year}年再导入，或核对表中的年份。`,
  'targets.unitTwice': (p) =>
    `“${p.name}”在 ${p.otherCell} 单元格已有一行目标，同一单位只能有一行，文件未导入。请删去重复的一行。`,
};

/**
 * What is wrong with a damaged file, for 文件已损坏：…. `part` is a part of the package (xl/worksheets/sheet1.xml),
 * a sheet's name or a stream of an .xls; `count` the number of parts.
 */
export type FileDamage =
  | { kind: 'truncated' }
  | { kind: 'structure' }
  | { kind: 'entries'; count: number }
  | { kind: 'path'; part: string }
  | { kind: 'duplicate'; part: string }
  | { kind: 'method'; part: string }
  | { kind: 'stream'; part: string }
  | { kind: 'size'; part: string }
  | { kind: 'crc'; part: string }
  | { kind: 'xml'; part: string }
  | { kind: 'sheet'; part: string }
  | { kind: 'cfbHeader' }
  | { kind: 'cfbChain'; part: string }
  | { kind: 'cfbDirectory' };

/** The detail of 文件已损坏：…, in the user's words. */
export function damageDetail(d: FileDamage): string {
  switch (d.kind) {
    case 'truncated':
      return '文件不完整（可能在传输或拷贝时被截断）';
    case 'structure':
      return '文件的目录记录前后不一致';
    case 'entries':
      return `文件内的部件多达 ${d.count} 个，远超正常的月报表`;
    case 'path':
      return `文件内有指向工作簿以外的路径“${d.part}”`;
    case 'duplicate':
      return `文件内有两个同名的部件“${d.part}”`;
    case 'method':
      return `部件“${d.part}”使用了不支持的压缩或加密方式`;
    case 'stream':
      return `部件“${d.part}”的压缩数据不完整或已被改动`;
    case 'size':
      return `部件“${d.part}”解压后的大小与文件记录的不符`;
    case 'crc':
      return `部件“${d.part}”的校验值不符（内容已被改动或传输出错）`;
    case 'xml':
      return `部件“${d.part}”的内容不完整或格式错误`;
    case 'sheet':
      return `工作表“${d.part}”的内容无法解析`;
    case 'cfbHeader':
      return '文件头已损坏';
    case 'cfbChain':
      return `数据流“${d.part}”的存储位置或大小记录已损坏`;
    case 'cfbDirectory':
      return '文件的目录已损坏';
  }
}

/** Where an issue is: the file, and where known the sheet and the A1 cell. */
export interface IssueLocation {
  file: string;
  sheet?: string;
  cell?: string;
}

/** 文件“a.xlsx”工作表“表1”单元格 D4 */
export function describeLocation(loc: IssueLocation): string {
  let out = `文件“${loc.file}”`;
  if (loc.sheet !== undefined) out += `工作表“${loc.sheet}”`;
  if (loc.cell !== undefined) out += `单元格 ${loc.cell}`;
  return out;
}

/** Text from a cell shown in a sentence: at most this many characters (a pasted page would bury the reason). */
const MAX_SHOWN_TEXT = 80;

/** The parameters with any long text cut to its first characters and an ellipsis. */
function clipped<T>(params: T): T {
  if (!params || typeof params !== 'object') return params;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_SHOWN_TEXT) continue;
    out ??= { ...(params as Record<string, unknown>) };
    out[key] = `${value.slice(0, MAX_SHOWN_TEXT)}…`;
  }
  return (out ?? params) as T;
}

/** The Chinese sentence of an issue, naming where it is. */
export function issueMessage<K extends IssueCode>(
  code: K,
  loc: IssueLocation,
  params: IssueParams[K],
): string {
  const reason = (TEMPLATES[code] as (p: IssueParams[K]) => string)(clipped(params));
  return `${describeLocation(loc)}：${reason}`;
}

/** Build an ImportIssue with its sentence. */
export function makeIssue<K extends IssueCode>(
  severity: IssueSeverity,
  code: K,
  loc: IssueLocation,
  params: IssueParams[K],
): ImportIssue {
  const issue: ImportIssue = { severity, code, file: loc.file, message: issueMessage(code, loc, params) };
  if (loc.sheet !== undefined) issue.sheet = loc.sheet;
  if (loc.cell !== undefined) issue.cell = loc.cell;
  return issue;
}

/** Every known code (for tests and documentation). */
export const ISSUE_CODES = Object.keys(TEMPLATES) as IssueCode[];

// ---------------------------------------------------------------------------------------------------------
// Issue 11 — 核对 (review), 表头对照 (column mapping), 手工更正/手工录入 and 问题清单 (the problem list sent back
// to the counties). Kept in their own block: sentences of these steps that are not issues found in a file.

/** What a county should do about an issue, for the problem list (问题清单); the reason says why. */
const ISSUE_ADVICE: Partial<Record<IssueCode, string>> = {
  'file.tooLarge': '只报送月报表本身（删去无关的工作表、图片），文件小于上限后重新报送。',
  'file.empty': '报送填好的月报表文件。',
  'file.zipBomb': '在 Excel 或 WPS 中重新保存月报表后再报送。',
  'file.notSpreadsheet': '报送用 Excel 或 WPS 保存的 .xlsx 或 .xls 文件。',
  'file.unreadable': '在 Excel 或 WPS 中打开，另存为 .xlsx 后再报送。',
  'file.encrypted': '取消打开密码，另存一份后再报送。',
  'file.html': '在 Excel 或 WPS 中打开，另存为 .xlsx 后再报送。',
  'file.wpsEt': '在 WPS 中“另存为”Excel 工作簿（.xlsx）后再报送。',
  'file.workerFailed': '重新导入该文件；仍不成功时另存为 .xlsx 后再报送。',
  'file.severalUnits': '把各单位的月报分别保存为单独的文件后再报送。',
  'table.none': '按月报模板的标题和表头填写（可下载空白模板）。',
  'table.duplicate': '删去多余的一张表后再报送。',
  'table.missing': '补报这张表。',
  'table.empty': '在这张表中填写数据行。',
  'column.missing': '按月报模板补上这一列，或改正表头文字。',
  'column.duplicate': '删去多余的一列（也请检查隐藏的列）。',
  'column.unknown': '按月报模板的表头改写这一列的表头，或删去这一列。',
  'column.noHeader': '为这一列写上月报模板的表头，或删去这一列。',
  'column.ambiguous': '按月报模板的表头写明这一列（如写明“累计”“本年”或“本月”）。',
  'table.unreadable': '按月报模板的表头核对这张表。',
  'correction.stale': '文件已改动，请重新核对这个单元格。',
  'correction.noSheet': '文件已改动，请重新核对。',
  'unit.missing': '在表头写上“填报单位：××县”。',
  'unit.unknown': '把填报单位写成规范的单位名称。',
  'unit.mismatch': '核对各表的填报单位，一个文件只报一个单位。',
  'unit.conflict': '核对数字按哪个单位填写，使表头与“单位”一致。',
  'period.missing': '在表头写上“截止日期：2018年9月30日”。',
  'period.mismatch': '核对标题中的期间和截止日期。',
  'date.invalid': '把日期写成“2018年9月30日”。',
  'number.text': '填写数字；空白、“-”或“无”表示 0。',
  'number.negative': '核对数字，月报数字不能为负数。',
  'number.fraction': '核对数字和单位，套、户应为整数。',
  'number.tooLarge': '核对数字。',
  'number.unit': '按列标题的单位填写数字，不带单位。',
  'number.date': '把单元格格式改为“常规”或“数值”后重新填写数字。',
  'number.noResult': '在 Excel 或 WPS 中打开并保存一次后再报送。',
  'number.percentFormat': '把单元格格式改为“常规”或“数值”后重新填写数字。',
  'number.implausible': '核对单位：套与万套、元与万元或亿元是否填错。',
  'rows.many': '删去重复的行，或核对各行的市县名称。',
  'cell.empty': '补上空着的单元格。',
  'total.mismatch': '核对合计行与各行数字。',
  'sum.mismatch': '核对合计与各分项数字。',
  'rate.mismatch': '核对填报的比率。',
  'figure.aboveOther': '核对这两个数字，前者不应大于后者。',
  'month.aboveTotal': '核对本月数和累计数。',
  'issues.truncated': '改正所列问题后重新报送，其余问题届时再列出。',
};

/** What to do about an issue (a code added later without its advice still gets a useful sentence). */
export function issueAdvice(code: IssueCode): string {
  return ISSUE_ADVICE[code] ?? '按原因核对并改正后重新报送。';
}

/** An issue's reason without the location it starts with (文件“…”工作表“…”单元格 D4：). */
export function issueReason(issue: ImportIssue): string {
  const loc: IssueLocation = { file: issue.file };
  if (issue.sheet !== undefined) loc.sheet = issue.sheet;
  if (issue.cell !== undefined) loc.cell = issue.cell;
  const prefix = `${describeLocation(loc)}：`;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

/** Parameters of the review step's sentences. */
export interface ReviewParams {
  'mapping.duplicate': { table: string; field: string; cells: string[] };
  'mapping.required': { table: string; field: string };
  'mapping.noUnit': Record<string, never>;
  'correction.noValue': Record<string, never>;
  'correction.noNote': Record<string, never>;
  'review.stillRefused': { count: number };
  'review.accepted': { fileName: string };
  'review.unchanged': Record<string, never>;
  'review.failed': Record<string, never>;
  'entry.noUnit': Record<string, never>;
  'entry.noNote': Record<string, never>;
  'entry.noTable': Record<string, never>;
  'entry.invalid': { count: number };
  'entry.saved': { name: string };
  'entry.same': { name: string };
  'entry.replaceUnconfirmed': Record<string, never>;
  'problem.byLayout': { column: string; field: string };
  'problem.byLayoutAdvice': Record<string, never>;
  'problems.none': { period: string };
  'problems.exported': { period: string; count: number; open: number; corrected: number; mapped: number };
  'refused.deleteConfirm': { fileName: string };
  'refused.deleted': { fileName: string };
  'layout.deleteConfirm': { unit: string; table: string };
  'layout.deleted': { unit: string; table: string };
  'merge.layoutConflicts': { count: number; headers: string };
  'unit.refused': { unit: string; period: string };
}

export type ReviewCode = keyof ReviewParams;

const REVIEW_TEMPLATES: { [K in ReviewCode]: (p: ReviewParams[K]) => string } = {
  'mapping.duplicate': (p) =>
    `${p.table}的“${p.field}”对应了 ${p.cells.join('、')} 共 ${p.cells.length} 列，只能有一列。请把其余的列改为“不导入此列”。`,
  'mapping.required': (p) => `${p.table}的必填列“${p.field}”还没有对应的列。请为它选择一列。`,
  'mapping.noUnit': () =>
    '本文件的填报单位未能识别，表头对照无法保存给单位。请先更正填报单位所在的单元格，或只更正单元格后导入。',
  'correction.noValue': () => '请填写更正后的值。',
  'correction.noNote': () => '请填写更正依据（如电话核实、纸质报表）。',
  'review.stillRefused': (p) => `按对照和更正重新读取后仍有 ${p.count} 个错误，文件尚不能导入，请逐一处理。`,
  'review.accepted': (p) =>
    `“${p.fileName}”已按对照和更正重新读取，没有错误。请在导入页点“确认导入”保存（对照在导入时一并保存）。`,
  'review.unchanged': () => '还没有选择列的对照，也没有更正单元格。',
  'review.failed': () => '读取这个文件时读取程序意外停止。请关闭核对后重新选择这个文件再试一次。',
  'entry.noUnit': () => '请选择填报单位。',
  'entry.noNote': () => '请填写数据来源（如电话核实、纸质报表），手工录入的数据必须注明来源。',
  'entry.noTable': () => '请至少录入一张表。',
  'entry.invalid': (p) => `有 ${p.count} 处需要改正，见各表中标出的单元格。数据未保存。`,
  'entry.saved': (p) => `已保存${p.name}的手工录入数据（可在单位页面的版本记录中查看和恢复）。`,
  'entry.same': (p) => `${p.name}已存在数字完全相同的月报，未保存新的版本。`,
  'entry.replaceUnconfirmed': () => '本期已有该单位的月报。请先核对下方列出的改动，勾选确认替换后再保存。',
  'problem.byLayout': (p) =>
    `表头“${p.column}”不是月报模板的表头，已按该单位保存的表头对照读取为“${p.field}”。`,
  'problem.byLayoutAdvice': () => '今后请按月报模板的表头填写。',
  'problems.none': (p) => `${p.period}读取过的文件没有问题，问题清单为空。`,
  'refused.deleteConfirm': (p) =>
    `删除“${p.fileName}”的未导入记录？文件本身不受影响；单位将不再显示为“已报送未导入”。`,
  'refused.deleted': (p) => `已删除“${p.fileName}”的未导入记录。`,
  'layout.deleteConfirm': (p) =>
    `删除${p.unit}${p.table}的表头对照？以后该单位的文件将不再按它读取，已导入的数据不受影响。`,
  'layout.deleted': (p) => `已删除${p.unit}${p.table}的表头对照。`,
  'unit.refused': (p) =>
    `${p.unit}已报送${p.period}的月报，但文件未通过检查、尚未导入。请在导入页重新选择该文件并“核对”，或手工录入。`,
  'merge.layoutConflicts': (p) =>
    `另有 ${p.count} 处表头对照两台电脑不同，已保留本机的对照：${p.headers}。如需改用另一台电脑的，请在“设置 → 表头对照”中删除后重新核对。`,
  'problems.exported': (p) =>
    `已导出${p.period}的问题清单，共 ${p.count} 条：待改正 ${p.open} 条，已在系统内更正 ${p.corrected} 条，已按对照读取 ${p.mapped} 条。`,
};

/** A sentence of the review step. */
export function reviewText<K extends ReviewCode>(code: K, params: ReviewParams[K]): string {
  return (REVIEW_TEMPLATES[code] as (p: ReviewParams[K]) => string)(params);
}

/** Every review code (for tests). */
export const REVIEW_CODES = Object.keys(REVIEW_TEMPLATES) as ReviewCode[];

// Notices: the sentences that are not about a cell of a file — the store, history and undo, the import plan,
// backups and merges, other tabs, the analysis. Same rule as above: every one is written here, once.

type NoParams = Record<string, never>;

export interface NoticeParams {
  // Storage (IndexedDB / Dexie), see db/errors.ts.
  'storage.quota': NoParams;
  'storage.blocked': NoParams;
  'storage.version': NoParams;
  'storage.closed': NoParams;
  'storage.open': NoParams;
  'storage.aborted': NoParams;
  'storage.constraint': NoParams;
  'storage.unknown': NoParams;
  // Other tabs, see db/tab-sync.ts.
  'tab.upgraded': NoParams;
  'tab.deleted': NoParams;
  'tab.blocked': NoParams;
  // Version history and undo, see db/history.ts.
  'history.revisionGone': NoParams;
  'history.alreadyCurrent': NoParams;
  'history.importGone': NoParams;
  'history.alreadyUndone': NoParams;
  'history.movedSince': { returns: string };
  // The import plan and its commit, see db/import-repo.ts.
  'plan.sameInBatch': { file: string; name: string };
  'plan.otherInBatch': { file: string; name: string };
  'plan.sameFile': { name: string; file: string };
  'plan.sameContent': { name: string; file: string };
  'commit.exists': NoParams;
  'commit.failed': { reason: string };
  'commit.sameStored': { name: string };
  'commit.changedSince': { name: string };
  // Merging another computer's backup, see db/merge.ts.
  'merge.changedMeanwhile': NoParams;
  // Backups, see db/backup.ts.
  'backup.undecodable': { file: string };
  'backup.notJson': { file: string };
  'backup.format': { file: string; format: string };
  'backup.badVersion': { file: string };
  'backup.newer': { file: string; version: number; supported: number };
  'backup.noData': { file: string };
  'backup.checksum': { file: string };
  'backup.shape': { file: string; problem: string };
  'backup.notEmpty': NoParams;
  // The analysis, see domain/calc/context.ts.
  'calc.cumulativeFell': {
    unit: string;
    label: string;
    from: string;
    to: string;
    before: string;
    now: string;
  };
  'calc.increaseMismatch': { unit: string; label: string; declared: string; basis: string; computed: string };
  // The demo data and other actions of the pages.
  'demo.failed': NoParams;
  'demo.fetch': { file: string };
  'export.failed': NoParams;
  'action.failed': NoParams;
  // ---- Live sync through CouchDB (issue 14), see db/sync/. -------------------------------------------------
  'sync.off': NoParams;
  'sync.expired': NoParams;
  'sync.otherTab': NoParams;
  'sync.signIn.wrong': NoParams;
  'sync.signIn.unreachable': NoParams;
  'sync.signIn.noDatabase': { database: string };
  'sync.signIn.needed': NoParams;
  'sync.signedIn': { name: string; roles: string };
  'sync.address.invalid': NoParams;
  'sync.database.invalid': NoParams;
  'sync.conflicts': { count: number };
  'sync.otherConflicts': { count: number };
  'sync.resolved': { name: string };
  'sync.stopped': NoParams;
  // ---- Stored returns checked by the reader's rules (restore, merge, sync), see domain/return-check.ts.
  /** A stored return of a backup that the reader's rules refuse: the whole file is refused. */
  'backup.record': { file: string; problem: string };
  'record.notReturn': { n: number };
  'record.unit': { n: number; unitId: string };
  'record.period': { n: number; unit: string; period: string };
  'record.cutoff': { n: number; where: string; cutoff: string };
  'record.table': { n: number; where: string; table: string; what: string };
  'record.figure': { n: number; where: string; table: string; field: string; value: string; rule: string };
  // Charts saved as pictures (issue 12, docs), see ui/svg-export.ts.
  'figure.failed': NoParams;
  'figure.empty': NoParams;
  // The input messages and error alerts of a return template's figure cells (Excel data validation).
  'template.countPrompt': { column: string; unit: string };
  'template.countError': { column: string; unit: string };
  'template.moneyPrompt': { column: string };
  'template.moneyError': { column: string };
  'template.ratePrompt': { column: string };
  'template.rateError': { column: string };
  // ---- Annual targets (年度目标) and issued bulletins (签发), see domain/calc/targets.ts, db/targets-repo.ts,
  // db/issued-repo.ts and the 通报 page.
  /** A return's plan (need, task) differs from the unit's annual target: the target is used. */
  'target.differs': {
    unit: string;
    period: string;
    table: string;
    label: string;
    returned: string;
    year: number;
    target: string;
  };
  'targets.noteRequired': NoParams;
  'issue.badDate': NoParams;
  'issue.changedMeanwhile': NoParams;
  'docNumber.template.noNumber': NoParams;
  'docNumber.number.invalid': NoParams;
  'issue.numberTaken': { docNumber: string; period: string; version: number };
  // The 通报 page: its text, its exports, 签发 and what changed since.
  'bulletin.saved': NoParams;
  'bulletin.regenerated': NoParams;
  'bulletin.restored': { time: string };
  'bulletin.exported': { what: string };
  'bulletin.exportedEdited': { what: string };
  'bulletin.exportedGenerated': { what: string };
  'bulletin.exportedIssued': { what: string; version: number };
  'bulletin.showsEdited': { time: string };
  'bulletin.showsGenerated': NoParams;
  /** The notices above the bulletin: refused files, units not reported, the period's warnings. */
  'bulletin.refusedUnits': { count: number; names: string };
  'bulletin.missingUnits': { count: number; reported: number; names: string };
  'bulletin.warnings': { count: number };
  'bulletin.showsIssued': { version: number; docNumber: string; docDate: string; time: string };
  'bulletin.regenerateConfirm': NoParams;
  'bulletin.reissuing': { version: number };
  'issue.confirm': { period: string; version: number };
  'issue.done': { period: string; version: number; docNumber: string };
  'issue.changes': { units: string; count: number };
  'issue.noChanges': NoParams;
  'issue.kept': { version: number };
  'issue.periodsIssued': { periods: string };
  'issue.dataIssued': { period: string; version: number; docNumber: string };
  'merge.issuedConflict': { period: string; version: number; local: string; incoming: string };
  // 设置 → 年度目标 and 发文字号.
  'targets.saved': { year: number; changed: number; unchanged: number };
  'targets.inputInvalid': { unit: string; label: string; text: string; unitWord: string };
  'targets.fileRead': { file: string; units: number; year: number };
  'targets.noProposal': { year: number };
  'targets.differsFromReturns': { count: number };
  'docNumber.saved': { example: string };
  'targets.explain': NoParams;
  'targets.inUse': { year: number; units: number; unreported: string };
  'targets.fileRefused': NoParams;
  'targets.fromReturns': { year: number; units: number };
  'targets.nothingToChange': NoParams;
  'docNumber.explain': NoParams;
  'docNumber.invalid': NoParams;
  // --- Imports that could not be finished (issue 15): a full store, a page closed mid-import. ---
  /** `names`: the returns not saved, as 农安县2018年1-9月、德惠市2018年1-9月. */
  'import.unsaved.quota': { count: number; names: string; saved: number };
  'import.unsaved.conflict': { count: number; names: string; saved: number };
  'import.unsaved.storage': { count: number; names: string; saved: number };
  'import.interrupted': {
    time: string;
    files: number;
    saved: number;
    savedNames: string;
    unsaved: number;
    unsavedNames: string;
  };
  // --- The limits of 导入 (issue 15): the file size and the time one file may take. ---
  'settings.limitRange': { min: number; max: number; unit: string };
  'settings.fileLimitSaved': { mb: number };
  'settings.readTimeoutSaved': { seconds: number };
}

export type NoticeCode = keyof NoticeParams;

const NOTICES: { [K in NoticeCode]: (p: NoticeParams[K]) => string } = {
  'storage.quota': () =>
    '本机存储空间已满，本次数据没有保存（已保存的数据不受影响）。请在“设置 → 本机存储”查看用量，导出备份后清理不用的数据，或释放磁盘空间后重试。',
  'storage.blocked': () =>
    '本应用已在另一个浏览器标签页中打开，数据库无法升级。请关闭其他标签页中的本应用，然后刷新本页。',
  'storage.version': () =>
    '本机数据由更新版本的本应用保存，当前页面版本较旧，无法打开。请刷新页面（或关闭后重新打开）以使用最新版本。',
  'storage.closed': () => '本机数据库已关闭（可能在另一个标签页中升级或被删除）。请刷新本页后重试。',
  'storage.open': () =>
    '无法打开本机数据库。请确认浏览器未处于无痕（隐私）模式且允许本站存储数据，然后刷新本页；若仍失败，请重启浏览器。',
  'storage.aborted': () => '保存被中断，本次没有写入任何数据。请重试；若反复出现，请刷新本页。',
  'storage.constraint': () => '要保存的记录与已有记录冲突，本次没有写入任何数据。请刷新本页后重试。',
  'storage.unknown': () =>
    '保存数据时出错，本次没有写入任何数据。请刷新本页后重试；若反复出现，请先在“设置”中导出备份，再重启浏览器。',
  'tab.upgraded': () => '应用已在另一标签页升级，请刷新本页。',
  'tab.deleted': () => '本机数据已在另一标签页清除，请刷新本页。',
  'tab.blocked': () =>
    '本应用的数据库需要升级，但另一标签页中的本应用仍在使用它。请关闭其他标签页中的本应用，然后刷新本页。',
  'history.revisionGone': () => '找不到要恢复的版本（可能已被清除），请刷新本页。',
  'history.alreadyCurrent': () => '该版本已是当前版本。',
  'history.importGone': () => '找不到这条导入记录，请刷新本页。',
  'history.alreadyUndone': () => '这次导入已经撤销过了。',
  'history.movedSince': (p) =>
    `无法撤销：以下月报在这次导入之后又有更改：${p.returns}。请先撤销之后的导入或恢复，再撤销这一次。未做任何更改。`,
  'plan.sameInBatch': (p) => `与本批文件“${p.file}”中${p.name}的报表相同，不重复导入。`,
  'plan.otherInBatch': (p) =>
    `本批文件“${p.file}”已有${p.name}的另一份报表，同一单位同一报告期只能导入一份，请只保留其中一份后重新选择。`,
  'plan.sameFile': (p) => `${p.name}的报表已从同一文件导入过（${p.file}），无需重复导入。`,
  'plan.sameContent': (p) => `${p.name}已存在内容完全相同的报表（来自“${p.file}”），无需重复导入。`,
  'commit.exists': () => '已存在，未导入。',
  'commit.failed': (p) => `未保存：${p.reason}`,
  'commit.sameStored': (p) => `${p.name}已存在相同报表。`,
  'commit.changedSince': (p) =>
    `${p.name}的数据在检查之后已被更改（可能在另一个标签页中），本文件未导入。请重新选择该文件再次检查。`,
  'merge.changedMeanwhile': () =>
    '合并期间本机数据已发生变化（可能在另一标签页中导入了月报），未做任何更改。请重新选择备份文件合并。',
  'backup.undecodable': (p) =>
    `文件“${p.file}”已损坏（压缩数据不完整或无法解压），无法恢复。请重新导出备份或换一个备份文件。`,
  'backup.notJson': (p) =>
    `文件“${p.file}”已损坏（内容不是完整的备份数据，可能被截断或改动），无法恢复。请换一个备份文件。`,
  'backup.format': (p) => `文件“${p.file}”不是本应用的备份文件（格式应为 ${p.format}），未做任何更改。`,
  'backup.badVersion': (p) => `文件“${p.file}”的备份版本号无效，未做任何更改。`,
  'backup.newer': (p) =>
    `文件“${p.file}”由更新版本的本应用导出（备份版本 ${p.version}，本应用只能读取到版本 ${p.supported}），请先更新本应用再恢复。未做任何更改。`,
  'backup.noData': (p) => `文件“${p.file}”缺少数据或校验值，无法恢复。未做任何更改。`,
  'backup.checksum': (p) =>
    `文件“${p.file}”校验失败（内容与校验值不符，文件可能已损坏或被改动），无法恢复。未做任何更改。`,
  'backup.shape': (p) => `文件“${p.file}”内容不完整：${p.problem}。未做任何更改。`,
  'backup.notEmpty': () =>
    '本机已有数据，不能直接恢复（以免覆盖）。请改用“合并其他电脑的备份”，或先清空本机数据再恢复。',
  'calc.cumulativeFell': (p) =>
    `${p.unit}${p.label}从${p.from}的${p.before}降到${p.to}的${p.now}：累计数不应减少，两期报表之一可能有误。`,
  'calc.increaseMismatch': (p) => `${p.unit}${p.label}本月填报${p.declared}，按${p.basis}应为${p.computed}。`,
  'demo.failed': () => '示例数据载入失败，未保存任何内容。请刷新本页后重试。',
  'action.failed': () => '操作没有完成，本机数据未作更改。请刷新本页后重试。',
  'demo.fetch': (p) =>
    `示例文件“${p.file}”无法载入，示例数据未保存。请刷新本页后重试（离线时请先联网打开一次本应用）。`,
  'export.failed': () =>
    '文件没有生成（导出时出错），本机数据不受影响。请重试；若反复出现，请刷新本页或在“设置”中导出备份后重启浏览器。',
  // ---- Live sync through CouchDB (issue 14). ------------------------------------------------------------
  'sync.off': () => '同步未开启：数据只保存在本机，不向任何服务器发送。',
  'sync.expired': () => '登录已过期，请重新登录。本机照常使用，登录后自动补传。',
  'sync.otherTab': () => '本应用的另一个标签页正在同步本机数据。',
  'sync.signIn.wrong': () => '用户名或密码不正确，未登录。',
  'sync.signIn.unreachable': () =>
    '无法连接同步服务器，请检查服务器地址和网络。未联网时本机照常使用，联网后自动同步。',
  'sync.signIn.noDatabase': (p) =>
    `服务器上没有数据库“${p.database}”，或本账号无权使用它。请服务器管理员运行 npm run sync:setup 并为本账号设置角色。`,
  'sync.signIn.needed': () => '请先登录同步服务器。',
  'sync.signedIn': (p) => `已登录：${p.name}（${p.roles}）。`,
  'sync.address.invalid': () =>
    '服务器地址应为本站路径（如 /couchdb）或完整网址（如 https://sync.example.gov.cn/couchdb）。',
  'sync.database.invalid': () => '数据库名称只能用小写字母开头，由小写字母、数字和 _ - 组成（如 anju）。',
  'sync.conflicts': (p) =>
    `${p.count} 份月报在两台电脑上选择了不同的当前版本，请逐一选择采用哪一份（两份都保留为版本记录）。`,
  'sync.otherConflicts': (p) =>
    `另有 ${p.count} 条记录（年度目标、表头对照或全省设置）在两台电脑上改得不同，本机保留自己的版本，未作更改。`,
  'sync.resolved': (p) => `已采用所选的${p.name}月报，并通知其他电脑。`,
  'sync.stopped': () => '已停止同步。本机数据保持不变。',
  // ---- Stored returns checked by the reader's rules.
  'backup.record': (p) => `文件“${p.file}”无法恢复：${p.problem}未做任何更改。`,
  'record.notReturn': (p) => `第 ${p.n} 个月报版本不是完整的月报记录。`,
  'record.unit': (p) => `第 ${p.n} 个月报版本的单位代码“${p.unitId}”不在单位名录中。`,
  'record.period': (p) => `第 ${p.n} 个月报版本（${p.unit}）的报告期“${p.period}”无效。`,
  'record.cutoff': (p) => `第 ${p.n} 个月报版本（${p.where}）的截止日期“${p.cutoff}”无效或不在该报告期内。`,
  'record.table': (p) => `第 ${p.n} 个月报版本（${p.where}）的${p.table}${p.what}。`,
  'record.figure': (p) =>
    `第 ${p.n} 个月报版本（${p.where}）${p.table}“${p.field}”的值“${p.value}”无效：${p.rule}。`,
  // Charts saved as pictures (issue 12, docs).
  'figure.failed': () => '图片没有生成（浏览器无法绘制此图）。请刷新本页后重试，或改用“下载CSV”取得数据。',
  'figure.empty': () => '此图没有可保存的内容（本期没有可绘制的数据）。',
  'template.countPrompt': (p) => `请填写${p.column}：不小于0的整数，单位为${p.unit}；没有的填0或留空。`,
  'template.countError': (p) =>
    `“${p.column}”只能填写不小于0的整数（单位：${p.unit}），不要带小数、单位或文字。`,
  'template.moneyPrompt': (p) =>
    `请填写${p.column}：以亿元为单位，最多两位小数（如12.50）；没有的填0或留空。`,
  'template.moneyError': (p) =>
    `“${p.column}”只能填写不小于0、最多两位小数的数字（单位：亿元），不要带单位或文字。`,
  'template.ratePrompt': (p) =>
    `请填写${p.column}：百分比的数值，最多两位小数（如86.02表示86.02%）；也可留空，由系统按本表数字计算。`,
  'template.rateError': (p) =>
    `“${p.column}”只能填写不小于0、最多两位小数的数字（如86.02），不要带百分号或文字。`,
  // ---- Annual targets and issued bulletins.
  'target.differs': (p) =>
    `${p.unit}${p.period}${p.table}填报的${p.label}为${p.returned}，与${p.year}年年度目标（目标责任书）的${p.target}不一致，已按年度目标计算。如目标已调整，请到“设置 → 年度目标”更新。`,
  'targets.noteRequired': () => '手工填写的年度目标须写明依据（如“据2018年目标责任书”），未保存。',
  'issue.badDate': () => '成文日期无效，请选择一个日期后再签发。未签发。',
  'issue.changedMeanwhile': () =>
    '签发前本期数据已有变化（可能在另一个标签页中导入或更正了月报），未签发。请核对页面上更新后的通报，再签发。',
  'docNumber.template.noNumber': () =>
    '发文字号的格式中没有序号的位置 {number}，未签发。请到“设置 → 发文字号”修改格式，如“吉安居办〔{year}〕{number}号”。',
  'docNumber.number.invalid': () => '发文字号的序号应为 1 至 99999 的整数，未签发。',
  'issue.numberTaken': (p) =>
    `发文字号“${p.docNumber}”已用于${p.period}通报（第${p.version}版），一个字号只能用于一份通报，未签发。请改用其他序号。`,
  'bulletin.saved': () => '修改已保存。',
  'bulletin.regenerated': () => '已按当前数据重新生成通报，之前的修改保留在历史版本中。',
  'bulletin.restored': (p) => `已恢复 ${p.time} 的版本，正文现在显示该版本的文字。`,
  'bulletin.exported': (p) => `${p.what}：文件已生成，请查看浏览器的下载。`,
  'bulletin.exportedEdited': (p) => `${p.what}：文件已生成（正文为修改后的文字），请查看浏览器的下载。`,
  'bulletin.exportedGenerated': (p) =>
    `${p.what}：文件已生成（正文为按本期数据自动生成的文字），请查看浏览器的下载。`,
  'bulletin.exportedIssued': (p) =>
    `${p.what}：文件已生成（已签发的第${p.version}版，正文和附件与签发时相同），请查看浏览器的下载。`,
  'bulletin.showsEdited': (p) => `当前显示的是修改后的文字（保存于 ${p.time}），数据变化不会自动更新正文。`,
  'bulletin.showsGenerated': () => '当前显示的是按本期数据自动生成的文字。',
  'bulletin.refusedUnits': (p) =>
    `以下 ${p.count} 个单位已报送月报但文件未通过检查、尚未导入（可在导入页“核对”后导入），全省数字暂不含这些单位：${p.names}。`,
  'bulletin.missingUnits': (p) =>
    `以下 ${p.count} 个单位本期尚未报送，全省数字为已报送的 ${p.reported} 个单位的合计（自动生成的通报正文已写明）：${p.names}。`,
  'bulletin.warnings': (p) => `本期数据有 ${p.count} 条核对提示（如本月数与累计数不一致），请到数据页查看。`,
  'bulletin.showsIssued': (p) =>
    `当前显示的是已签发的第${p.version}版（${p.docNumber}，成文日期${p.docDate}，签发于 ${p.time}）。本期已锁定：之后导入或更正的月报作为签发后更改保存并在下方列出，已签发的通报不会改变。`,
  'bulletin.regenerateConfirm': () =>
    '重新生成将按当前数据和阈值重写通报文字。您修改过的文字会保留在“历史版本”中，可以随时找回。确定重新生成吗？',
  'bulletin.reissuing': (p) =>
    `正在准备重新签发：下面是按当前数据生成（或修改后）的通报，可先修改文字，核对无误后点“签发第${p.version}版…”。已签发的各版保持不变。`,
  'issue.confirm': (p) =>
    `签发后，${p.period}通报第${p.version}版的正文、五个附件的全部数字、所依据的月报、成文日期和发文字号将保存下来，不再改动。本期随即锁定：之后导入或更正的月报作为签发后更改列出，需要时可重新签发为新的一版。确定签发吗？`,
  'issue.done': (p) =>
    `已签发${p.period}通报第${p.version}版，发文字号${p.docNumber}。可导出 Word 文件印发；之后的更改将作为签发后更改列出。`,
  'issue.changes': (p) =>
    `签发后更改：${p.units}的月报在签发后有更改，与签发时的附件相比共有 ${p.count} 处不同（逐单位列在下表）。可按当前数据重新签发为新的一版，或保留已签发的版本。`,
  'issue.noChanges': () => '签发以来本期数据没有变化，附件数字与签发时相同。',
  'issue.kept': (p) => `已确认保留第${p.version}版，签发后更改仍列在下表，可随时重新签发。`,
  'merge.issuedConflict': (p) =>
    `两台电脑都签发了${p.period}通报第${p.version}版，但内容不同：本机为${p.local}，备份中为${p.incoming}。已签发的通报不会被改写：本机保留自己的这一版，备份中的这一版不合并。请与另一台电脑核对，需要时在通报页重新签发。`,
  'issue.dataIssued': (p) =>
    `${p.period}通报已签发（第${p.version}版，${p.docNumber}）。下表是当前数据；与签发时不同之处逐单位列在下面。`,
  'issue.periodsIssued': (p) =>
    `以下报告期的通报已签发：${p.periods}。导入这些报告期的月报会作为签发后更改保存，已签发的通报不会改变；通报和数据页将逐单位列出与签发时的差异。`,
  'targets.saved': (p) =>
    `${p.year}年年度目标已保存：${p.changed} 个单位有更改${p.unchanged > 0 ? `，${p.unchanged} 个单位与原目标相同` : ''}。原来的目标保留在各单位的更改记录中。`,
  'targets.inputInvalid': (p) =>
    `${p.unit}的“${p.label}”填的是“${p.text}”，不是以${p.unitWord}为单位的数字（不能为负数，套、户须为整数），未保存。`,
  'targets.fileRead': (p) =>
    `已读取“${p.file}”：${p.units} 个单位的${p.year}年年度目标，请核对下表后确认导入。`,
  'targets.noProposal': (p) =>
    `本机没有${p.year}年的月报，无法取自本年首期月报。请先导入月报，或手工填写、从文件导入。`,
  'targets.differsFromReturns': (p) =>
    `本期有 ${p.count} 个单位月报中的计划（任务）数与年度目标不一致，计算按年度目标；如目标已调整，请在下表更新。`,
  'docNumber.saved': (p) => `发文字号设置已保存，下一份通报的发文字号为“${p.example}”。`,
  'targets.inUse': (p) =>
    `年度计划、本年需贷款、征收计划和分配任务按${p.year}年年度目标计算（${p.units} 个单位设有目标，其余按月报）。${p.unreported ? `未上报的${p.unreported}的年度目标已计入合计的计划数，完成数不含这些单位。` : ''}`,
  'targets.explain': () =>
    '年度目标是省政府与各地签订的保障性安居工程目标责任书中的年度任务。设置后，全省合计、开工率和通报中的年度计划、本年需贷款、征收计划和分配任务都按目标计算（未报送月报的单位也计入计划）；月报中的数字与目标不一致时，数据页会提醒，并以目标为准。没有设置目标的单位，仍按月报中的数字计算。',
  'targets.fileRefused': () =>
    '目标文件未导入（一个目标也没有保存），原因如下。请按提示修改文件后重新导入，或使用“下载年度目标表”的格式。',
  'targets.fromReturns': (p) =>
    `已从本机${p.year}年的月报中为 ${p.units} 个单位找到首期月报的计划（任务）数，请核对下表后确认；首期月报没有填的目标保持不变。`,
  'targets.nothingToChange': () => '与已有的年度目标完全相同，没有需要更改的目标。',
  'docNumber.explain': () =>
    '签发通报时，发文字号按这里的格式生成：{year} 为成文日期的年份，{number} 为当年的序号。每签发一份通报，序号自动加一；签发时也可改用其他序号，同一字号不能用于两份通报。',
  'docNumber.invalid': () => '发文字号格式须含 {number}，下一个序号须为 1 至 99999 的整数，未保存。',
  // --- Imports that could not be finished (issue 15). ---
  // One sentence for a batch written in part: which returns were not saved, why, and that the rest are whole.
  'import.unsaved.quota': (p) =>
    `${p.count} 份没有保存（${p.names}），原因：本机存储空间已满；已保存的 ${p.saved} 份完整无缺。请在“设置 → 本机存储”查看用量，导出备份后清理不用的数据（或释放磁盘空间），再重新选择没有保存的文件导入。`,
  'import.unsaved.conflict': (p) =>
    `${p.count} 份没有保存（${p.names}），原因：这些月报在检查之后已在另一个标签页中更改；已保存的 ${p.saved} 份完整无缺。请重新选择没有保存的文件再次检查。`,
  'import.unsaved.storage': (p) =>
    `${p.count} 份没有保存（${p.names}），原因：保存时出错；已保存的 ${p.saved} 份完整无缺。请刷新本页后重新选择没有保存的文件导入。`,
  'import.interrupted': (p) =>
    `上次的导入（${p.time}，${p.files} 个文件）没有完成：页面或浏览器在保存途中关闭了。已保存 ${p.saved} 份${p.saved > 0 ? `（${p.savedNames}）` : ''}，完整无缺；没有保存 ${p.unsaved} 份${p.unsaved > 0 ? `（${p.unsavedNames}）` : ''}，请重新选择这些文件导入。`,
  // --- The limits of 导入 (issue 15). ---
  'settings.limitRange': (p) => `请填写 ${p.min} 到 ${p.max} 之间的数字（单位${p.unit}）。`,
  'settings.fileLimitSaved': (p) => `已保存：大于 ${p.mb} MB 的文件将不读取，直接拒绝。`,
  'settings.readTimeoutSaved': (p) =>
    `已保存：一个文件读取超过 ${p.seconds} 秒仍未完成时，将停止读取并拒绝这个文件（读取超时）。`,
};

type NoticeArgs<K extends NoticeCode> = NoticeParams[K] extends NoParams ? [] : [NoticeParams[K]];

/** The Chinese sentence of a notice. */
export function notice<K extends NoticeCode>(code: K, ...args: NoticeArgs<K>): string {
  const params = (args[0] ?? {}) as NoticeParams[K];
  return (NOTICES[code] as (p: NoticeParams[K]) => string)(params);
}

/** Every notice code (for tests). */
export const NOTICE_CODES = Object.keys(NOTICES) as NoticeCode[];

// ---------------------------------------------------------------------------------------------------------
// 概览 (overview): the words of its attention list, its map's colour classes and its comparisons. Phrases,
// not sentences (they stand in lists, legends and table cells), written here once like every other text.

export interface OverviewTextParams {
  // Why a unit needs attention, with its figure and the threshold it is against.
  'attention.startBelow': { rate: string; line: number };
  'attention.needNoCredit': { need: string };
  'attention.expropriationBehind': { rate: string; line: number };
  'attention.carryOverMany': { count: number; line: number };
  'attention.allocationLow': { rate: string; line: number };
  'attention.yearZero': { task: string };
  'attention.rateFell': { rate: string; lastYear: string };
  'attention.missing': NoParams;
  'attention.unresolved': { files: string };
  'attention.noneListed': NoParams;
  'attention.caption': { count: number };
  'attention.missingTitle': { count: number };
  'attention.unresolvedTitle': { count: number };
  // The map's colour classes (legend and tile labels), per measure.
  'map.start.reached': { target: number };
  'map.start.lagging': { warning: number; target: number };
  'map.start.below': { warning: number };
  'map.start.none': NoParams;
  'map.expropriation.ahead': { ahead: number };
  'map.expropriation.middle': { behind: number; ahead: number };
  'map.expropriation.behind': { behind: number };
  'map.expropriation.none': NoParams;
  'map.carryOver.many': { many: number };
  'map.carryOver.some': { below: number };
  'map.carryOver.zero': NoParams;
  'map.allocation.target': { target: number };
  'map.allocation.middle': { low: number; target: number };
  'map.allocation.low': { low: number };
  'map.allocation.none': NoParams;
  'map.loan.disbursed': NoParams;
  'map.loan.creditOnly': NoParams;
  'map.loan.needNoCredit': NoParams;
  'map.loan.none': NoParams;
  'map.missing': NoParams;
  'map.hint': NoParams;
  // Comparisons.
  'month.caption': { period: string; cumulative: string; stock: string };
  'change.none': NoParams;
  'change.dashNote': NoParams;
  'change.january': NoParams;
  'change.unitsDiffer': { now: number; before: number };
}

export type OverviewTextCode = keyof OverviewTextParams;

const OVERVIEW_TEXTS: { [K in OverviewTextCode]: (p: OverviewTextParams[K]) => string } = {
  'attention.startBelow': (p) => `开工率${p.rate}，低于预警线${p.line}%`,
  'attention.needNoCredit': (p) => `本年需贷款${p.need}，未取得授信`,
  'attention.expropriationBehind': (p) => `征收完成率${p.rate}，低于${p.line}%（进度缓慢）`,
  'attention.carryOverMany': (p) => `未完成拆迁结转项目${p.count}个（${p.line}个及以上）`,
  'attention.allocationLow': (p) => `公租房分配率${p.rate}，低于${p.line}%`,
  'attention.yearZero': (p) => `本年分配任务${p.task}，已分配为零`,
  'attention.rateFell': (p) => `公租房分配率${p.rate}，低于上年同期的${p.lastYear}`,
  'attention.missing': () => '本期月报尚未上报',
  'attention.unresolved': (p) => `有未处理的月报文件（${p.files}）`,
  'attention.noneListed': () => '本期没有单位列入预警名单。',
  'attention.caption': (p) =>
    `列入任一预警名单的 ${p.count} 个单位（开工率低于预警线、有贷款需求未取得授信、征收进度缓慢、结转项目较多、公租房分配率偏低、本年分配为零、分配率较上年同期下降）`,
  'attention.missingTitle': (p) => `本期尚未上报的单位（${p.count} 个）：`,
  'attention.unresolvedTitle': (p) => `有月报文件被拒收、尚未处理的单位（${p.count} 个，请到“导入”页处理）：`,
  'map.start.reached': (p) => `开工率达到${p.target}%`,
  'map.start.lagging': (p) => `开工率${p.warning}%至${p.target}%（滞后）`,
  'map.start.below': (p) => `开工率低于预警线${p.warning}%`,
  'map.start.none': () => '无年度计划',
  'map.expropriation.ahead': (p) => `征收完成率达到${p.ahead}%（进展较快）`,
  'map.expropriation.middle': (p) => `征收完成率${p.behind}%至${p.ahead}%`,
  'map.expropriation.behind': (p) => `征收完成率低于${p.behind}%（进度缓慢）`,
  'map.expropriation.none': () => '无年度征收计划',
  'map.carryOver.many': (p) => `结转项目${p.many}个及以上（较多）`,
  'map.carryOver.some': (p) => `结转项目少于${p.below}个`,
  'map.carryOver.zero': () => '无未完成结转项目',
  'map.allocation.target': (p) => `公租房分配率达到${p.target}%`,
  'map.allocation.middle': (p) => `公租房分配率${p.low}%至${p.target}%`,
  'map.allocation.low': (p) => `公租房分配率低于${p.low}%`,
  'map.allocation.none': () => '无筹集房源',
  'map.loan.disbursed': () => '本年已发放贷款',
  'map.loan.creditOnly': () => '已取得授信，尚未发放',
  'map.loan.needNoCredit': () => '有贷款需求，未取得授信',
  'map.loan.none': () => '无贷款需求，无授信',
  'map.missing': () => '本期未报此表',
  'map.hint': () =>
    '将鼠标移到一个单位上，或用键盘逐个选中，这里显示它的各项指标；点击或按回车键打开该单位的页面。',
  'month.caption': (p) =>
    `${p.period}与上期的主要指标：累计数与本年上月（${p.cumulative}）相比，公租房分配率和结转项目与上月（${p.stock}）相比`,
  'change.none': () => '无可比数据',
  'change.dashNote': () =>
    '“—”表示无法比较：对比的月份没有存储数据，或1月的累计数没有上月可比（每年从零累计）。较上月、较上年同期均为与已存储月报的全省合计之差。',
  'change.january': () => '1月无上月可比（每年从零累计）',
  'change.unitsDiffer': (p) => `两期上报单位数不同（本期${p.now}个，对比期${p.before}个）`,
};

type OverviewTextArgs<K extends OverviewTextCode> = OverviewTextParams[K] extends NoParams
  ? []
  : [OverviewTextParams[K]];

/** The Chinese words of an overview code. */
export function overviewText<K extends OverviewTextCode>(code: K, ...args: OverviewTextArgs<K>): string {
  const params = (args[0] ?? {}) as OverviewTextParams[K];
  return (OVERVIEW_TEXTS[code] as (p: OverviewTextParams[K]) => string)(params);
}

/** Every overview code (for tests). */
export const OVERVIEW_TEXT_CODES = Object.keys(OVERVIEW_TEXTS) as OverviewTextCode[];

// ---- Live sync (issue 14): phrases, not sentences — the state in words and the server's reasons for refusing.

export interface SyncPhraseParams {
  'sync.starting': NoParams;
  'sync.synced': { time: string };
  'sync.syncing': { count: number };
  'sync.offline': { count: number };
  'sync.refused': { reason: string };
  'sync.reason.role': { what: string };
  'sync.reason.negative': { field: string };
  'sync.reason.fraction': { field: string };
  'sync.reason.number': { field: string };
  'sync.reason.missing': { field: string };
  'sync.reason.unit': { unit: string };
  'sync.reason.period': { period: string };
  'sync.reason.type': { what: string };
  'sync.reason.malformed': { what: string };
  'sync.reason.immutable': NoParams;
  'sync.reason.other': { text: string };
}

export type SyncPhraseCode = keyof SyncPhraseParams;

const SYNC_PHRASES: { [K in SyncPhraseCode]: (p: SyncPhraseParams[K]) => string } = {
  'sync.starting': () => '正在连接同步服务器…',
  'sync.synced': (p) => `已同步（${p.time}）`,
  'sync.syncing': (p) => `正在同步 ${p.count} 条`,
  'sync.offline': (p) => `离线，待上传 ${p.count} 条`,
  'sync.refused': (p) => `服务器拒绝（${p.reason}）`,
  'sync.reason.role': (p) => `本账号的角色不能上传${p.what}`,
  'sync.reason.negative': (p) => `${p.field}为负数`,
  'sync.reason.fraction': (p) => `${p.field}不是整数`,
  'sync.reason.number': (p) => `${p.field}不是数字`,
  'sync.reason.missing': (p) => `缺少${p.field}`,
  'sync.reason.unit': (p) => `单位“${p.unit}”不在全省单位名单中`,
  'sync.reason.period': (p) => `报告期“${p.period}”无效`,
  'sync.reason.type': (p) => `记录类型“${p.what}”无效`,
  'sync.reason.malformed': (p) => `记录格式有误：${p.what}`,
  'sync.reason.immutable': () => '已保存的月报版本和已签发的通报不能修改',
  'sync.reason.other': (p) => p.text,
};

type PhraseArgs<K extends SyncPhraseCode> = SyncPhraseParams[K] extends NoParams ? [] : [SyncPhraseParams[K]];

/** A sync phrase: the state (已同步（10:05）, 离线，待上传 3 条) or a reason the server gave. */
export function syncPhrase<K extends SyncPhraseCode>(code: K, ...args: PhraseArgs<K>): string {
  const params = (args[0] ?? {}) as SyncPhraseParams[K];
  return (SYNC_PHRASES[code] as (p: SyncPhraseParams[K]) => string)(params);
}

export const SYNC_PHRASE_CODES = Object.keys(SYNC_PHRASES) as SyncPhraseCode[];
