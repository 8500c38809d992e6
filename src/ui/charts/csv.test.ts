// The chart CSV: BOM, Chinese headers, quoting, and text that would be a formula kept inert (checked in
// LibreOffice, which evaluates formulas in a CSV, where it is installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const SOFFICE = '/usr/bin/soffice';

describe('toCsv', () => {
  it('starts with a BOM and quotes cells that need it', () => {
    const csv = toCsv(
      ['市县', '开工率（%）'],
      [
        ['农安县', 0],
        ['长春市, 市区', null],
        ['说"明"', 86.02],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '市县,开工率（%）',
      '农安县,0',
      '"长春市, 市区",',
      '"说""明""",86.02',
      '',
    ]);
  });
});

describe('text that would be a formula in Excel', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', '"\'=HYPERLINK(""http://evil.example"",""点我"")"'],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\r=1', `"'\r=1"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
  ])('%j is written as inert text', (text, written) => {
    expect(toCsv(['银行'], [[text]])).toBe(`\uFEFF银行\r\n${written}\r\n`);
  });

  it.each([
    ['国家开发银行', '国家开发银行'],
    ['农安县=1', '农安县=1'],
    ['A-1', 'A-1'],
  ])('%j, not starting with one, is left as it is', (text, written) => {
    expect(
      toCsv(['银行'], [[text]])
        .slice(1)
        .split('\r\n')[1],
    ).toBe(written);
  });

  it('keeps numbers numbers, negative ones too', () => {
    expect(
      toCsv(['变化'], [[-5], [0], [12.5]])
        .slice(1)
        .split('\r\n'),
    ).toEqual(['变化', '-5', '0', '12.5', '']);
  });

  it('opened by LibreOffice (which evaluates formulas in a CSV), every such text stays text', () => {
    if (!existsSync(SOFFICE)) {
      console.log(`skipped: ${SOFFICE} is not installed (LibreOffice opens the CSV of this test)`);
      return;
    }
    const texts = ['=1+1', '+1+1', '-2+3', '@SUM(B2:B3)', "=cmd|' /C calc'!A0", '国开行'];
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    try {
      writeFileSync(
        join(dir, 'chart.csv'),
        toCsv(
          ['银行', '授信'],
          texts.map((t, i) => [t, i]),
        ),
      );
      // The control: the same texts written raw, as before, are evaluated.
      writeFileSync(
        join(dir, 'raw.csv'),
        `\uFEFF银行\r\n${texts.map((t) => `"${t.replace(/"/g, '""')}"`).join('\r\n')}\r\n`,
      );
      for (const name of ['chart.csv', 'raw.csv']) {
        spawnSync(SOFFICE, ['--headless', '--convert-to', 'xlsx', '--outdir', dir, join(dir, name)], {
          timeout: 90_000,
        });
      }
      const formulas = (name: string) => {
        const xml = strFromU8(
          unzipSync(readFileSync(join(dir, name)))['xl/worksheets/sheet1.xml'] as Uint8Array,
        );
        return (xml.match(/<f[ >]/g) ?? []).length;
      };
      expect(formulas('raw.xlsx')).toBeGreaterThan(0);
      expect(formulas('chart.xlsx')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
