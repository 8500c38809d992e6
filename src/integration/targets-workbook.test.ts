// The targets workbook round trip: written by ExcelJS with generated targets (some not set, money with odd
// cents), filled in by hand in ExcelJS (text figures, 万元, a unit's full name), read back by readTargets exactly.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/seeded-random';
import { TARGET_FIELDS, type UnitTargets } from '../domain/targets';
import type { UnitId } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { writeTargetsWorkbook } from '../export/targets-workbook';
import { readTargets } from '../import/read-targets';

function generated(seed: number): Map<UnitId, UnitTargets> {
  const next = seededRandom(seed);
  const out = new Map<UnitId, UnitTargets>();
  for (const unit of defaultRegister.units) {
    if (next() < 0.2) continue;
    const pick = (scale: number) => (next() < 0.15 ? null : Math.floor(next() * 50_000) * scale);
    out.set(unit.id, {
      startPlan: pick(1),
      // Yuan to the cent of a 亿元 and beyond: 12.3456789亿元 must come back exactly.
      loanNeed: pick(next() < 0.5 ? 1_000_000 : 10),
      expropriationPlan: pick(1),
      rentalTask: pick(1),
    });
  }
  return out;
}

/** Every unit the workbook lists: the ones without any target come back with none set. */
function expectedOf(targets: Map<UnitId, UnitTargets>): Map<UnitId, UnitTargets> {
  const none: UnitTargets = { startPlan: null, loanNeed: null, expropriationPlan: null, rentalTask: null };
  return new Map(defaultRegister.units.map((u) => [u.id, targets.get(u.id) ?? none]));
}

describe('the targets workbook', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: written, then read back exactly', async (seed) => {
    const targets = generated(seed);
    const bytes = await writeTargetsWorkbook(2018, defaultRegister.units, targets);
    const result = readTargets(bytes, '2018年目标.xlsx', { year: 2018 });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(new Map(result.rows.map((r) => [r.unitId, r.targets]))).toEqual(expectedOf(targets));
    expect(result.columns).toEqual(TARGET_FIELDS.map((f) => f.key));
    expect(result.warnings).toEqual([]);
    // Another year refuses it: the title names 2018.
    expect(readTargets(bytes, '2018年目标.xlsx', { year: 2019 }).ok).toBe(false);
  });

  it('reads what a person types into it', async () => {
    const bytes = await writeTargetsWorkbook(2018, defaultRegister.units, new Map());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('年度目标');
    if (!sheet) throw new Error('no sheet');
    // 农安县's row in register order: its name as in the 目标责任书, figures as text.
    const r = 3 + defaultRegister.units.findIndex((u) => u.id === '220122');
    expect(sheet.getCell(`B${r}`).value).toBe('农安县');
    sheet.getCell(`B${r}`).value = '农安县人民政府';
    sheet.getCell(`C${r}`).value = '1,200';
    sheet.getCell(`D${r}`).value = '5000万元';
    sheet.getCell(`E${r}`).value = '300户';
    sheet.getCell(`F${r}`).value = '-';
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = readTargets(edited, '目标.xlsx', { year: 2018 });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.rows.find((r) => r.unitId === '220122')?.targets).toEqual({
      startPlan: 1200,
      loanNeed: 50_000_000,
      expropriationPlan: 300,
      rentalTask: 0,
    });
  });
});
