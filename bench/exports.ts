// Benchmark section 'exports': generating the bulletin (target < 20 ms) and writing the summary workbook and
// the .docx (target < 1 s each), in Node on the 100 sample returns; templates (one unit, all units zipped) too.
import { performance } from 'node:perf_hooks';
import { buildAttachments } from '../src/domain/bulletin/attachments';
import { DEFAULT_BULLETIN_TEXT } from '../src/domain/bulletin/defaults';
import { bulletinToText, generateBulletin, parseBulletinText } from '../src/domain/bulletin/generate';
import { analysePeriod } from '../src/domain/calc';
import { DEFAULT_THRESHOLDS } from '../src/domain/settings';
import { defaultRegister } from '../src/domain/units';
import { writeBulletinDocx } from '../src/export/bulletin-docx';
import { writeSummaryWorkbook } from '../src/export/summary-workbook';
import { writeAllTemplatesZip, writeTemplate } from '../src/export/templates';
import { loadSampleReturns } from '../src/integration/load-samples';

/** Median and worst of `runs` timings after one warm-up run. */
async function time<T>(
  runs: number,
  work: () => T | Promise<T>,
): Promise<{ median: number; max: number; result: T }> {
  let result = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0, result };
}

function line(name: string, t: { median: number; max: number }, targetMs: number, extra = ''): void {
  const verdict = t.median < targetMs ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(34)} median ${t.median.toFixed(1).padStart(8)} ms  max ${t.max.toFixed(1).padStart(8)} ms  target < ${targetMs} ms  ${verdict}${extra}`,
  );
}

export async function run(): Promise<void> {
  const returnsByPeriod = loadSampleReturns();
  const analysis = analysePeriod({
    returnsByPeriod,
    period: '2018-09',
    register: defaultRegister,
    thresholds: DEFAULT_THRESHOLDS,
  });

  const bulletin = await time(50, () => bulletinToText(generateBulletin(analysis, DEFAULT_BULLETIN_TEXT)));
  line('generate bulletin text', bulletin, 20, `  (${bulletin.result.length} chars)`);

  const withCalc = await time(20, () =>
    generateBulletin(
      analysePeriod({
        returnsByPeriod,
        period: '2018-09',
        register: defaultRegister,
        thresholds: DEFAULT_THRESHOLDS,
      }),
      DEFAULT_BULLETIN_TEXT,
    ),
  );
  line('analyse period + generate', withCalc, 20);

  const workbook = await time(5, () => writeSummaryWorkbook(analysis));
  line(
    'summary workbook (.xlsx, ExcelJS)',
    workbook,
    1000,
    `  (${(workbook.result.byteLength / 1024).toFixed(0)} KB)`,
  );

  const paragraphs = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT).paragraphs;
  const docx = await time(5, () => writeBulletinDocx(paragraphs, buildAttachments(analysis)));
  line('bulletin .docx (docx)', docx, 1000, `  (${(docx.result.byteLength / 1024).toFixed(0)} KB)`);

  // 导出通报 of an edited text: read back from the text, then written with the attachments.
  const editedText = bulletinToText(generateBulletin(analysis, DEFAULT_BULLETIN_TEXT)).replace(
    '有关政府',
    '有关市县政府',
  );
  const edited = await time(5, () =>
    writeBulletinDocx(parseBulletinText(editedText), buildAttachments(analysis)),
  );
  line('edited text → .docx', edited, 1000);

  const unit = defaultRegister.units[0];
  if (unit) {
    const one = await time(10, () => writeTemplate({ unit, period: '2018-09' }));
    line('one blank template (.xlsx)', one, 200, `  (${(one.result.byteLength / 1024).toFixed(0)} KB)`);
  }
  const zip = await time(3, () => writeAllTemplatesZip(defaultRegister.units, '2018-09'));
  line(
    `all ${defaultRegister.units.length} templates (.zip)`,
    zip,
    2000,
    `  (${(zip.result.byteLength / 1024).toFixed(0)} KB)`,
  );
}
