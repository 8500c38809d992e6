// The .xls (OLE compound file) checks, damage class by damage class: sound files of every writer pass; a cut,
// a broken header, a looping or cross-linked chain, a size longer than its chain, a looping directory are
// refused as damaged before SheetJS follows them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { CfbCheck } from './cfb-check';
import { verifyCfb } from './cfb-check';
import { readReturn } from './read-return';
import { carryOverSheet, standardReturn, withSheet, workbookBytes } from './test-workbooks';
import { sampleBytes } from './zip-craft';

const SOFFICE = '/usr/bin/soffice';

/** The header fields and directory entries of a compound file, to aim damage at. */
function layout(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(30, true);
  const firstFat = view.getUint32(76, true);
  const fatAt = (sector: number) => (firstFat + 1) * sectorSize + sector * 4;
  const dirStart = view.getUint32(48, true);
  const dirAt = (index: number) => (dirStart + 1) * sectorSize + index * 128;
  const entries: { index: number; name: string; type: number; start: number; size: number }[] = [];
  for (let i = 0; i < sectorSize / 128; i++) {
    const at = dirAt(i);
    const len = view.getUint16(at + 64, true);
    let name = '';
    for (let k = 0; k + 2 < len; k += 2) name += String.fromCharCode(view.getUint16(at + k, true));
    entries.push({
      index: i,
      name,
      type: view.getUint8(at + 66),
      start: view.getUint32(at + 116, true),
      size: view.getUint32(at + 120, true),
    });
  }
  return { view, sectorSize, fatAt, dirAt, entries };
}

function damageOf(check: CfbCheck): unknown {
  return check.ok ? 'ok' : check.damage;
}

const XLS = workbookBytes(withSheet(standardReturn(), carryOverSheet({})), 'biff8');

