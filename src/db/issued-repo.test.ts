// 签发 in the store (fake-indexeddb): the issued record freezes the text, the attachments and the source
// revisions; a later corrected return changes the current figures but not the issued ones, and is listed as
// 签发后更改 unit by unit; a re-issue is the next version with the next 发文字号; refusals write nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAttachments } from '../domain/bulletin/attachments';
import {
  DOC_NUMBER_KEY,
  diffAttachments,
  nextDocNumber,
  withDefaultDocNumber,
} from '../domain/bulletin/issue';
import { analysePeriod } from '../domain/calc';
import { analysisWindow } from '../domain/calc/window';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import type { PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { AnjuDatabase } from './database';
import { makeReturn, storeImport } from './fixtures/sample-data';
import { type IssueInput, issueBulletin, issuedState, listIssued } from './issued-repo';
import { getReturnsOfPeriods } from './returns-repo';

const opened: AnjuDatabase[] = [];
function freshDb(): AnjuDatabase {
  const db = new AnjuDatabase(`issued-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const PERIOD: PeriodKey = '2018-09';
const UNITS = ['220122', '220183', '220182', '220200'];

async function withReturns(): Promise<AnjuDatabase> {
  const db = freshDb();
  await storeImport(
    db,
    UNITS.flatMap((u, i) => [makeReturn(u, '2018-08', i), makeReturn(u, PERIOD, i + 10)]),
    { importId: 'first', at: 1_000 },
  );
  return db;
}

/** What the 通报 page does: read the window, analyse, build the attachments, then issue. */
async function pageInput(db: AnjuDatabase, number: number, docDate = '2018-10-10'): Promise<IssueInput> {
  const returnsUsed = await getReturnsOfPeriods(db, analysisWindow(PERIOD));
  const analysis = analysePeriod({
    returnsByPeriod: returnsUsed,
    period: PERIOD,
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });
  return {
    period: PERIOD,
    returnsUsed,
    text: `通报正文（${number}）`,
    attachments: buildAttachments(analysis, 'grouped'),
    order: 'grouped',
    docDate,
    docNumber: number,
  };
}

async function current(db: AnjuDatabase) {
  return (await pageInput(db, 0)).attachments;
}

describe('issuing a bulletin', () => {
  it('records the text, the attachments, the sources, the 成文日期 and the 发文字号, and moves the number on', async () => {
    const db = await withReturns();
    const input = await pageInput(db, 12);
    const result = await issueBulletin(db, input, 5_000);
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({
      id: '2018-09#1',
      period: PERIOD,
      version: 1,
      issuedAt: 5_000,
      docNumber: '吉安居办〔2018〕12号',
      docDate: '2018-10-10',
      text: '通报正文（12）',
      order: 'grouped',
    });
    expect(result.value.attachments).toEqual(input.attachments);
    // The window's returns: this period's and the month before's, one source each.
    expect(result.value.sources).toHaveLength(UNITS.length * 2);
    const heads = await db.heads.toArray();
    const revs = await db.revisions.bulkGet(heads.map((h) => h.revisionId));
    expect(new Set(result.value.sources.map((s) => s.contentHash))).toEqual(
      new Set(revs.map((r) => r?.contentHash)),
    );
    const settings = withDefaultDocNumber((await db.settings.get(DOC_NUMBER_KEY))?.value as never);
    expect(nextDocNumber(settings, 2018)).toBe(13);
    expect(nextDocNumber(settings, 2019)).toBe(1);
  });

  it('keeps the issued figures after a corrected return, lists the change, and re-issues as the next version', async () => {
    const db = await withReturns();
    const first = await issueBulletin(db, await pageInput(db, 12), 5_000);
    if (!first.ok) throw new Error(first.message);
    const frozen = structuredClone(first.value);
    expect((await issuedState(db, PERIOD)).changed).toEqual([]);

    // 德惠市 sends a corrected September return after the issue.
    await storeImport(db, [makeReturn('220183', PERIOD, 99)], { importId: 'late', at: 6_000 });
    const state = await issuedState(db, PERIOD);
    expect(state.latest).toEqual(frozen);
    expect(state.changed).toEqual([{ unitId: '220183', period: PERIOD, kind: 'changed' }]);
    const diffs = diffAttachments(frozen.attachments as never, await current(db));
    expect(new Set(diffs.map((d) => d.unit))).toEqual(new Set(['德惠市', '长春市全市', '全省合计']));

    // Leaving it standing changes nothing; re-issuing adds version 2 with the next number.
    const again = await issueBulletin(db, await pageInput(db, 13), 7_000);
    if (!again.ok) throw new Error(again.message);
    expect(again.value).toMatchObject({ id: '2018-09#2', version: 2, docNumber: '吉安居办〔2018〕13号' });
    const versions = await listIssued(db, PERIOD);
    expect(versions.map((v) => v.id)).toEqual(['2018-09#1', '2018-09#2']);
    expect(versions[0]).toEqual(frozen);
    expect((await issuedState(db, PERIOD)).changed).toEqual([]);
  });

  it('lists a unit that reports after the issue, and one whose return is gone', async () => {
    const db = await withReturns();
    await issueBulletin(db, await pageInput(db, 1), 5_000);
    await storeImport(db, [makeReturn('222401', PERIOD, 7)], { importId: 'new', at: 6_000 });
    expect((await issuedState(db, PERIOD)).changed).toEqual([
      { unitId: '222401', period: PERIOD, kind: 'added' },
    ]);
    await db.heads.where('[unitId+period]').equals(['220122', PERIOD]).delete();
    expect((await issuedState(db, PERIOD)).changed).toContainEqual({
      unitId: '220122',
      period: PERIOD,
      kind: 'removed',
    });
  });

  it.each([
    [
      'a 发文字号 already used',
      async (db: AnjuDatabase) => pageInput(db, 12),
      /已用于2018年1-9月通报（第1版）/,
    ],
    [
      'a day that does not exist',
      async (db: AnjuDatabase) => pageInput(db, 20, '2018-02-30'),
      /成文日期无效/,
    ],
    ['a running number of 0', async (db: AnjuDatabase) => pageInput(db, 0), /1 至 99999/],
  ])('refuses %s and writes nothing', async (_, input, message) => {
    const db = await withReturns();
    await issueBulletin(db, await pageInput(db, 12), 5_000);
    const before = await db.issued.toArray();
    const settings = await db.settings.toArray();
    const result = await issueBulletin(db, await input(db), 6_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(await db.issued.toArray()).toEqual(before);
    expect(await db.settings.toArray()).toEqual(settings);
  });

  it('refuses to issue figures computed from returns that have changed since (another tab)', async () => {
    const db = await withReturns();
    const stale = await pageInput(db, 12);
    await storeImport(db, [makeReturn('220182', PERIOD, 50)], { importId: 'other-tab', at: 4_000 });
    const result = await issueBulletin(db, stale, 5_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('签发前本期数据已有变化');
    expect(await db.issued.count()).toBe(0);
    // The page shows the new figures; issuing those works.
    expect((await issueBulletin(db, await pageInput(db, 12), 6_000)).ok).toBe(true);
  });

  it('never writes over an issued record, even when asked for its id directly', async () => {
    const db = await withReturns();
    const first = await issueBulletin(db, await pageInput(db, 12), 5_000);
    if (!first.ok) throw new Error(first.message);
    await expect(db.issued.add({ ...first.value, text: '改过的' })).rejects.toThrow();
    expect((await db.issued.get('2018-09#1'))?.text).toBe('通报正文（12）');
  });
});
