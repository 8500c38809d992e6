// The bulletin (通报) for a period: the 一、进展情况 sentences written from the computed analysis (every figure
// and list comes from calc), framed by the user's fixed texts, with the attachments' titles.
// Units that have not reported are named in the published text itself (the first paragraph of 一、进展情况),
// so a reader of the Word file knows the province figures are the reporting units' sum, not silently smaller.
import type {
  LoanAmounts,
  MonthIncrease,
  PeriodAnalysis,
  Rate,
  RowIdentity,
  Section,
  StartRow,
} from '../calc/types';
import { cutoffMonthDay, defaultCutoff, periodLabel, periodParts } from '../period';
import type { BulletinTextSettings } from '../settings';
import { TABLES } from '../tables';
import type { UnitId } from '../types';
import { defaultRegister } from '../units';
import { fillPlaceholders } from './defaults';
import {
  formatHouseholds,
  formatHousing,
  formatProjects,
  formatRatioPercent,
  formatYi,
  joinNames,
  monthIncreaseYi,
} from './format';

/** How a paragraph is laid out (in the page, the text and the Word file). */
export type ParagraphKind =
  | 'title'
  | 'addressees'
  | 'body'
  /** 一、进展情况 (黑体) */
  | 'heading1'
  /** （一）棚户区改造开工进展情况。 (楷体), alone or leading a body paragraph */
  | 'heading2'
  | 'attachment'
  | 'issuer'
  | 'date';

export interface BulletinParagraph {
  kind: ParagraphKind;
  text: string;
}

export interface Bulletin {
  period: string;
  paragraphs: BulletinParagraph[];
}

export interface GenerateOptions {
  /** ISO cutoff date; defaults to the last day of the period's month. */
  cutoff?: string;
  /** 成文日期, ISO (2018-10-10): the date line of the bulletin. Without it, `today` or the day of generating. */
  docDate?: string;
  /** The date line as written (2018年10月10日) when no docDate is given; the day of generating otherwise. */
  today?: string;
  /** Names of units outside the analysis sections (the missing ones); the default register otherwise. */
  unitName?: (id: UnitId) => string;
  /**
   * Units whose file for the period was refused and is not yet resolved (已报送未导入): they did report, so the
   * text says their return is being checked, never that they did not report.
   */
  refusedUnits?: readonly UnitId[];
}

/** The wording that names a group of reporting units in a count (25个市县). */
const UNITS_NOUN = '市县';

function names<Row extends RowIdentity>(section: Section<Row>, ids: readonly UnitId[]): string[] {
  return ids.map((id) => section.units.find((u) => u.id === id)?.name ?? id);
}

/** 农安县、伊通县等2个市县; a single unit is named alone (not 农安县等1个市县). */
function counted(list: readonly string[], word: '等' | '共'): string {
  return list.length === 1 ? (list[0] ?? '') : `${joinNames(list)}${word}${list.length}个${UNITS_NOUN}`;
}

function provinceRate(rate: Rate | null): string | null {
  return rate ? formatRatioPercent(rate.num, rate.den, 2) : null;
}

function unitRate(rate: Rate | null): string {
  return rate ? (formatRatioPercent(rate.num, rate.den, 1) ?? '0') : '0';
}

/**
 * 9月无新增 / 9月新增1.22亿元, or null when the increase is unknown. When some unit's increase is unknown the
 * sum is only a lower bound: never 无新增 then (that would claim what nobody declared), 新增不少于… if positive.
 */
function increase(month: number, inc: MonthIncrease): string | null {
  if (inc.value === null) return null;
  // A cumulative figure that fell (a bank line withdrawn or corrected; calc warns of it): 减少, never 新增-….
  if (inc.value < 0) return inc.incomplete ? null : `${month}月减少${formatYi(-inc.value)}`;
  if (!inc.incomplete) return monthIncreaseYi(month, inc.value);
  return inc.value > 0 ? `${month}月新增不少于${formatYi(inc.value)}` : null;
}