describe('sound compound files pass', () => {
  it.each([
    ['SheetJS BIFF8', XLS],
    [
      'SheetJS BIFF8, a large 表4',
      workbookBytes(
        withSheet(
          standardReturn(),
          carryOverSheet(
            {},
            Array.from({ length: 2000 }, (_, i) => [i + 1, '农安县', `项目${i}`, 10, 1, '', '']),
          ),
        ),
        'biff8',
      ),
    ],
    [
      'an OLE file holding other streams',
      (() => {
        const cfb = XLSX.CFB.utils.cfb_new();
        XLSX.CFB.utils.cfb_add(cfb, '/Small', new Uint8Array(100).fill(1));
        XLSX.CFB.utils.cfb_add(cfb, '/Large', new Uint8Array(70_000).fill(2));
        return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
      })(),
    ],
  ])('%s', (_label, bytes) => {
    expect(verifyCfb(bytes)).toEqual({ ok: true });
  });

  it('an .xls saved by LibreOffice passes and reads as the .xlsx it came from', () => {
    if (!existsSync(SOFFICE)) {
      console.log(`skipped: ${SOFFICE} is not installed (LibreOffice writes the .xls of this test)`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'cfb-'));
    try {
      writeFileSync(join(dir, 'a.xlsx'), sampleBytes());
      const run = spawnSync(
        SOFFICE,
        ['--headless', '--convert-to', 'xls', '--outdir', dir, join(dir, 'a.xlsx')],
        {
          timeout: 90_000,
        },
      );
      if (!existsSync(join(dir, 'a.xls'))) {
        console.log(`skipped: LibreOffice did not convert (${String(run.stderr).slice(0, 200)})`);
        return;
      }
      const xls = new Uint8Array(readFileSync(join(dir, 'a.xls')));
      expect(verifyCfb(xls)).toEqual({ ok: true });
      const fromXls = readReturn(xls, 'a.xls');
      const fromXlsx = readReturn(sampleBytes(), 'a.xlsx');
      expect(fromXls.ok && fromXls.returns).toEqual(fromXlsx.ok && fromXlsx.returns);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('each kind of damage is refused', () => {
  it('a file cut anywhere is refused', () => {
    for (let length = 0; length < XLS.length; length += 211) {
      const check = verifyCfb(XLS.subarray(0, length));
      expect(check.ok, `cut at ${length}`).toBe(false);
    }
  });

  it.each([
    ['byte order', 28, 2, 0xfeff],
    ['sector shift', 30, 2, 10],
    ['mini sector shift', 32, 2, 7],
    ['major version', 26, 2, 5],
    ['FAT sector count', 44, 4, 0],
    ['first FAT sector', 76, 4, 0x7fffffff],
  ])('a broken header field (%s) is refused', (_label, at, width, value) => {
    const bytes = XLS.slice();
    const view = new DataView(bytes.buffer);
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    expect(damageOf(verifyCfb(bytes))).toEqual({ kind: 'cfbHeader' });
  });

  const big = layout(XLS).entries.filter((e) => e.type === 2 && e.size >= 4096);
  const small = layout(XLS).entries.filter((e) => e.type === 2 && e.size > 0 && e.size < 4096);

  it('the sample has a large stream and small ones to damage', () => {
    expect(big.map((e) => e.name)).toContain('Workbook');
    expect(small.length).toBeGreaterThan(0);
  });

  it.each(big.map((e) => [e.name, e] as const))(
    '%s: a chain looping back on itself is refused',
    (name, e) => {
      const bytes = XLS.slice();
      const { view, fatAt } = layout(bytes);
      view.setUint32(fatAt(e.start), e.start, true);
      expect(damageOf(verifyCfb(bytes))).toEqual({ kind: 'cfbChain', part: name });
    },
  );

  it.each(big.map((e) => [e.name, e] as const))('%s: a chain leaving the file is refused', (name, e) => {
    const bytes = XLS.slice();
    const { view, fatAt } = layout(bytes);
    view.setUint32(fatAt(e.start), 100_000, true);
    expect(damageOf(verifyCfb(bytes))).toEqual({ kind: 'cfbChain', part: name });
  });

  it.each([...big, ...small].map((e) => [e.name, e] as const))(
    '%s: a size longer than its chain is refused',
    (name, e) => {
      const bytes = XLS.slice();
      const { view, dirAt } = layout(bytes);
      // Past the next sector boundary, still on the same side of the mini-stream cutoff.
      const longer = e.size < 4096 ? Math.min(4095, e.size + 64) : e.size + 512 * 8;
      view.setUint32(dirAt(e.index) + 120, longer, true);
      const check = verifyCfb(bytes);
      if (longer === e.size) return;
      expect(damageOf(check)).toEqual({ kind: 'cfbChain', part: name });
    },
  );

  it.each([
    ['small', 100],
    ['large', 9000],
  ])('two %s streams sharing their sectors (cross-linked) are refused', (_label, size) => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/A', new Uint8Array(size).fill(1));
    XLSX.CFB.utils.cfb_add(cfb, '/B', new Uint8Array(size).fill(2));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    expect(verifyCfb(bytes)).toEqual({ ok: true });
    const { view, dirAt, entries } = layout(bytes);
    const a = entries.find((e) => e.name === 'A') as (typeof entries)[0];
    const b = entries.find((e) => e.name === 'B') as (typeof entries)[0];
    view.setUint32(dirAt(b.index) + 116, a.start, true);
    const damage = damageOf(verifyCfb(bytes)) as { part: string };
    expect(damage).toMatchObject({ kind: 'cfbChain' });
    // Whichever of the two is followed second is the one found sharing.
    expect(['A', 'B']).toContain(damage.part);
  });

  it.each([
    ['a child pointing to the root', 76, 0],
    ['a sibling out of range', 68, 5000],
  ])('a directory tree with %s is refused', (_label, field, value) => {
    const bytes = XLS.slice();
    const { view, dirAt, entries } = layout(bytes);
    const child = entries.find((e) => e.type === 2) as (typeof entries)[0];
    view.setUint32(dirAt(child.index) + field, value, true);
    expect(damageOf(verifyCfb(bytes))).toEqual({ kind: 'cfbDirectory' });
  });

  it('the reader says 文件已损坏 for a broken .xls and reads nothing of it', () => {
    const bytes = XLS.slice();
    const { view, fatAt } = layout(bytes);
    const workbook = big.find((e) => e.name === 'Workbook') as (typeof big)[0];
    view.setUint32(fatAt(workbook.start), workbook.start, true);
    const result = readReturn(bytes, '农安县.xls');
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
      '文件“农安县.xls”：文件已损坏：数据流“Workbook”的存储位置或大小记录已损坏，请让报送单位重新发送。',
    ]);
  });
});
