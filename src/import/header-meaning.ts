// Recognition of a header by meaning: the header is taken apart into the parts of src/domain/tables/meaning.ts
// (qualifiers, subject, manner, plan words, a core concept, measure, unit), every character accounted for, and
// matched against the concepts the table's fields declare. A header with a word the table does not know is not
// understood: nothing is guessed from part of it (其中 → 彶中 leaves a header no field claims).
import type { FieldDef, TableDef, TimeAspect } from '../domain/tables';
import type { FieldTime } from '../domain/tables/meaning';
import {
  HEADER_PUNCTUATION,
  MANNER_WORDS,
  MEASURE_WORDS,
  PLAN_WORDS,
  RATE_WORDS,
  TIME_PATTERNS,
  TIME_WORDS,
  UNIT_WORDS,
} from '../domain/tables/meaning';

export type PartKind =
  | 'concept'
  | 'plan'
  | 'rate'
  | 'time'
  | 'manner'
  | 'measure'
  | 'unit'
  | 'subject'
  | 'punct';

/** One part of a header. */
export interface HeaderPart {
  text: string;
  kind: PartKind;
  aspects?: readonly TimeAspect[];
}

interface Word {
  text: string;
  kind: PartKind;
  aspects?: readonly TimeAspect[];
}

/** A table's words by their first character, longest first; and every character a header of it may hold. */
interface Lexicon {
  byFirst: Map<string, Word[]>;
  chars: Set<string>;
}

/** Characters of the time patterns (2018年, 1-9月, 截至9月底, 30日). */
const PATTERN_CHARS = '0123456789年度月份末底止截至截止日号-~—–―－至到一';

// When a word is several parts in one table, the first kind here wins: a concept is never a mere manner word.
const PRECEDENCE: PartKind[] = [
  'concept',
  'plan',
  'rate',
  'time',
  'manner',
  'measure',
  'unit',
  'subject',
  'punct',
];

const lexicons = new WeakMap<TableDef, Lexicon>();

function lexiconOf(def: TableDef): Lexicon {
  const cached = lexicons.get(def);
  if (cached) return cached;
  const words = new Map<string, Word>();
  const add = (text: string, kind: PartKind, aspects?: readonly TimeAspect[]) => {
    const other = words.get(text);
    if (other && PRECEDENCE.indexOf(other.kind) <= PRECEDENCE.indexOf(kind)) return;
    words.set(text, aspects ? { text, kind, aspects } : { text, kind });
  };
  for (const field of def.fields) {
    for (const word of [...(field.meaning?.concepts ?? []), ...(field.meaning?.also ?? [])])
      add(word, 'concept');
    for (const word of field.meaning?.measures ?? []) add(word, 'measure');
  }
  for (const word of PLAN_WORDS) add(word, 'plan');
  for (const word of RATE_WORDS) add(word, 'rate');
  for (const t of TIME_WORDS) add(t.word, 'time', t.aspects);
  for (const word of MANNER_WORDS) add(word, 'manner');
  for (const list of Object.values(MEASURE_WORDS)) for (const word of list) add(word, 'measure');
  for (const word of UNIT_WORDS) add(word, 'unit');
  for (const word of def.subjects ?? []) add(word, 'subject');
  for (const ch of HEADER_PUNCTUATION) add(ch, 'punct');
  const lexicon: Lexicon = { byFirst: new Map(), chars: new Set(PATTERN_CHARS) };
  for (const word of words.values()) {
    const first = word.text[0] as string;
    const list = lexicon.byFirst.get(first) ?? [];
    list.push(word);
    lexicon.byFirst.set(first, list);
    for (const ch of word.text) lexicon.chars.add(ch);
  }
  for (const list of lexicon.byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  lexicons.set(def, lexicon);
  return lexicon;
}

/** Headers longer than this are no column header (and bound the work on hostile text). */
const MAX_HEADER_CHARS = 48;

// (Bounded, like the note marker below: linear on a cell of pasted text.)
const UNIT_IN_BRACKETS_RE = /\((?:万套|万户|套|户|个|亿元|万元|元|%)\)|\(单位:[^)]{0,10}\)/g;

/** A header as taken apart: half-width, without spaces, units in brackets or a trailing note marker. */
export function meaningText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(UNIT_IN_BRACKETS_RE, '')
    .replace(/(?:\(注\d*\)|注\d+|(?<![*※])[*※]+)$/, '')
    .replace(/[:：]$/, '');
}

/**
 * Take a header apart into the table's parts, every character accounted for, in as few parts as possible
 * (so 计划开工 is one concept of 年度计划, not 计划 + 开工); null when some word is not the table's.
 */