function withIncrease(open: string, close: string, month: number, inc: MonthIncrease): string {
  const text = increase(month, inc);
  return text === null ? '' : `${open}${text}${close}`;
}

function startParagraph(a: PeriodAnalysis, ctx: Context): string {
  const { start } = a;
  const p = start.province;
  const t = a.thresholds;
  const rate = provinceRate(p.rate);
  let text = `${ctx.year}年全省计划改造各类棚户区${formatHousing(p.plan, 'plan')}。${ctx.asOf}，已开工${formatHousing(p.started, 'achieved')}`;
  text += rate === null ? '。' : `,完成年度计划的${rate}。`;
  const clauses: string[] = [];
  const reached = names(start, start.lists.reached);
  if (reached.length > 0) {
    clauses.push(`${counted(reached, '共')}开工率达到${t.startTarget}%`);
  }
  const lagging = names(start, start.lists.lagging);
  if (lagging.length > 0) {
    clauses.push(
      `${counted(lagging, '等')}开工率没有完成省政府要求的${ctx.month}月底开工率达${t.startTarget}%目标要求，这部分市县棚改开工进展滞后`,
    );
  }
  const below = start.lists.below.map((id) => start.units.find((u) => u.id === id)).filter(isRow<StartRow>);
  if (below.length > 0) {
    const named = below.map((u) => `${u.name}（开工率为${unitRate(u.rate)}）`);
    clauses.push(`特别是${counted(named, '等')}重视不够，工作落实不到位，开工率不到${t.startWarning}%`);
  }
  if (clauses.length > 0) text += `${clauses.join('；')}。`;
  if (lagging.length > 0)
    text += '有关政府要高度重视，加快推进开工进度，系统排查存在问题，全力推进整改工作。';
  return text;
}

function isRow<Row>(row: Row | undefined): row is Row {
  return row !== undefined;
}

function loanParagraphs(a: PeriodAnalysis, ctx: Context): string[] {
  const { loan } = a;
  const p = loan.province;
  const m = ctx.month;
  let text = '';
  if (p.need !== null && p.need > 0) text += `${ctx.year}年，全省棚户区改造共需贷款${formatYi(p.need)}。`;
  const noCredit = p.total.credit === 0 && (p.total.creditMonth.value ?? 0) === 0;
  text += noCredit
    ? `${ctx.asOf}，${ctx.year}年各${UNITS_NOUN}尚未取得棚改项目授信（审批）。`
    : `${ctx.asOf}，${ctx.year}年为棚改项目授信（审批）总额度${formatYi(p.total.credit)}${withIncrease('（', '）', m, p.total.creditMonth)}。`;

  const policy = p.banks.filter((b) => b.category === 'policy' && (b.credit > 0 || b.disbursed > 0));
  const commercial = p.banks.filter((b) => b.category === 'commercial');
  const creditParts: string[] = policy.map((b) => {
    // 农发行 approves (审批); the other banks grant credit (授信).
    const verb = b.shortName === '农发行' ? '审批' : '授信';
    return `${b.shortName}已为棚改贷款${verb}${formatYi(b.credit)}${withIncrease('（', '）', m, b.creditMonth)}`;
  });
  if (p.commercial.credit > 0) {
    const byBank = commercial.filter((b) => b.credit > 0).map((b) => `${b.shortName}${formatYi(b.credit)}`);
    const inc = increase(m, p.commercial.creditMonth);
    const inner = [joinNames(byBank), inc].filter((s) => s !== null && s !== '').join('。');
    creditParts.push(`商业银行已为棚改贷款授信${formatYi(p.commercial.credit)}（${inner}）`);
  }
  if (creditParts.length > 0 && !noCredit) text += `其中：${creditParts.join('；')}。`;

  if (p.total.disbursed === 0 && (p.total.disbursedMonth.value ?? 0) === 0) {
    // Nothing lent at all: one plain sentence instead of 0亿元 and a 其中 of zeros.
    text += `${ctx.year}年尚未发放棚改贷款。`;
    return finishLoan(text, a, ctx);
  }
  text += `${ctx.year}年已发放棚改贷款${formatYi(p.total.disbursed)}${withIncrease('（', '）', m, p.total.disbursedMonth)}。`;
  const disbursedParts: string[] = policy.map(
    (b) => `${b.shortName}发放贷款${formatYi(b.disbursed)}${withIncrease('（', '）', m, b.disbursedMonth)}`,
  );
  if (p.commercial.disbursed > 0 || commercialHasMonth(p.commercial)) {
    disbursedParts.push(
      `商业银行发放贷款${formatYi(p.commercial.disbursed)}${withIncrease('（', '）', m, p.commercial.disbursedMonth)}`,
    );
  }
  if (disbursedParts.length > 0) text += `其中：${disbursedParts.join('；')}。`;
  return finishLoan(text, a, ctx);
}

