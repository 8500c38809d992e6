// 下载年度目标表: a year's targets as a workbook to fill in or keep (设置 → 年度目标), one row per unit with the
// targets already set, in the layout the targets reader reads back (title with the year, one header row).
import ExcelJS from 'exceljs';
import { TARGET_FIELDS, type YearTargets } from '../domain/targets';
import type { Unit } from '../domain/units';

const FONT = '宋体';
const YUAN_PER_YI = 100_000_000;

export function targetsFileName(year: number): string {
  return `${year}年保障性安居工程年度目标.xlsx`;
}

export async function writeTargetsWorkbook(
  year: number,
  units: readonly Unit[],
  targets: YearTargets,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林省安居工程月报汇总';
  // A fixed date keeps the bytes of two exports of the same targets identical.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('年度目标', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headers = ['序号', '市县', ...TARGET_FIELDS.map((f) => f.header), '备注'];
  sheet.columns = headers.map((_, i) => ({
    width: i === 0 ? 6 : i === 1 ? 16 : i === headers.length - 1 ? 20 : 22,
  }));

  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = `${year}年保障性安居工程年度目标任务（目标责任书）`;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  const header = sheet.getRow(2);
  header.values = headers;
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  units.forEach((unit, i) => {
    const t = targets.get(unit.id);
    const row = sheet.getRow(3 + i);
    row.values = [
      i + 1,
      unit.name,
      ...TARGET_FIELDS.map((f) => {
        const v = t?.[f.key] ?? null;
        if (v === null) return null;
        return f.kind === 'money' ? v / YUAN_PER_YI : v;
      }),
      null,
    ];
    TARGET_FIELDS.forEach((f, j) => {
      // Money in 亿元 shows its cents; a figure with more places keeps them (the reader reads the exact value).
      sheet.getCell(3 + i, 3 + j).numFmt = f.kind === 'money' ? '0.00######' : '0';
    });
  });

  const last = 2 + units.length;
  for (let r = 2; r <= last; r++) {
    for (let c = 1; c <= headers.length; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      if (r > 2) cell.font = { name: FONT, size: 11 };
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.pageSetup.printTitlesRow = '2:2';
  const footer = sheet.getCell(last + 2, 1);
  footer.value = '说明：每个单位一行；本年棚改需贷款以亿元为单位；不设目标的留空。';
  footer.font = { name: FONT, size: 10 };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
