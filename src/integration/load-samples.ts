// The 100 sample returns (2018年1-8月 and 1-9月) read from fixtures/samples with the real reader, for tests in
// src/integration. Node only (fs); a file the reader refuses makes the load fail loudly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedReturn, PeriodKey } from '../domain/types';
import { readReturn } from '../import/read-return';

export const SAMPLES_DIR = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));
export const SAMPLE_PERIODS: readonly PeriodKey[] = ['2018-08', '2018-09'];

/** The sample files of a period, as [file name, bytes], in name order. */
export function sampleFiles(period: PeriodKey): [string, Uint8Array][] {
  const dir = join(SAMPLES_DIR, period);
  return readdirSync(dir)
    .filter((name) => /\.xlsx?$/i.test(name))
    .sort()
    .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]);
}

/** Every sample return, by period; throws with the reader's messages if a sample is refused. */
export function loadSampleReturns(): Map<PeriodKey, ParsedReturn[]> {
  const out = new Map<PeriodKey, ParsedReturn[]>();
  for (const period of SAMPLE_PERIODS) {
    for (const [name, bytes] of sampleFiles(period)) {
      const result = readReturn(bytes, name);
      if (!result.ok) throw new Error(`${name}: ${result.issues.map((i) => i.message).join('\n')}`);
      for (const ret of result.returns) {
        const list = out.get(ret.period) ?? [];
        list.push(ret);
        out.set(ret.period, list);
      }
    }
  }
  return out;
}