/** The loan figures paragraph, then the paragraph naming who has credit and who needs it. */
function finishLoan(text: string, a: PeriodAnalysis, ctx: Context): string[] {
  const { loan } = a;
  const withCredit = names(loan, loan.lists.withCredit);
  const needNoCredit = names(loan, loan.lists.needNoCredit);
  const sentences: string[] = [];
  if (withCredit.length > 0) {
    sentences.push(`${ctx.asOf}，${counted(withCredit, '等')}已取得${ctx.year}年棚改项目贷款授信（审批）。`);
  }
  if (needNoCredit.length > 0) {
    sentences.push(
      // 仍有 (still) only follows a sentence naming units that have credit.
      `${withCredit.length > 0 ? '仍有' : ''}${counted(needNoCredit, '等')}未取得${ctx.year}年棚改贷款授信（审批）。这部分市县要加大措施力度，加快推进贷款工作落实。`,
    );
  }
  return sentences.length > 0 ? [text, sentences.join('')] : [text];
}

function commercialHasMonth(amounts: LoanAmounts): boolean {
  return (amounts.disbursedMonth.value ?? 0) > 0;
}

function expropriationParagraphs(a: PeriodAnalysis, ctx: Context): string[] {
  const { expropriation: ex, carryOver: co } = a;
  const p = ex.province;
  let first = `${ctx.asOf}，全省房屋征收（拆迁）共完成${formatHouseholds(p.total)}（其中房屋征收${formatHouseholds(p.expropriated)}，房屋拆迁${formatHouseholds(p.demolished)}）。`;
  const ahead = names(ex, ex.lists.ahead);
  // 等地区/等市县 follow a list; a single unit is named alone (德惠市房屋征收进展较快).
  const several = (list: string[], noun: string) =>
    list.length === 1 ? (list[0] ?? '') : `${joinNames(list)}等${noun}`;
  if (ahead.length > 0) first += `${several(ahead, '地区')}房屋征收进展较快。`;
  const behind = names(ex, ex.lists.behind);
  if (behind.length > 0) {
    first += `${several(behind, '市县')}房屋征收进度缓慢，当地政府要加大力度，加快组织推进。`;
  }

  const count = co.province.count;
  // Added − finished over the units with both months, not count − previousCount (a unit missing a month).
  const delta = co.province.change;
  let second: string;
  if (count === 0) {
    second = '据统计，目前全省拆迁结转项目已全部完成房屋拆迁工作。';
  } else {
    let change: string;
    if (delta === null) change = '进度还需要加快';
    else if (delta < 0)
      change = `比上个月减少${formatProjects(-delta)}，拆迁项目进度与上个月相比有一定进展，但进度还需要加快`;
    else if (delta === 0) change = '与上个月持平，拆迁项目进度还需要加快';
    else change = `比上个月增加${formatProjects(delta)}，拆迁项目进度还需要加快`;
    second = `据统计，目前全省共${formatProjects(count)}拆迁结转项目没有完成房屋拆迁工作，${change}。`;
    const many = co.lists.many.map((id) => co.units.find((u) => u.id === id)).filter(isRow);
    if (many.length > 0) {
      second += `其中项目数量较多的有${joinNames(many.map((u) => `${u.name}（${u.count}个项目）`))}。`;
    }
    second += '有关市县政府要高度重视，制定切实可行的方案，加快推进拆迁结转项目，尽快做好居民回迁安置工作。';
  }
  return [first, second];
}

