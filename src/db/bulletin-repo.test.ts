// Bulletin texts per period: edits are kept, 重新生成 returns to the generated text without losing them.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getEditedBulletin,
  listBulletinRevisions,
  recordRegenerated,
  saveEditedBulletin,
} from './bulletin-repo';
import { AnjuDatabase } from './database';

let database: AnjuDatabase;

beforeEach(async () => {
  database = new AnjuDatabase(`bulletin-repo-${Math.random()}`);
  await database.open();
});

afterEach(async () => {
  await database.delete();
});

describe('bulletin texts', () => {
  it('has no edited text before the first save', async () => {
    expect(await getEditedBulletin(database, '2018-09')).toBeNull();
  });

  it('keeps the latest edit per period, apart from other periods', async () => {
    await saveEditedBulletin(database, '2018-09', '第一稿', 1);
    await saveEditedBulletin(database, '2018-09', '第二稿', 2);
    await saveEditedBulletin(database, '2018-08', '八月', 3);
    expect((await getEditedBulletin(database, '2018-09'))?.text).toBe('第二稿');
    expect((await getEditedBulletin(database, '2018-08'))?.text).toBe('八月');
  });

  it('regenerating shows the generated text again and keeps every edit as a revision', async () => {
    await saveEditedBulletin(database, '2018-09', '手改稿', 1);
    await recordRegenerated(database, '2018-09', '自动稿', 2);
    expect(await getEditedBulletin(database, '2018-09')).toBeNull();
    const revisions = await listBulletinRevisions(database, '2018-09');
    expect(revisions.map((r) => [r.kind, r.text])).toEqual([
      ['edited', '手改稿'],
      ['generated', '自动稿'],
    ]);
  });
});
