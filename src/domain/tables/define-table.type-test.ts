// Compile-time tests of defineTable (checked by `tsc --noEmit`): each `@ts-expect-error` must stay an error,
// so a definition that names a field its record lacks, or leaves a property of its record without a field,
// or gives a field a kind its type cannot hold, never type-checks.
import { defineTable } from './types';

interface Probe {
  plan: number;
  month: number | null;
  note: string;
}

const base = {
  key: 'start',
  number: 1,
  title: 't',
  titleKeywords: [],
  shortName: 's',
  sheetName: '表1',
  unitLabel: '套',
  attachmentTitle: 'a',
  rows: 'one',
} as const;
const column = { header: 'h', label: 'l', synonyms: [], required: false } as const;

const plan = { ...column, key: 'plan', kind: 'count' } as const;
const month = { ...column, key: 'month', kind: 'count', nullable: true, monthOf: 'plan' } as const;
const note = { ...column, key: 'note', kind: 'text' } as const;

export const complete = defineTable<Probe>()({ ...base, fields: [plan, month, note] });

// @ts-expect-error a property of the record (note) without its field
export const missing = defineTable<Probe>()({ ...base, fields: [plan, month] });

export const unknownKey = defineTable<Probe>()({
  ...base,
  // @ts-expect-error a key that is not a property of the record
  fields: [plan, month, note, { ...column, key: 'plann', kind: 'count' }],
});

export const wrongKind = defineTable<Probe>()({
  ...base,
  // @ts-expect-error a text kind for a number property
  fields: [{ ...plan, kind: 'text' }, month, note],
});

export const notNullable = defineTable<Probe>()({
  ...base,
  // @ts-expect-error a nullable property must say so (it is stored as null when the column is absent)
  fields: [plan, { ...column, key: 'month', kind: 'count' }, note],
});

export const badCheck = defineTable<Probe>()({
  ...base,
  // @ts-expect-error a check naming a field the record lacks
  fields: [plan, { ...month, monthOf: 'started' }, note],
});