function publicRentalParagraphs(a: PeriodAnalysis, ctx: Context): string[] {
  const { publicRental: pr } = a;
  const p = pr.province;
  const t = a.thresholds;
  const rate = provinceRate(p.rate);
  let first = `${ctx.asOf}，全省已累计筹集公共租赁住房${formatHousing(p.raised, 'achieved')}，已分配${formatHousing(p.allocated, 'achieved')}`;
  first += rate === null ? '。' : `，分配率达${rate}。`;
  const atTarget = names(pr, pr.lists.atTarget);
  if (atTarget.length > 0) {
    first += `${counted(atTarget, '共')}分配率达${t.allocationTarget}%。`;
  }
  const low = names(pr, pr.lists.low);
  if (low.length > 0) {
    first += `${counted(low, '共')}分配率低于${t.allocationLow}%，这部分市县要加大分配力度，确保完成年度分配任务。`;
  }
  first +=
    '需要公租房盘活的市县，要提前启动前期工作，待省政府批复公租房盘活意见后，立即开展实施公租房盘活工作。';

  // Units with a task that have not reported count among those the task involves (their target is in the sum).
  const involved = pr.lists.withTask.length + pr.unreported.filter((r) => r.yearTask > 0).length;
  if (p.yearTask === 0 || involved === 0) return [first];
  // The year's allocation task is a small figure the 2018 text gives to one decimal (完成年度计划的20.9%).
  const yearRate = p.yearRate ? formatRatioPercent(p.yearRate.num, p.yearRate.den, 1) : null;
  let second = `${ctx.year}年，全省公租房分配任务计划${formatHousing(p.yearTask, 'plan')}，涉及${involved}个${UNITS_NOUN}。${ctx.asOf}，已分配${formatHousing(p.yearAllocated, 'achieved')}`;
  second += yearRate === null ? '。' : `，完成年度计划的${yearRate}。`;
  const done = names(pr, pr.lists.yearDone);
  if (done.length > 0) second += `${counted(done, '等')}分配率已达到100%。`;
  const zero = names(pr, pr.lists.yearZero);
  if (zero.length > 0) {
    second += `${counted(zero, '等')}分配率为零，这部分市县公租房分配工作有待加强。`;
  }
  const fell = names(pr, pr.lists.fell);
  if (fell.length > 0) second += `${joinNames(fell)}公租房分配比例较去年下降，影响全省整体分配进度。`;
  return [first, second];
}

interface Context {
  year: number;
  month: number;
  /** 截止9月30日 */
  asOf: string;
}

