// Issued bulletins (签发): a period's bulletin frozen as sent — its final text, every attachment's figures, the
// revisions it was computed from (by content hash, portable across computers), the 成文日期 and 发文字号.
// Records are only ever added: a re-issue is the next version, nothing issued is changed in place.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttachmentModel, RowOrder } from '../domain/bulletin/attachments';
import {
  advanceDocNumber,
  DOC_NUMBER_KEY,
  type DocNumberSettings,
  docNumberProblem,
  formatDocNumber,
  isIsoDay,
  withDefaultDocNumber,
} from '../domain/bulletin/issue';
import { analysisWindow } from '../domain/calc/window';
import { notice } from '../domain/messages';
import { periodLabel } from '../domain/period';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { type AnjuDatabase, db, type IssuedBulletinRecord } from './database';
import { storageErrorMessage } from './errors';
import { contentHashOf } from './import-repo';
import type { StoreResult } from './use-db-action';

export type IssuedSource = IssuedBulletinRecord['sources'][number];

export interface IssueInput {
  period: PeriodKey;
  /** The returns the text and attachments were computed from (the analysis window), as the page read them. */
  returnsUsed: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>;
  text: string;
  attachments: readonly AttachmentModel[];
  order: RowOrder;
  /** 成文日期, ISO. */
  docDate: string;
  /** The running number the 发文字号 takes (its template and year come from the settings and the 成文日期). */
  docNumber: number;
}

const sourceKey = (s: { unitId: UnitId; period: PeriodKey }) => `${s.unitId}|${s.period}`;

/** The content hash of every return the analysis read, window periods only. */
export async function sourcesOf(
  period: PeriodKey,
  returnsUsed: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
): Promise<IssuedSource[]> {
  const out: IssuedSource[] = [];
  for (const p of analysisWindow(period)) {
    for (const ret of returnsUsed.get(p) ?? []) {
      out.push({ unitId: ret.unitId, period: p, contentHash: await contentHashOf(ret) });
    }
  }
  return out.sort((a, b) => (sourceKey(a) < sourceKey(b) ? -1 : 1));
}

/** The current returns of the window as sources (inside a transaction: Dexie requests only). */
async function currentSources(database: AnjuDatabase, period: PeriodKey): Promise<IssuedSource[]> {
  const heads = await database.heads.where('period').anyOf(analysisWindow(period)).toArray();
  const revisions = await database.revisions.bulkGet(heads.map((h) => h.revisionId));
  return revisions
    .filter((r) => r !== undefined)
    .map((r) => ({ unitId: r.unitId, period: r.period, contentHash: r.contentHash }))
    .sort((a, b) => (sourceKey(a) < sourceKey(b) ? -1 : 1));
}

const sameSources = (a: readonly IssuedSource[], b: readonly IssuedSource[]) =>
  a.length === b.length &&
  a.every((s, i) => sourceKey(s) === sourceKey(b[i] ?? s) && s.contentHash === b[i]?.contentHash);

/**
 * 签发: record the bulletin as issued, as the next version of its period, with the 发文字号 built from the
 * settings' template, the 成文日期's year and the running number given (refused if another issued bulletin
 * has it), the running number moved on — all in one transaction. Refused, with nothing written, when the
 * stored returns are no longer those the page computed the bulletin from (another tab, a sync).
 */
