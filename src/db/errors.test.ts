// Storage errors as the browser and Dexie raise them become the right Chinese message.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError } from './errors';

describe('describeStorageError', () => {
  it.each([
    ['a bare QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'quota', '存储空间已满'],
    [
      'Dexie wrapping a quota error',
      new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError')),
      'quota',
      '导出备份',
    ],
    [
      'an upgrade error',
      Object.assign(new Error('upgrade'), { name: 'UpgradeError' }),
      'blocked',
      '另一个浏览器标签页',
    ],
    ['a newer database than the page', new Dexie.VersionError('version'), 'version', '刷新页面'],
    ['a database that fails to open', new Dexie.OpenFailedError('open', new Error('x')), 'open', '无痕'],
    ['a closed database', new Dexie.DatabaseClosedError('closed'), 'closed', '刷新本页'],
    ['an aborted transaction', new Dexie.AbortError('aborted'), 'aborted', '没有写入任何数据'],
    ['anything else', new Error('boom'), 'unknown', '保存数据时出错'],
  ])('%s', (_name, err, code, words) => {
    const problem = describeStorageError(err);
    expect(problem.code).toBe(code);
    expect(problem.message).toContain(words);
  });

  it('never shows the error text itself (often English, meaningless to the user)', () => {
    expect(describeStorageError(new Error('boom: internal detail')).message).not.toContain('boom');
  });
});