/** The 一、进展情况 part alone: its headings and paragraphs. */
export function progressParagraphs(
  analysis: PeriodAnalysis,
  options: GenerateOptions = {},
): BulletinParagraph[] {
  const { year, month } = periodParts(analysis.period);
  const cut = cutoffMonthDay(options.cutoff ?? defaultCutoff(analysis.period));
  const ctx: Context = { year, month, asOf: `截止${cut.month}月${cut.day}日` };
  const body = (text: string): BulletinParagraph => ({ kind: 'body', text });
  const unitName = options.unitName ?? ((id: UnitId) => defaultRegister.unit(id)?.name ?? id);
  // A unit whose file was refused did report: its return is being checked (已报送未导入), never 未报送.
  const refusedIds = new Set(options.refusedUnits ?? []);
  const refused = analysis.missingUnits.filter((id) => refusedIds.has(id)).map(unitName);
  const missing = analysis.missingUnits.filter((id) => !refusedIds.has(id)).map(unitName);
  const targetUnits = new Set(analysis.targetUnits);
  const withTargets = analysis.missingUnits.filter((id) => targetUnits.has(id)).map(unitName);
  const missingText =
    withTargets.length === 0
      ? missingSentence(missing, analysis.reportedUnits.length, refused)
      : missingWithTargetsSentence(missing, withTargets, analysis.reportedUnits.length, year, refused);
  return [
    { kind: 'heading1', text: '一、进展情况' },
    ...(missing.length + refused.length > 0 ? [body(missingText)] : []),
    { kind: 'heading2', text: '（一）棚户区改造开工进展情况。' },
    body(startParagraph(analysis, ctx)),
    { kind: 'heading2', text: '（二）棚改贷款进展情况。' },
    ...loanParagraphs(analysis, ctx).map(body),
    { kind: 'heading2', text: '（三）房屋征收工作进展情况。' },
    ...expropriationParagraphs(analysis, ctx).map(body),
    { kind: 'heading2', text: '（四）公共租赁住房分配工作进展情况。' },
    ...publicRentalParagraphs(analysis, ctx).map(body),
  ];
}

/**
 * 本期农安县、伊通县等2个市县未报送月报，以下全省数据为已报送的48个市县的合计。 Published in the text (not only
 * on the page) because the Word file travels without the page's notice.
 */
export function missingSentence(
  missing: readonly string[],
  reported: number,
  refused: readonly string[] = [],
): string {
  const head = absentHead(missing, refused);
  if (reported === 0) return `${head}。`;
  return `${head}，以下全省数据为${summedWord(refused)}的${reported}个${UNITS_NOUN}的合计。`;
}

/**
 * 本期农安县未报送月报，德惠市报送的月报正在核对，暂未纳入汇总: a refused file is a return sent, left out of
 * the sums until it is in.
 */
function absentHead(missing: readonly string[], refused: readonly string[]): string {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`${counted(missing, '等')}未报送月报`);
  if (refused.length > 0) parts.push(`${counted(refused, '等')}报送的月报正在核对，暂未纳入汇总`);
  return `本期${parts.join('，')}`;
}

/** 已报送, or 已汇总 when some units that reported are not in the sums. */
function summedWord(refused: readonly string[]): string {
  return refused.length > 0 ? '已汇总' : '已报送';
}

/**
 * With annual targets, the plans count every unit, the achieved figures only the reporting ones:
 * 本期农安县未报送月报。以下全省年度计划和任务按2018年目标责任书计（含未报送的市县），完成数为已报送的49个市县的合计。
 * When only some missing units have targets, both groups are named.
 */
export function missingWithTargetsSentence(
  missing: readonly string[],
  withTargets: readonly string[],
  reported: number,
  year: number,
  refused: readonly string[] = [],
): string {
  const absent = [...missing, ...refused];
  const head = `${absentHead(missing, refused)}。`;
  const done =
    reported === 0 ? '完成数暂无' : `完成数为${summedWord(refused)}的${reported}个${UNITS_NOUN}的合计`;
  if (withTargets.length === absent.length) {
    const which = refused.length === 0 ? '未报送' : missing.length === 0 ? '未汇总' : '未报送和未汇总';
    return `${head}以下全省年度计划和任务按${year}年目标责任书计（含${which}的${UNITS_NOUN}），${done}。`;
  }
  const has = new Set(withTargets);
  const without = absent.filter((name) => !has.has(name));
  return `${head}以下全省${done}；年度计划和任务含其中${counted(withTargets, '等')}的${year}年年度目标，不含${counted(without, '等')}。`;
}

