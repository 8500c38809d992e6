// The parts a column header is made of, as a person reads it: an optional time qualifier (2018年, 本年, 1-9月,
// 截至9月底, 本月), a subject (棚改, 公租房), manner words (已, 完成, 其中), plan words (计划, 任务), a core
// concept (开工, 授信, 分配), a measure (套数, 额度, 率) and a unit in brackets. Each field declares its concept
// here once (`FieldDef.meaning`); the reader, the review step and the generated tests all use the same parts.

/** What a time qualifier says about a figure. */
export type TimeAspect = 'month' | 'cumulative' | 'year' | 'lastYear';

/**
 * Which time qualifiers a field's header takes:
 * - toDate: a figure up to the cutoff (累计, 本年, 截至9月底, 1-9月 — or none);
 * - stock: a figure never reset (累计, 截至9月底 — or none; never 本年);
 * - year: this year's figure or task (本年, 年度, 2018年 — required; a plan word 任务/计划 also says it);
 * - month: this month's (本月, 当月, 9月 — required);
 * - plan: the year's plan (年度, 全年, 本年 — or none);
 * - lastYear: the same period of last year (上年同期 — required);
 * - none: no time word at all (names, notes).
 */
export type FieldTime = 'toDate' | 'stock' | 'year' | 'month' | 'plan' | 'lastYear' | 'none';

/** A field's concept: what its header must (and may) say, beyond the shared parts below. */
export interface FieldMeaning {
  /** Core concept words: a header names at least one of them, unless `bare`. */
  concepts: readonly string[];
  /** Words a header may add beside its concept (征收 and 拆迁 beside 合计). */
  also?: readonly string[];
  /** The header may name no concept (年度计划, 本月完成, 完成率): its other words say which field it is. */
  bare?: boolean;
  time: FieldTime;
  /** Plan words (计划, 任务, 预计): 'required' for a plan or task, 'allowed', or (absent) never. */
  plan?: 'required' | 'allowed';
  /** No manner words (已, 完成, 实际): 户数 is 涉及户数, but 已完成户数 is not. */
  noManner?: boolean;
  /** Measure words allowed beyond those of the field's kind (see `measuresOf`). */
  measures?: readonly string[];
}

/** A time word and what it says. */
export interface TimeWord {
  word: string;
  aspects: readonly TimeAspect[];
}

/** Time words, as typed (after NFKC, without spaces). 新增 alone is this month's increase; 本年新增 the year's. */
export const TIME_WORDS: readonly TimeWord[] = [
  ...['本月', '当月', '本期', '当期', '本月份', '新增', '本月新增', '当月新增', '本期新增'].map((word) => ({
    word,
    aspects: ['month'] as const,
  })),
  ...[
    '累计',
    '累积',
    '截至',
    '截止',
    '截至目前',
    '截止目前',
    '至今',
    '年初至今',
    '以来',
    '截至本月底',
    '截至本月末',
  ].map((word) => ({ word, aspects: ['cumulative'] as const })),
  ...['本年', '今年', '本年度', '年度', '全年', '年内', '当年', '年', '本年新增', '年度新增', '今年新增'].map(
    (word) => ({
      word,
      aspects: ['year'] as const,
    }),
  ),
  ...['本年累计', '年度累计', '今年累计'].map((word) => ({ word, aspects: ['year', 'cumulative'] as const })),
  ...['上年同期', '去年同期', '同期', '上年', '去年', '上年度', '上一年', '上年同期累计'].map((word) => ({
    word,
    aspects: ['lastYear'] as const,
  })),
];

/** Time qualifiers with figures in them: a year, a month, a span of months, a point in time. */
export const TIME_PATTERNS: readonly { pattern: RegExp; aspects: readonly TimeAspect[] }[] = [
  // A point in time is up to it: 截至2018年9月底, 截至9月30日, 2018年9月末, 9月底.
  {
    pattern: /(?:截[至止])?(?:\d{4}年)?\d{1,2}月份?(?:\d{1,2}[日号])?(?:末|底|止)/y,
    aspects: ['cumulative'],
  },
  { pattern: /截[至止](?:\d{4}年)?\d{1,2}月份?(?:\d{1,2}[日号])?/y, aspects: ['cumulative'] },
  // A span from January is the year to date: 1-9月, 1至9月, 1月份-9月份.
  { pattern: /(?:1|一)月?份?[-~—–―－至到]+\d{1,2}月份?/y, aspects: ['cumulative'] },
  { pattern: /\d{4}年度?/y, aspects: ['year'] },
  { pattern: /\d{1,2}月份?/y, aspects: ['month'] },
];

/** Examples of each kind of qualifier, as the generated tests and the templates' notes use them. */
export const TIME_EXAMPLES: Readonly<Record<FieldTime, readonly string[]>> = {
  toDate: [
    '',
    '累计',
    '本年',
    '本年累计',
    '2018年',
    '1-9月',
    '1-10月',
    '截至9月底',
    '截至目前',
    '年初至今',
    '2018年1-9月',
  ],
  stock: ['', '累计', '截至9月底', '截至目前', '截至2018年9月底', '9月末'],
  year: ['本年', '今年', '本年度', '年度', '2018年', '2018年度', '全年', '本年累计'],
  month: ['本月', '当月', '9月', '9月份', '本月新增', '当月新增', '其中：本月', '其中:9月'],
  plan: ['', '年度', '本年', '全年', '2018年', '2018年度', '本年度', '今年'],
  lastYear: ['上年同期', '去年同期', '上年'],
  none: [''],
};

/** Manner words: how a figure came about, never what it counts. */
export const MANNER_WORDS: readonly string[] = [
  '已',
  '已经',
  '实际',
  '完成',
  '已完成',
  '实际完成',
  '其中',
  '新',
  '共',
  '实施',
];

/** Plan words: a planned figure (计划, 任务) or date (预计). */
export const PLAN_WORDS: readonly string[] = ['计划', '任务', '目标', '预计', '计划任务'];

/** Rate words: a header with one of them is a rate, and only a rate field takes it. */
export const RATE_WORDS: readonly string[] = ['率', '比例', '比率', '百分比', '占比'];

/** Measure words by what they measure. */
export const MEASURE_WORDS = {
  count: ['数', '数量', '总数', '个数'],
  套: ['套数'],
  户: ['户数'],
  money: ['额', '额度', '金额', '资金', '总额', '规模', '数'],
  name: ['名称', '名'],
} as const;

/** Units typed without brackets (开工套, 授信亿元): words of no meaning of their own. */
export const UNIT_WORDS: readonly string[] = ['万套', '套', '万户', '户', '亿元', '万元', '元', '%', '个'];

/** Punctuation a header may carry between its words. */
export const HEADER_PUNCTUATION = ':：、，,/()（）-—·.．;；';
