// The targets section's file work, loaded lazily (SheetJS and ExcelJS stay out of the first bundle): read a
// targets workbook by the reader's rules, and save the year's targets as a workbook to fill in.
import type { YearTargets } from '../../domain/targets';
import type { Unit } from '../../domain/units';
import type { TargetsReadResult } from '../../import/read-targets';
import { saveBytes } from '../../ui/download';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readTargetsFile(
  file: File,
  year: number,
  maxBytes: number,
): Promise<TargetsReadResult> {
  const { readTargets } = await import('../../import/read-targets');
  return readTargets(new Uint8Array(await file.arrayBuffer()), file.name, { year, maxBytes });
}

export async function downloadTargetsWorkbook(
  year: number,
  units: readonly Unit[],
  targets: YearTargets,
): Promise<void> {
  const { writeTargetsWorkbook, targetsFileName } = await import('../../export/targets-workbook');
  saveBytes(await writeTargetsWorkbook(year, units, targets), targetsFileName(year), XLSX_MIME);
}
