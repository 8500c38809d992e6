// Headers by meaning: for every field of every table, hundreds of headers generated from the parts it declares
// (qualifier × subject × manner × plan word × concept × measure × unit, spaces and line breaks anywhere) are
// read into that field and no other; a header built from another field's concept never is; a header with one
// character the table does not know is not understood at all. Plus the parts of real headers, by hand.
import { describe, expect, it } from 'vitest';
import type { FieldDef, TableDef } from '../domain/tables';
import { TABLES, tableDef } from '../domain/tables';
import { RATE_WORDS, TIME_EXAMPLES } from '../domain/tables/meaning';
import { headerParts, meaningFields, measuresOf } from './header-meaning';

/** A small seeded generator (mulberry32): the same headers on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickFrom<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

/** Units a header of the field may carry in brackets. */
function unitsOf(field: FieldDef): readonly string[] {
  if (field.kind === 'rate') return ['', '（%）', '(％)'];
  if (field.kind === 'money') return ['', '（亿元）', '（万元）', '(元)'];
  if (field.kind !== 'count') return [''];
  return field.headerUnit === '户' ? ['', '（户）', '（万户）'] : ['', '（套）', '(万套)', '【套】'];
}

/** Spaces, full-width spaces and line breaks put anywhere, as typed headers have them. */
function withBreaks(rng: () => number, text: string): string {
  let out = text;
  for (let k = Math.floor(rng() * 3); k > 0; k--) {
    const at = Math.floor(rng() * (out.length + 1));
    out = out.slice(0, at) + pickFrom(rng, [' ', '\n', '\r\n', '\u3000']) + out.slice(at);
  }
  return out;
}

interface Generated {
  header: string;
  /** The concept word it was built on ('' when the field may go without). */
  concept: string;
}

/**
 * Headers built from a field's declared parts; `concepts` replaces the field's own concepts (to build a
 * header of this field's shape around another field's concept).
 */
function generate(
  def: TableDef,
  field: FieldDef,
  count: number,
  seed: number,
  concepts?: readonly string[],
): Generated[] {
  const m = field.meaning;
  if (!m) return [];
  const rng = random(seed);
  const own = concepts ?? (m.bare ? ['', ...m.concepts] : m.concepts);
  const also = ['', ...(m.also ?? [])];
  const manners = m.noManner ? [''] : ['', '已', '实际', '已完成', '其中：', '完成'];
  const plans = m.plan === 'required' ? ['计划', '任务'] : m.plan === 'allowed' ? ['', '计划'] : [''];
  const measures = field.kind === 'rate' ? RATE_WORDS.slice(0, 3) : ['', ...measuresOf(field)];
  const seen = new Set<string>();
  const out: Generated[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const qualifier = pickFrom(rng, TIME_EXAMPLES[m.time]);
    const concept = pickFrom(rng, own);
    const plan = pickFrom(rng, plans);
    const extra = pickFrom(rng, also);
    const measure = pickFrom(rng, measures);
    // A header must say something of its own: a concept, or a time, plan, rate or measure word.
    if (!concept && !qualifier && !plan && !measure) continue;
    // This year's figure says 本年 (or is a task).
    if (m.time === 'year' && !qualifier && !plan) continue;
    const core = rng() < 0.5 ? `${extra}${concept}` : `${concept}${extra}`;
    const planned = rng() < 0.5 ? `${plan}${core}` : `${core}${plan}`;
    const words = `${qualifier}${pickFrom(rng, ['', ...(def.subjects ?? [])])}${pickFrom(rng, manners)}${planned}${measure}`;
    const header = withBreaks(rng, `${words}${pickFrom(rng, unitsOf(field))}`);
    if (seen.has(header)) continue;
    seen.add(header);
    out.push({ header, concept });
  }
  return out;
}

const FIELDS = TABLES.flatMap((def) =>
  def.fields.filter((f) => f.meaning).map((field) => [def, field] as const),
);

describe('every field declares its meaning', () => {
  it.each(TABLES.map((def) => [def.shortName, def] as const))('%s', (_n, def) => {
    expect(def.fields.filter((f) => !f.meaning).map((f) => f.key)).toEqual([]);
  });
});

describe('a header built from a field’s parts is read into that field and no other', () => {
  it.each(FIELDS.map(([def, field], i) => [`${def.shortName} ${field.header}`, def, field, i] as const))(
    '%s',
    (_n, def, field, i) => {
      const headers = generate(def, field, 300, 1000 + i);
      expect(headers.length).toBeGreaterThanOrEqual(
        field.meaning?.concepts.length === 1 && !field.meaning.bare ? 40 : 60,
      );
      const wrong = headers
        .map(({ header }) => [header, meaningFields(def, header).map((f) => f.key)] as const)
        .filter(([, keys]) => keys.length !== 1 || keys[0] !== field.key);
      expect(wrong).toEqual([]);
    },
  );
});

