import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE_COUNT } from './demo-count';
import { DEMO_URL_COUNT } from './demo-data';

const SAMPLES = join(import.meta.dirname, '../../../fixtures/samples');

describe('DEMO_FILE_COUNT', () => {
  it('is the number of sample workbooks shipped, and of the URLs the demo loads', () => {
    const files = readdirSync(SAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(SAMPLES, d.name)).filter((f) => f.endsWith('.xlsx')));
    expect(files.length).toBeGreaterThan(0);
    expect(DEMO_FILE_COUNT).toBe(files.length);
    expect(DEMO_URL_COUNT).toBe(files.length);
  });
});