export function headerParts(def: TableDef, header: string): HeaderPart[] | null {
  const text = meaningText(header);
  if (text === '' || text.length > MAX_HEADER_CHARS) return null;
  const lexicon = lexiconOf(def);
  // A character no word of the table holds: not understood, without taking the header apart.
  for (const ch of text) if (!lexicon.chars.has(ch)) return null;
  const n = text.length;
  // cost[i]: fewest parts covering text[i..]; pick[i]: the part taken at i.
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const pick = new Array<HeaderPart | undefined>(n + 1);
  cost[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const options: HeaderPart[] = [];
    for (const word of lexicon.byFirst.get(text[i] as string) ?? []) {
      if (text.startsWith(word.text, i)) options.push(word);
    }
    for (const { pattern, aspects } of TIME_PATTERNS) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m) options.push({ text: m[0], kind: 'time', aspects });
    }
    options.sort((a, b) => b.text.length - a.text.length);
    for (const part of options) {
      const total = 1 + (cost[i + part.text.length] as number);
      if (total < (cost[i] as number)) {
        cost[i] = total;
        pick[i] = part;
      }
    }
  }
  if (!Number.isFinite(cost[0])) return null;
  const parts: HeaderPart[] = [];
  for (let i = 0; i < n; ) {
    const part = pick[i] as HeaderPart;
    parts.push(part);
    i += part.text.length;
  }
  return parts;
}

/** What a header's parts say, for matching against the fields. */
export interface HeaderSense {
  concepts: Set<string>;
  aspects: Set<TimeAspect>;
  plan: boolean;
  rate: boolean;
  manner: boolean;
  measures: string[];
}

export function senseOf(parts: readonly HeaderPart[]): HeaderSense {
  const sense: HeaderSense = {
    concepts: new Set(),
    aspects: new Set(),
    plan: false,
    rate: false,
    manner: false,
    measures: [],
  };
  for (const part of parts) {
    if (part.kind === 'concept') sense.concepts.add(part.text);
    else if (part.kind === 'time') for (const a of part.aspects ?? []) sense.aspects.add(a);
    else if (part.kind === 'plan') sense.plan = true;
    else if (part.kind === 'rate') sense.rate = true;
    else if (part.kind === 'manner') sense.manner = true;
    else if (part.kind === 'measure') sense.measures.push(part.text);
  }
  return sense;
}

/** The measure words a field's header may end with: by its kind and unit, and any it declares. */
export function measuresOf(field: FieldDef): readonly string[] {
  const own = field.meaning?.measures ?? [];
  if (field.kind === 'count') {
    const unit =
      field.headerUnit === '户' ? MEASURE_WORDS.户 : field.headerUnit === '套' ? MEASURE_WORDS.套 : [];
    return [...MEASURE_WORDS.count, ...unit, ...own];
  }
  if (field.kind === 'money') return [...MEASURE_WORDS.money, ...own];
  return own;
}

/** Whether a header's time qualifiers (and plan words) fit a field's time. */
export function timeFits(time: FieldTime, aspects: ReadonlySet<TimeAspect>, plan: boolean): boolean {
  const month = aspects.has('month');
  const lastYear = aspects.has('lastYear');
  const year = aspects.has('year');
  const cumulative = aspects.has('cumulative');
  switch (time) {
    case 'toDate':
      return !month && !lastYear;
    case 'stock':
      return !month && !lastYear && !year;
    case 'year':
      // A task is the year's task: 分配任务 needs no 本年.
      return (year || plan) && !month && !lastYear;
    case 'month':
      return month && !lastYear && !cumulative;
    case 'plan':
      return !month && !cumulative && !lastYear;
    case 'lastYear':
      return lastYear;
    case 'none':
      return aspects.size === 0;
  }
}

/** Whether a header's sense fits a field's declared meaning. */
export function fieldFits(field: FieldDef, sense: HeaderSense): boolean {
  const m = field.meaning;
  if (!m) return false;
  const also = m.also ?? [];
  for (const c of sense.concepts) if (!m.concepts.includes(c) && !also.includes(c)) return false;
  const named = [...sense.concepts].some((c) => m.concepts.includes(c));
  // A header naming no concept must still say something beyond a subject: a time, plan, rate or measure word.
  const says = sense.aspects.size > 0 || sense.plan || sense.rate || sense.measures.length > 0;
  if (!named && !(m.bare && says)) return false;
  if (sense.rate !== (field.kind === 'rate')) return false;
  if (sense.plan ? !m.plan : m.plan === 'required') return false;
  if (sense.manner && m.noManner) return false;
  const measures = measuresOf(field);
  if (sense.measures.some((w) => !measures.includes(w))) return false;
  return timeFits(m.time, sense.aspects, sense.plan);
}

const fitsCache = new WeakMap<TableDef, Map<string, FieldDef[]>>();

/** The fields of a table a header may mean (none when it is not understood). */
export function meaningFields(def: TableDef, header: string): FieldDef[] {
  let cache = fitsCache.get(def);
  if (!cache) {
    cache = new Map();
    fitsCache.set(def, cache);
  }
  const cached = cache.get(header);
  if (cached) return cached;
  const parts = headerParts(def, header);
  const sense = parts && senseOf(parts);
  const fields = sense ? def.fields.filter((field) => fieldFits(field, sense)) : [];
  // Bounded: a hostile sheet with a million distinct texts must not grow the cache without end.
  if (cache.size < 5000) cache.set(header, fields);
  return fields;
}
