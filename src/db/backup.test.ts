import 'fake-indexeddb/auto';
import { gzipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/sha256';
import { type FieldDef, isStoredField, TABLES } from '../domain/tables';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileName,
  countDatabase,
  createBackup,
  dumpDatabase,
  encodeBackup,
  exportBackup,
  readBackup,
  replaceWithBackup,
  restoreFromFile,
  wipeDatabase,
} from './backup';
import { BACKUP_REMINDER_MS, backupReminder, LAST_BACKUP_KEY } from './backup-reminder';
import { AnjuDatabase } from './database';
import { makeReturn, storeImport } from './fixtures/sample-data';
import { restoreRevision } from './history';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
const opened: AnjuDatabase[] = [];

function freshDb(): AnjuDatabase {
  counter++;
  const db = new AnjuDatabase(`backup-test-${counter}-${Date.now()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A database with two periods, a corrected return (two revisions), a restored older version, settings and bulletins. */
async function populated(): Promise<AnjuDatabase> {
  const db = freshDb();
  await storeImport(db, [makeReturn('220122', '2018-08', 1), makeReturn('220182', '2018-08', 2)], {
    importId: 'imp-1',
    at: 1_000,
  });
  await storeImport(db, [makeReturn('220122', '2018-09', 3), makeReturn('220182', '2018-09', 4)], {
    importId: 'imp-2',
    at: 2_000,
  });
  await storeImport(db, [makeReturn('220122', '2018-09', 5)], { importId: 'imp-3', at: 3_000 });
  const first = await db.revisions.where('importId').equals('imp-2').first();
  await restoreRevision(db, first?.id as number, 4_000);
  await db.settings.put({ key: 'thresholds', value: { startTarget: 100, startWarning: 55 } });
  await db.bulletins.add({
    period: '2018-09',
    text: '全省棚户区改造…<b>不是标记</b>',
    savedAt: 5_000,
    kind: 'edited',
  });
  await db.bulletins.add({ period: '2018-09', text: '第二稿', savedAt: 6_000, kind: 'edited' });
  return db;
}

describe('backup → restore', () => {
  it.each([
    ['JSON', false],
    ['gzip', true],
  ])('restoring a %s backup into an empty app gives exactly the same records', async (_label, gzip) => {
    const source = await populated();
    const { bytes, fileName } = await exportBackup(source, gzip, new Date(2018, 9, 10, 8, 5));
    expect(fileName).toBe(`安居月报备份-20181010-0805.json${gzip ? '.gz' : ''}`);
    const target = freshDb();
    const result = await restoreFromFile(target, bytes, fileName);
    expect(result.ok).toBe(true);
    const original = await dumpDatabase(source);
    const restored = await dumpDatabase(target);
    for (const table of ['revisions', 'heads', 'imports', 'settings', 'bulletins'] as const) {
      expect(restored[table], table).toEqual(original[table]);
    }
    // The setting recording the backup time travels in the backup too.
    expect(restored.settings.some((s) => s.key === LAST_BACKUP_KEY)).toBe(true);
    expect(original.revisions).toHaveLength(5);
  });

  it('covers every table of the schema (a table added later must be added to the backup too)', async () => {
    const db = await populated();
    const backup = await createBackup(db);
    expect(Object.keys(backup.data).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it('carries the format name, version and a checksum of its content', async () => {
    const db = await populated();
    const backup = await createBackup(db, 42);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.schemaVersion).toBe(db.verno);
    expect(backup.sha256).toBe(await sha256Hex(JSON.stringify(backup.data)));
  });

  it('is refused into an app that already holds returns, changing nothing', async () => {
    const source = await populated();
    const { bytes } = await exportBackup(source, false);
    const target = freshDb();
    await storeImport(target, [makeReturn('220200', '2018-09', 9)], { importId: 'other', at: 7 });
    const before = await dumpDatabase(target);
    const result = await restoreFromFile(target, bytes, 'b.json');
    expect(result).toMatchObject({ ok: false, code: 'not-empty' });
    expect(await dumpDatabase(target)).toEqual(before);
  });

  it('clear-then-restore replaces everything with the backup', async () => {
    const source = await populated();
    const backup = await createBackup(source);
    const target = freshDb();
    await storeImport(target, [makeReturn('220200', '2018-09', 9)], { importId: 'other', at: 7 });
    const result = await replaceWithBackup(target, backup);
    expect(result.ok).toBe(true);
    expect(await dumpDatabase(target)).toEqual(backup.data);
  });
});

describe('bad backups are refused and change nothing', () => {
  async function goodBackupText(): Promise<string> {
    return JSON.stringify(await createBackup(await populated()));
  }
  const cases: [string, (good: string) => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
    [
      'another format',
      (g) => strToU8(g.replace(BACKUP_FORMAT, 'excalidraw')),
      'format',
      /不是本应用的备份文件/,
    ],
    ['a spreadsheet', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'damaged', /已损坏/],
    [
      'a newer version',
      (g) => strToU8(g.replace(`"version":${BACKUP_VERSION}`, `"version":${BACKUP_VERSION + 1}`)),
      'newer',
      new RegExp(`更新版本.*版本 ${BACKUP_VERSION + 1}`),
    ],
    ['bad JSON (truncated)', (g) => strToU8(g.slice(0, g.length - 40)), 'damaged', /已损坏/],
    [
      'a plain .json with a flipped byte that is no UTF-8 (damaged, not a compression problem)',
      (g) => {
        const bytes = strToU8(g);
        bytes[Math.floor(bytes.length / 2)] = 0xff;
        return bytes;
      },
      'damaged',
      /^(?!.*压缩).*已损坏（内容不是完整的备份数据/,
    ],
    [
      'truncated gzip',
      (g) => {
        const z = gzipSync(strToU8(g));
        return z.slice(0, Math.floor(z.length / 2));
      },
      'damaged',
      /已损坏（压缩数据不完整/,
    ],
    [
      'a changed figure (checksum fails)',
      (g) => strToU8(g.replace('"plan":1037', '"plan":1038')),
      'checksum',
      /校验失败/,
    ],
    [
      'a head pointing nowhere (checksum recomputed)',
      async (g) => {
        const parsed = JSON.parse(g);
        parsed.data.heads[0].revisionId = 999;
        parsed.sha256 = await sha256Hex(JSON.stringify(parsed.data));
        return strToU8(JSON.stringify(parsed));
      },
      'shape',
      /指向不存在的月报版本/,
    ],
    [
      'text where a figure belongs (checksum recomputed)',
      async (g) => {
        const parsed = JSON.parse(g);
        parsed.data.revisions[1].tables.start.started = '六百';
        parsed.data.revisions[2].tables.carryOver = 'none';
        parsed.sha256 = await sha256Hex(JSON.stringify(parsed.data));
        return strToU8(JSON.stringify(parsed));
      },
      'shape',
      /第 2 个月报版本（榆树市2018年1-8月）表1（棚改开工）“累计开工”的值“六百”无效：应为不小于 0 的整数（套）/,
    ],
  ];

  it.each(cases)('%s', async (_label, make, code, message) => {
    const good = await goodBackupText();
    const bytes = await make(good);
    const target = freshDb();
    await target.settings.put({ key: 'thresholds', value: { startTarget: 90 } });
    const before = await dumpDatabase(target);
    const result = await restoreFromFile(target, bytes, '安居月报备份-20181010-0805.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    expect(result.message).toContain('安居月报备份-20181010-0805.json');
    expect(await dumpDatabase(target)).toEqual(before);
  });

  // Every stored field of every table, from the definitions, given a value the reader never stores, in a backup
  // whose checksum matches (as a backup edited by hand or written by a faulty program would be).
  const BAD_VALUE: Partial<Record<FieldDef['kind'], unknown>> = {
    count: -3,
    money: 0.5,
    rate: '95.06%',
    text: 7,
    bank: '',
  };
  const fieldCases = TABLES.flatMap((def) =>
    def.fields
      .filter(isStoredField)
      .map((field) => ({ def, field, name: `${def.sheetName} ${field.label}` })),
  );
  it.each(fieldCases)(
    '$name out of the rules refuses the whole restore and the merge',
    async ({ def, field }) => {
      const parsed = JSON.parse(await goodBackupText());
      const tables = parsed.data.revisions[1].tables;
      const record =
        def.key === 'loan'
          ? tables.loan.banks[0]
          : def.key === 'carryOver'
            ? tables.carryOver[0]
            : tables[def.key];
      record[field.key] = BAD_VALUE[field.kind];
      parsed.sha256 = await sha256Hex(JSON.stringify(parsed.data));
      const bytes = strToU8(JSON.stringify(parsed));
      const target = freshDb();
      const result = await restoreFromFile(target, bytes, 'b.json');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe('shape');
        expect(result.message).toContain(
          `第 2 个月报版本（榆树市2018年1-8月）表${def.number}（${def.shortName}）`,
        );
        expect(result.message).toContain(`“${field.label}”`);
      }
      expect(await target.revisions.count()).toBe(0);
      // Merging reads the file the same way: it is refused before any plan is made.
      expect((await readBackup(bytes, 'b.json')).ok).toBe(false);
    },
  );

  it('the unchanged good backup is accepted (the cases above fail for their own reason)', async () => {
    const result = await readBackup(strToU8(await goodBackupText()), 'ok.json');
    expect(result.ok).toBe(true);
  });
});

describe('a storage quota error during restore', () => {
  it('stores nothing of the restore and says what to do', async () => {
    const backup = await createBackup(await populated());
    const target = freshDb();
    await target.open();
    // The browser refuses the write part-way, as a full disk does: the fourth record added fails.
    const proto = IDBObjectStore.prototype;
    const realAdd = proto.add;
    let adds = 0;
    proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      adds++;
      if (adds === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    };
    try {
      const result = await replaceWithBackup(target, backup);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/存储空间已满.*没有保存/);
    } finally {
      proto.add = realAdd;
    }
    expect(adds).toBeGreaterThanOrEqual(4);
    expect(await countDatabase(target)).toEqual({
      returns: 0,
      revisions: 0,
      settings: 0,
      bulletins: 0,
      imports: 0,
      targets: 0,
      issued: 0,
    });
  });
});

describe('backup reminder', () => {
  const NOW = 100 * DAY;
  it.each([
    ['no data, never backed up: not due', [], null, false],
    ['data for a day, never backed up: not due', [NOW - DAY], null, false],
    ['data for 8 days, never backed up: due', [NOW - 8 * DAY], null, true],
    ['backed up 8 days ago, changed since: due', [NOW - 10 * DAY, NOW - 2 * DAY], NOW - 8 * DAY, true],
    ['backed up 8 days ago, nothing changed since: not due', [NOW - 10 * DAY], NOW - 8 * DAY, false],
    ['backed up 3 days ago, changed since: not due', [NOW - 10 * DAY, NOW - 2 * DAY], NOW - 3 * DAY, false],
  ] as [string, number[], number | null, boolean][])('%s', async (_label, imports, lastBackup, due) => {
    const db = freshDb();
    for (const [i, at] of imports.entries()) {
      await storeImport(db, [makeReturn('220122', '2018-09', i)], { importId: `i${i}`, at });
    }
    if (lastBackup !== null) await db.settings.put({ key: LAST_BACKUP_KEY, value: lastBackup });
    expect((await backupReminder(db, NOW)).due).toBe(due);
  });

  it('an edited bulletin counts as a change', async () => {
    const db = freshDb();
    await storeImport(db, [makeReturn('220122', '2018-09', 1)], { importId: 'i', at: NOW - 20 * DAY });
    await db.settings.put({ key: LAST_BACKUP_KEY, value: NOW - 10 * DAY });
    expect((await backupReminder(db, NOW)).due).toBe(false);
    await db.bulletins.add({ period: '2018-09', text: '改', savedAt: NOW - DAY, kind: 'edited' });
    expect((await backupReminder(db, NOW)).due).toBe(true);
    expect(BACKUP_REMINDER_MS).toBe(7 * DAY);
  });
});

describe('file name and wipe', () => {
  it('names the file after the local time', () => {
    expect(backupFileName(new Date(2026, 0, 5, 9, 3), false)).toBe('安居月报备份-20260105-0903.json');
  });

  it('gzip output is smaller than JSON and reads back', async () => {
    const backup = await createBackup(await populated());
    const zipped = encodeBackup(backup, true);
    expect(zipped.length).toBeLessThan(encodeBackup(backup, false).length);
    expect((await readBackup(zipped, 'x.json.gz')).ok).toBe(true);
  });

  it('wiping deletes every record', async () => {
    const db = await populated();
    await wipeDatabase(db);
    const reopened = new AnjuDatabase(db.name);
    opened.push(reopened);
    expect(await countDatabase(reopened)).toEqual({
      returns: 0,
      revisions: 0,
      settings: 0,
      bulletins: 0,
      imports: 0,
      targets: 0,
      issued: 0,
    });
  });
});
