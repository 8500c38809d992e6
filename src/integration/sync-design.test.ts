// The sync server's validate_doc_update, run as CouchDB runs it (the ES5 text evaluated) on the sample returns
// and on each kind of malformed document, for each role.
import { describe, expect, it } from 'vitest';
import type { ReturnRevision } from '../db/database';
import { contentHashOf } from '../db/import-repo';
import { parseRefusal, validateDocUpdateSource } from '../db/sync/design';
import { headToDoc, revisionToDoc, type SyncDoc } from '../db/sync/documents';
import { loadSampleReturns } from './load-samples';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
// The function text is compiled on its own, as the server compiles it (nothing of this module in scope).
const validate = new Function(`return (${validateDocUpdateSource()});`)() as Validate;

const team = { name: 'b', roles: ['team'] };
const office = { name: 'a', roles: ['office'] };
const stranger = { name: 'c', roles: [] };

/** The refusal code for a write, or 'ok'. */
function verdict(doc: unknown, user: unknown, oldDoc: unknown = null): string {
  try {
    validate(doc, oldDoc, user, {});
    return 'ok';
  } catch (err) {
    return parseRefusal((err as { forbidden: string }).forbidden).code;
  }
}

// Every sample return of 2018年1-9月, as the revisions a laptop would send.
const revisions: ReturnRevision[] = await Promise.all(
  (loadSampleReturns().get('2018-09') ?? []).map(async (ret, i) => ({
    id: i + 1,
    ...ret,
    fileName: `${ret.unitId}.xlsx`,
    fileHash: 'a'.repeat(64),
    contentHash: await contentHashOf(ret),
    importedAt: 1_538_000_000_000,
    importId: 'imp-1',
    origin: 'file' as const,
  })),
);
// A return with every table and at least one bank line, so every kind of figure is tried.
const sample = revisions.find(
  (r) => r.tables.start && r.tables.expropriation && r.tables.publicRental && r.tables.loan?.banks.length,
);
if (!sample) throw new Error('no complete sample revision');
const good = revisionToDoc(sample);

function withFigure(path: string[], value: unknown): SyncDoc {
  const doc = structuredClone(good) as unknown as Record<string, unknown>;
  let at = doc.tables as Record<string, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) as string] = value;
  return doc as SyncDoc;
}

describe('validate_doc_update', () => {
  it('accepts the sample revisions and their heads for both roles', () => {
    for (const r of revisions) {
      expect(verdict(revisionToDoc(r), team)).toBe('ok');
      expect(verdict(revisionToDoc(r), office)).toBe('ok');
      expect(verdict(headToDoc(r, r.contentHash), team)).toBe('ok');
    }
  });

  // Every count and money field of every table, each bad value: the class of malformed figures.
  const figurePaths: string[][] = [];
  const tables = good.tables as Record<string, unknown>;
  if (tables.start) for (const k of ['plan', 'started']) figurePaths.push(['start', k]);
  if (tables.expropriation)
    for (const k of ['plan', 'expropriated', 'demolished']) figurePaths.push(['expropriation', k]);
  if (tables.publicRental) for (const k of ['raised', 'allocated']) figurePaths.push(['publicRental', k]);
  if (tables.loan) figurePaths.push(['loan', 'banks', '0', 'credit'], ['loan', 'banks', '0', 'disbursed']);
  it.each(
    figurePaths.flatMap((p) => [
      [p.join('.'), -1, 'negative'],
      [p.join('.'), 2.5, 'fraction'],
      [p.join('.'), '12', 'number'],
      [p.join('.'), null, 'missing'],
    ]),
  )('refuses %s = %j (%s)', (path, value, code) => {
    expect(verdict(withFigure(String(path).split('.'), value), team)).toBe(code);
  });

  it.each([
    [
      'an unknown unit',
      { ...good, unitId: '999999', _id: `rev:999999:${good.period}:${good.contentHash}` },
      'unit',
    ],
    ['a missing period', { ...good, period: undefined }, 'period'],
    ['a month 13', { ...good, period: '2018-13' }, 'period'],
    ['a wrong type', { ...good, type: 'head' }, 'type'],
    [
      'an id not from its content',
      { ...good, _id: `rev:${good.unitId}:${good.period}:${'0'.repeat(64)}` },
      'id',
    ],
    ['an unknown table', { ...good, tables: { other: {} } }, 'table'],
    ['an unknown kind of document', { _id: 'other:1', type: 'other' }, 'type'],
  ])('refuses %s', (_what, doc, code) => {
    expect(verdict(doc, office)).toBe(code);
  });

  it.each([
    ['team', team, 'target', 'role'],
    ['team', team, 'issued', 'role'],
    ['team', team, 'setting', 'role'],
    ['office', office, 'target', 'ok'],
    ['no role', stranger, 'head', 'role'],
  ])('a %s user writing a %s: %s', (_who, user, type, expected) => {
    const docs: Record<string, SyncDoc> = {
      target: {
        _id: `target:2018:${good.unitId}`,
        type: 'target',
        year: 2018,
        unitId: good.unitId,
        startPlan: 100,
        loanNeed: null,
        expropriationPlan: null,
        rentalTask: null,
      },
      issued: { _id: 'issued:2018-09#1', type: 'issued', period: '2018-09', text: '通报' },
      setting: { _id: 'setting:thresholds', type: 'setting', key: 'thresholds', value: {} },
      head: headToDoc(good, good.contentHash),
    };
    expect(verdict(docs[String(type)], user)).toBe(expected);
  });

  it('never lets a revision be rewritten or deleted, nor a design document be written', () => {
    const other = { ...good, contentHash: 'f'.repeat(64) };
    expect(verdict(other, office, good)).not.toBe('ok');
    expect(verdict({ _id: good._id, _deleted: true }, office, good)).toBe('immutable');
    expect(verdict({ _id: '_design/anju' }, office)).toBe('design');
  });

  it('lets a team user mark a losing head version deleted (resolving a conflict)', () => {
    expect(verdict({ _id: `head:${good.unitId}:${good.period}`, _deleted: true }, team)).toBe('ok');
  });

  it('refuses a negative target', () => {
    const target = {
      _id: `target:2018:${good.unitId}`,
      type: 'target',
      year: 2018,
      unitId: good.unitId,
      startPlan: -5,
    };
    expect(verdict(target, office)).toBe('negative');
  });
});