/** The attachments' titles for the period: 附件：1.2018年1-9月全省棚户区改造开工进展情况, then 2.… */
export function attachmentTitles(period: string): string[] {
  const label = periodLabel(period);
  return TABLES.map((def) => `${label}${def.attachmentTitle}`);
}

/** Today as 2018年10月10日. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** An ISO date (2018-10-10) as 2018年10月10日, the way GB/T 9704 writes the 成文日期. */
export function chineseDateOfIso(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/**
 * The bulletin's date line: the 成文日期 given (on 通报 it defaults to the day of generating), never a date fixed
 * in the settings; without one, the day of generating.
 */
function dateLine(options: GenerateOptions): string {
  if (options.docDate) return chineseDateOfIso(options.docDate);
  return options.today ?? chineseDate(new Date());
}

/** The whole bulletin: fixed texts (placeholders filled), the progress part, requirements, attachments, signature. */
export function generateBulletin(
  analysis: PeriodAnalysis,
  texts: BulletinTextSettings,
  options: GenerateOptions = {},
): Bulletin {
  const { year, month } = periodParts(analysis.period);
  const label = periodLabel(analysis.period);
  const values = {
    period: label,
    months: label.slice(String(year).length + 1),
    year,
    month,
    startTarget: analysis.thresholds.startTarget,
    lagging: analysis.start.lists.lagging.length,
  };
  const fill = (text: string) => fillPlaceholders(text, values);
  const requirementLines = fill(texts.requirements)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const attachments = attachmentTitles(analysis.period).map((title, i) =>
    i === 0 ? `附件：${i + 1}.${title}` : `${i + 1}.${title}`,
  );
  const paragraphs: BulletinParagraph[] = [
    { kind: 'title', text: fill(texts.title) },
    { kind: 'addressees', text: fill(texts.addressees) },
    { kind: 'body', text: fill(texts.intro) },
    ...progressParagraphs(analysis, options),
    ...requirementLines.map((text) => ({ kind: classifyLine(text), text })),
    ...attachments.map((text) => ({ kind: 'attachment' as const, text })),
    { kind: 'issuer', text: fill(texts.issuer) },
    { kind: 'date', text: dateLine(options) },
  ];
  return { period: analysis.period, paragraphs };
}

/** The kind of a body line by its numbering: 一、 headings, （一） headings, else body. */
export function classifyLine(line: string): ParagraphKind {
  if (/^[一二三四五六七八九十]+、/.test(line)) return 'heading1';
  if (/^（[一二三四五六七八九十]+）[^。]*。$/.test(line)) return 'heading2';
  return 'body';
}

/** The plain text of a bulletin: one paragraph per line, a blank line before the signature. */
export function bulletinToText(bulletin: Bulletin): string {
  const lines: string[] = [];
  for (const p of bulletin.paragraphs) {
    if (p.kind === 'issuer') lines.push('');
    lines.push(p.text);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Read a (possibly edited) bulletin text back into laid-out paragraphs: the first line is the title, the
 * second the addressees, the last two the issuer and date, 附件 lines are attachments, numbered lines headings.
 */
export function parseBulletinText(text: string): BulletinParagraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '');
  const out: BulletinParagraph[] = [];
  let inAttachments = false;
  lines.forEach((line, i) => {
    if (i === 0) out.push({ kind: 'title', text: line });
    else if (i === 1 && /[：:]$/.test(line)) out.push({ kind: 'addressees', text: line });
    else if (i === lines.length - 1 && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line))
      out.push({ kind: 'date', text: line });
    else if (i === lines.length - 2 && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(lines[lines.length - 1] ?? ''))
      out.push({ kind: 'issuer', text: line });
    else if (line.startsWith('附件') || (inAttachments && /^\d+[.．、]/.test(line))) {
      inAttachments = true;
      out.push({ kind: 'attachment', text: line });
    } else out.push({ kind: classifyLine(line), text: line });
  });
  return out;
}