export async function issueBulletin(
  database: AnjuDatabase,
  input: IssueInput,
  now = Date.now(),
): Promise<StoreResult<IssuedBulletinRecord>> {
  if (!isIsoDay(input.docDate)) return { ok: false, message: notice('issue.badDate') };
  const sources = await sourcesOf(input.period, input.returnsUsed);
  const attachments = structuredClone(input.attachments) as AttachmentModel[];
  try {
    return await database.transaction(
      'rw',
      [database.issued, database.settings, database.heads, database.revisions],
      async (): Promise<StoreResult<IssuedBulletinRecord>> => {
        if (!sameSources(sources, await currentSources(database, input.period))) {
          return { ok: false, message: notice('issue.changedMeanwhile') };
        }
        const stored = await database.settings.get(DOC_NUMBER_KEY);
        const settings = withDefaultDocNumber(stored?.value as Partial<DocNumberSettings> | undefined);
        const year = Number(input.docDate.slice(0, 4));
        const problem = docNumberProblem(settings.template, input.docNumber);
        if (problem) return { ok: false, message: notice(`docNumber.${problem}`) };
        const docNumber = formatDocNumber(settings.template, year, input.docNumber);
        const taken = await database.issued.filter((r) => r.docNumber === docNumber).first();
        if (taken) {
          return {
            ok: false,
            message: notice('issue.numberTaken', {
              docNumber,
              period: periodLabel(taken.period),
              version: taken.version,
            }),
          };
        }
        const earlier = await database.issued.where('period').equals(input.period).toArray();
        const version = earlier.reduce((max, r) => Math.max(max, r.version), 0) + 1;
        const record: IssuedBulletinRecord = {
          id: `${input.period}#${version}`,
          period: input.period,
          version,
          issuedAt: now,
          docNumber,
          docDate: input.docDate,
          text: input.text,
          sources,
          attachments,
          order: input.order,
        };
        // add, never put: an issued record that exists is never written over.
        await database.issued.add(record);
        await database.settings.put({
          key: DOC_NUMBER_KEY,
          value: advanceDocNumber(settings, year, input.docNumber),
        });
        return { ok: true, value: record };
      },
    );
  } catch (err) {
    return { ok: false, message: storageErrorMessage(err) };
  }
}

/** The issued versions of a period, oldest first. */
export async function listIssued(database: AnjuDatabase, period: PeriodKey): Promise<IssuedBulletinRecord[]> {
  const records = await database.issued.where('period').equals(period).toArray();
  return records.sort((a, b) => a.version - b.version);
}

/** A unit's return for a window period that is not the one the bulletin was issued from (签发后更改). */
export interface ChangedSource {
  unitId: UnitId;
  period: PeriodKey;
  /** changed: another return now; added: a return where none was; removed: none now (an import undone). */
  kind: 'changed' | 'added' | 'removed';
}

/** The returns that differ from those an issued bulletin was computed from. */
export function changedSources(
  issued: readonly IssuedSource[],
  current: readonly IssuedSource[],
): ChangedSource[] {
  const before = new Map(issued.map((s) => [sourceKey(s), s]));
  const now = new Map(current.map((s) => [sourceKey(s), s]));
  const out: ChangedSource[] = [];
  for (const [key, s] of now) {
    const old = before.get(key);
    if (!old) out.push({ unitId: s.unitId, period: s.period, kind: 'added' });
    else if (old.contentHash !== s.contentHash)
      out.push({ unitId: s.unitId, period: s.period, kind: 'changed' });
  }
  for (const [key, s] of before)
    if (!now.has(key)) out.push({ unitId: s.unitId, period: s.period, kind: 'removed' });
  return out;
}

export interface IssuedState {
  /** Every issued version, oldest first; empty when the period was never issued. */
  versions: IssuedBulletinRecord[];
  /** The latest version (the one standing), if any. */
  latest: IssuedBulletinRecord | null;
  /** Returns changed since the latest version was issued (签发后更改). */
  changed: ChangedSource[];
}

export async function issuedState(database: AnjuDatabase, period: PeriodKey): Promise<IssuedState> {
  return database.transaction('r', [database.issued, database.heads, database.revisions], async () => {
    const versions = await listIssued(database, period);
    const latest = versions.at(-1) ?? null;
    const changed = latest ? changedSources(latest.sources, await currentSources(database, period)) : [];
    return { versions, latest, changed };
  });
}

// ---- live queries and actions for the pages ----------------------------------------------------------------

/** A period's issued versions and what changed since, live; undefined while loading. */
export function useIssuedState(period: PeriodKey | null): IssuedState | undefined {
  return useLiveQuery(
    () => (period ? issuedState(db, period) : Promise.resolve({ versions: [], latest: null, changed: [] })),
    [period],
  );
}

/** The latest issued version of every issued period, live. */
export function issue(input: IssueInput): Promise<StoreResult<IssuedBulletinRecord>> {
  return issueBulletin(db, input);
}
