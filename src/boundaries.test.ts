// The folder boundaries of the architecture, proven: for every folder, a probe file importing each thing that
// folder must not import is linted with the project's own Biome configuration and must be flagged; a probe of
// what it may import must not be. The probes are written to a scratch copy, never into src/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const LIBRARIES = [
  'react',
  'react-dom',
  'dexie',
  'dexie-react-hooks',
  'xlsx',
  'exceljs',
  'docx',
  'recharts',
  '@tanstack/react-table',
  'pouchdb-browser',
] as const;
const FOLDERS = ['domain', 'import', 'export', 'db', 'ui', 'pages', 'app'] as const;
type Folder = (typeof FOLDERS)[number];

/** What each folder may import: of the libraries, and of our folders (besides domain, which all may use). */
const ALLOWED: Record<Folder, { libraries: readonly string[]; folders: readonly Folder[] }> = {
  domain: { libraries: [], folders: [] },
  import: { libraries: ['xlsx'], folders: [] },
  export: { libraries: ['xlsx', 'exceljs', 'docx'], folders: [] },
  db: { libraries: ['react', 'dexie', 'dexie-react-hooks', 'pouchdb-browser'], folders: [] },
  ui: { libraries: ['react', 'react-dom', 'recharts', '@tanstack/react-table'], folders: [] },
  pages: {
    libraries: ['react', 'react-dom', 'recharts', '@tanstack/react-table'],
    folders: ['db', 'import', 'export', 'ui'],
  },
  app: {
    libraries: ['react', 'react-dom', 'recharts', '@tanstack/react-table'],
    folders: ['db', 'import', 'export', 'ui', 'pages'],
  },
};

interface Probe {
  folder: Folder;
  specifier: string;
  /** A static import declaration, or a lazy import('…'), which crosses the boundary just the same. */
  how: 'static' | 'dynamic';
  allowed: boolean;
  file: string;
}

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const folder of FOLDERS) {
    const { libraries, folders } = ALLOWED[folder];
    for (const lib of LIBRARIES) {
      const allowed = libraries.includes(lib);
      for (const how of ['static', 'dynamic'] as const)
        out.push({ folder, specifier: lib, how, allowed, file: '' });
    }
    for (const other of FOLDERS) {
      if (other === folder) continue;
      const allowed = other === 'domain' || folders.includes(other);
      // Both spellings: the folder's index and a module inside it.
      for (const specifier of [`../${other}`, `../${other}/some-module`]) {
        for (const how of ['static', 'dynamic'] as const)
          out.push({ folder, specifier, how, allowed, file: '' });
      }
    }
  }
  return out.map((p, i) => ({ ...p, file: `src/${p.folder}/probe-${i}.ts` }));
}

const ALL = probes();
let scratch = '';
let flagged = new Set<string>();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'anju-boundaries-'));
  cpSync(join(ROOT, 'biome.json'), join(scratch, 'biome.json'));
  for (const probe of ALL) {
    mkdirSync(join(scratch, 'src', probe.folder), { recursive: true });
    const body =
      probe.how === 'static'
        ? `import * as x from '${probe.specifier}';\nexport const y = x;\n`
        : `export const load = () => import('${probe.specifier}');\n`;
    writeFileSync(join(scratch, probe.file), body);
  }
  let output = '';
  try {
    output = execFileSync(
      join(ROOT, 'node_modules/.bin/biome'),
      ['lint', '--reporter=json', '--max-diagnostics=none', '--vcs-enabled=false', '.'],
      { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (err) {
    // Biome exits non-zero when it reports errors; the report is on stdout all the same.
    output = String((err as { stdout?: unknown }).stdout ?? '');
  }
  const report = JSON.parse(output) as {
    diagnostics: { category: string; location: { path: { file: string } | string } }[];
  };
  flagged = new Set(
    report.diagnostics
      .filter((d) => d.category === 'lint/style/noRestrictedImports')
      .map((d) => (typeof d.location.path === 'string' ? d.location.path : d.location.path.file)),
  );
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('folder boundaries', () => {
  it.each(ALL.filter((p) => !p.allowed))('src/$folder may not import $specifier ($how)', (probe) => {
    expect(flagged.has(probe.file)).toBe(true);
  });

  it.each(ALL.filter((p) => p.allowed))('src/$folder may import $specifier ($how)', (probe) => {
    expect(flagged.has(probe.file)).toBe(false);
  });
});