describe('a header built from another field’s concept is never read into this field', () => {
  it.each(FIELDS.map(([def, field], i) => [`${def.shortName} ${field.header}`, def, field, i] as const))(
    '%s',
    (_n, def, field, i) => {
      const own = new Set([...(field.meaning?.concepts ?? []), ...(field.meaning?.also ?? [])]);
      const foreign = def.fields
        .flatMap((f) => (f === field ? [] : (f.meaning?.concepts ?? [])))
        .filter((c) => !own.has(c));
      if (foreign.length === 0) return;
      const headers = generate(def, field, 200, 5000 + i, [...new Set(foreign)]);
      const claimed = headers.filter(({ header }) => meaningFields(def, header).includes(field));
      expect(claimed.map((g) => g.header)).toEqual([]);
    },
  );

  it.each(TABLES.map((def) => [def.shortName, def] as const))(
    '%s: headers of the other tables’ concepts name none of its fields',
    (_n, def) => {
      const words = new Set(
        def.fields.flatMap((f) => [...(f.meaning?.concepts ?? []), ...(f.meaning?.also ?? [])]),
      );
      const read: string[] = [];
      let checked = 0;
      TABLES.filter((other) => other !== def).forEach((other, t) => {
        other.fields.forEach((field, k) => {
          for (const { header, concept } of generate(other, field, 40, 9000 + t * 100 + k)) {
            if (!concept || [...words].some((w) => concept.includes(w) || w.includes(concept))) continue;
            checked++;
            if (meaningFields(def, header).length > 0) read.push(`${other.shortName}: ${header}`);
          }
        });
      });
      expect(read).toEqual([]);
      expect(checked).toBeGreaterThan(300);
    },
  );
});

describe('one character the table does not know leaves a header not understood', () => {
  const cases = TABLES.flatMap((def) =>
    def.fields.flatMap((field) =>
      [field.header, ...field.synonyms].map((text) => [def.shortName, def, text] as const),
    ),
  );
  it.each(cases)('%s %j, each character in turn replaced', (_n, def, text) => {
    const understood: string[] = [];
    for (let i = 0; i < text.length; i++) {
      if (/[\s（）()：:]/.test(text[i] as string)) continue;
      const flipped = `${text.slice(0, i)}彶${text.slice(i + 1)}`;
      if (meaningFields(def, flipped).length > 0) understood.push(flipped);
    }
    expect(understood).toEqual([]);
  });
});

describe('real headers by meaning', () => {
  it.each([
    // A year or period in front.
    ['start', '2018年累计开工（套）', 'started'],
    ['start', '本年度开工（套）', 'started'],
    ['start', '1-10月开工', 'started'],
    ['start', '2018年度棚改计划', 'plan'],
    // 已完成 for 累计完成; a subject or manner word added; 棚户区改造 for 棚改.
    ['start', '已完成开工套数', 'started'],
    ['start', '棚户区改造实际开工', 'started'],
    ['start', '年度棚户区改造计划（万套）', 'plan'],
    ['start', '其中：\n本月新开工', 'startedMonth'],
    ['start', '计划完成率', 'declaredRate'],
    ['expropriation', '已完成征收（户）', 'expropriated'],
    ['expropriation', '截至9月底完成拆迁', 'demolished'],
    ['expropriation', '征收拆迁合计', 'total'],
    ['expropriation', '其中：9月完成', 'doneMonth'],
    // 放款 for 发放.
    ['loan', '本年已放款（亿元）', 'disbursed'],
    ['loan', '棚改贷款发放金额', 'disbursed'],
    ['loan', '本年授信审批额度', 'credit'],
    ['loan', '当月新增放款', 'disbursedMonth'],
    ['loan', '放贷银行名称', 'bank'],
    ['carryOver', '涉及拆迁户数', 'households'],
    ['carryOver', '剩余未完成户数', 'unfinished'],
    ['carryOver', '未完成的原因', null],
    ['carryOver', '预计完成时间', 'plannedFinish'],
    ['publicRental', '本年度已分配（套）', 'yearAllocated'],
    ['publicRental', '累计筹集房源（套）', 'raised'],
    ['publicRental', '公租房累计分配入住', 'allocated'],
    ['publicRental', '2018年分配任务', 'yearTask'],
    ['publicRental', '去年同期分配率（%）', 'lastYearRate'],
    // Not understood: the meaning is not there, or not decided.
    ['publicRental', '完成率', null],
    ['publicRental', '本年筹集', null],
    ['start', '本月累计开工', null],
    ['start', '开工户数', null],
    ['carryOver', '已完成户数', null],
    ['loan', '累计贷款', null],
    ['start', '棚改', null],
  ] as const)('%s %j → %s', (table, header, field) => {
    const keys = meaningFields(tableDef(table), header).map((f) => f.key);
    expect(keys).toEqual(field ? [field] : []);
  });

  it('takes a header apart into its parts', () => {
    expect(headerParts(tableDef('publicRental'), '2018年1-9月累计\n已分配（套）')).toEqual([
      { text: '2018年', kind: 'time', aspects: ['year'] },
      { text: '1-9月', kind: 'time', aspects: ['cumulative'] },
      { text: '累计', kind: 'time', aspects: ['cumulative'] },
      { text: '已', kind: 'manner' },
      { text: '分配', kind: 'concept' },
    ]);
    expect(headerParts(tableDef('start'), '彶中：本月开工')).toBeNull();
  });

  it('bounds the work on a hostile header', () => {
    expect(meaningFields(tableDef('start'), `${'累计'.repeat(40_000)}开工`)).toEqual([]);
  });
});
