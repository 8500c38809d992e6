// The reader's account for the review step, on workbooks built here (xlsx and xls): every column under a
// recognised header with its status and how it was matched, saved header layouts applied to their own unit's
// files only, hand corrections applied and reported, every cell issue placed by text, table and field, and
// rows of column labels (栏次) read as part of the header on all five tables.
import { describe, expect, it } from 'vitest';
import { layoutHeaderKey, tableDef } from '../domain/tables';
import type { CellCorrection, HeaderLayout, ReadResult, TableKey } from '../domain/types';
import { readReturn } from './read-return';
import type { BookType, SheetSpec } from './test-workbooks';
import {
  carryOverSheet,
  expropriationSheet,
  loanSheet,
  publicRentalSheet,
  standardReturn,
  startSheet,
  withSheet,
  workbookBytes,
} from './test-workbooks';
import { readFileBytes } from './worker';

const BOOK_TYPES: BookType[] = ['xlsx', 'xls'];
const NONG_AN = '220122';

function read(sheets: SheetSpec[], bookType: BookType = 'xlsx', options = {}): ReadResult {
  return readReturn(workbookBytes(sheets, bookType), `农安县.${bookType}`, options);
}

/** A sheet with its header row (index 2 of the template sheets) replaced, and its rows after it if given. */
function withHeader(sheet: SheetSpec, header: unknown[], rows?: unknown[][]): SheetSpec {
  const head = sheet.rows.slice(0, 2);
  const rest = rows ?? sheet.rows.slice(3);
  return { ...sheet, rows: [...head, header, ...rest] };
}

function columnsOf(result: ReadResult, table: TableKey) {
  return result.tables
    .find((t) => t.table === table)
    ?.columns.map((c) => [c.cell, c.header, c.field, c.how, c.status]);
}

function errors(result: ReadResult) {
  return result.ok ? [] : result.issues.map((i) => [i.code, i.sheet, i.cell, i.text, i.table, i.field]);
}

describe('every column under a recognised header is accounted for', () => {
  it.each(BOOK_TYPES)('%s: the template 表1: 序号 ignored, the rest matched by template', (bt) => {
    const result = read(standardReturn(), bt);
    expect(result.ok).toBe(true);
    expect(columnsOf(result, 'start')).toEqual([
      ['A3', '序号', null, 'template', 'ignored'],
      ['B3', '市县', 'unit', 'template', 'matched'],
      ['C3', '年度计划（套）', 'plan', 'template', 'matched'],
      ['D3', '累计开工（套）', 'started', 'template', 'matched'],
      ['E3', '其中：本月开工（套）', 'startedMonth', 'template', 'matched'],
      ['F3', '开工率（%）', 'declaredRate', 'template', 'matched'],
      ['G3', '备注', 'note', 'template', 'matched'],
    ]);
    expect(result.tables.find((t) => t.table === 'start')).toMatchObject({
      sheet: '表1',
      headerRange: 'A3:G3',
      dataRange: 'A4:G4',
      unitId: NONG_AN,
    });
    expect(result.tables.map((t) => t.table)).toEqual([
      'start',
      'loan',
      'expropriation',
      'carryOver',
      'publicRental',
    ]);
  });

  it('a 备注 column of a table without a note field, and contact columns, are ignored', () => {
    const sheet = withHeader(
      publicRentalSheet(),
      ['序号', '市县', '累计筹集（套）', '累计已分配（套）', '备注', '联系人', '联系电话'],
      [[1, '农安县', 9260, 7279, '无', '张三', 13900000000]],
    );
    const result = read(withSheet(standardReturn(), sheet));
    expect(result.ok).toBe(true);
    expect(columnsOf(result, 'publicRental')?.slice(4)).toEqual([
      ['E3', '备注', null, null, 'ignored'],
      ['F3', '联系人', null, null, 'ignored'],
      ['G3', '联系电话', null, null, 'ignored'],
    ]);
  });

  it('a text column under a header that names no field is listed as unknown, without an error', () => {
    const sheet = withHeader(
      carryOverSheet(),
      ['序号', '市县', '项目名称', '涉及户数', '未完成拆迁户数', '项目地址'],
      [[1, '农安县', '光明片区', 156, 45, '光明街']],
    );
    const result = read(withSheet(standardReturn(), sheet));
    expect(result.ok).toBe(true);
    expect(columnsOf(result, 'carryOver')?.at(-1)).toEqual(['F3', '项目地址', null, null, 'unknown']);
  });

  it.each([
    ['an optional field (one flipped byte: 其中 → 彶中)', '彶中：本月开工（套）', 'E3'],
    ['a figure column of no field of the table', '本月拆除（套）', 'E3'],
  ])('figures under a header not understood are refused at its cell: %s', (_n, header, cell) => {
    const sheet = withHeader(startSheet(), [
      '序号',
      '市县',
      '年度计划（套）',
      '累计开工（套）',
      header,
      '开工率（%）',
    ]);
    const result = read(withSheet(standardReturn(), sheet));
    expect(errors(result)).toEqual([['column.unknown', '表1', cell, header, 'start', undefined]]);
    expect(result.ok || result.issues[0]?.message).toMatch(/本表尚未找到的栏目有：“其中：本月开工（套）”/);
    expect(columnsOf(result, 'start')?.[4]).toEqual([cell, header, null, null, 'unknown']);
  });

  it('a required field whose header is not understood: the missing column names the header cell and text', () => {
    const sheet = withHeader(
      startSheet(),
      ['序号', '市县', '年度计划（套）', '累汁开工（套）'],
      [[1, '农安县', 800, 400]],
    );
    const result = read(withSheet(standardReturn(), sheet));
    expect(errors(result)).toEqual([
      ['column.missing', '表1', 'D3', '累汁开工（套）', 'start', 'started'],
      ['column.unknown', '表1', 'D3', '累汁开工（套）', 'start', undefined],
    ]);
    expect(result.ok || result.issues[0]?.message).toContain('表头中未能识别的有：D3“累汁开工（套）”');
  });

  it('figures in a column without any header are refused at the first figure', () => {
    const sheet = withHeader(
      startSheet(),
      ['序号', '市县', '年度计划（套）', '累计开工（套）'],
      [[1, '农安县', 800, 400, 50]],
    );
    const result = read(withSheet(standardReturn(), sheet));
    expect(errors(result)).toEqual([['column.noHeader', '表1', 'E4', '50', 'start', undefined]]);
    expect(columnsOf(result, 'start')?.at(-1)).toEqual(['E3', '', null, null, 'unknown']);
  });
});

describe('saved header layouts (表头对照)', () => {
  const odd = withHeader(
    startSheet(),
    ['序号', '市县', '年度计划（套）', '累计开工（套）', '其中：近期开工', '旧数'],
    [[1, '农安县', 800, 400, 50, 999]],
  );
  const layout: HeaderLayout = {
    unitId: NONG_AN,
    table: 'start',
    headers: { [layoutHeaderKey('其中：近期开工')]: 'startedMonth', [layoutHeaderKey('旧数')]: null },
  };

  it.each(BOOK_TYPES)('%s: apply to their unit: a column mapped to a field, another excluded', (bt) => {
    const result = read(withSheet(standardReturn(), odd), bt, { layouts: [layout] });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.returns[0]?.tables.start).toMatchObject({ plan: 800, started: 400, startedMonth: 50 });
    expect(columnsOf(result, 'start')?.slice(4)).toEqual([
      ['E3', '其中：近期开工', 'startedMonth', 'layout', 'matched'],
      ['F3', '旧数', null, null, 'excluded'],
    ]);
  });

  it('never apply to another unit’s file', () => {
    const other = { ...layout, unitId: '220183' };
    const result = read(withSheet(standardReturn(), odd), 'xlsx', { layouts: [other] });
    expect(errors(result).map((e) => [e[0], e[2]])).toEqual([
      ['column.unknown', 'E3'],
      ['column.unknown', 'F3'],
    ]);
  });

  it('apply when the unit is named only by the 市县 column', () => {
    const noSender = { ...odd, rows: odd.rows.map((r, i) => (i === 1 ? ['截止日期：2018年9月30日'] : r)) };
    const result = read([noSender], 'xlsx', { layouts: [layout] });
    expect(result.ok && result.returns[0]?.tables.start?.startedMonth).toBe(50);
  });

  it('let a table be recognised whose headers only the layout explains', () => {
    const strange = withHeader(startSheet(), ['序号', '市县', '甲项', '乙项'], [[1, '农安县', 800, 400]]);
    const mapping: HeaderLayout = {
      unitId: NONG_AN,
      table: 'start',
      headers: { 甲项: 'plan', 乙项: 'started' },
    };
    const result = read(withSheet(standardReturn(), strange), 'xlsx', { layouts: [mapping] });
    expect(result.ok && result.returns[0]?.tables.start).toMatchObject({ plan: 800, started: 400 });
  });
});

describe('hand corrections (手工更正)', () => {
  const bad = withSheet(standardReturn(), startSheet({}, [1, '农安县', 800, '待统计', 50, 50, '']));
  const fix: CellCorrection = {
    sheet: '表1',
    cell: 'D4',
    original: '待统计',
    value: '400',
    note: '电话核实',
  };

  it('the refusal names the cell with its text, table and field', () => {
    expect(errors(read(bad))).toEqual([['number.text', '表1', 'D4', '待统计', 'start', 'started']]);
  });

  it.each(BOOK_TYPES)('%s: a correction is read as the cell’s value and reported', (bt) => {
    const result = read(bad, bt, { corrections: [fix] });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.returns[0]?.tables.start?.started).toBe(400);
    expect(result.corrected).toEqual([{ ...fix, table: 'start', field: 'started' }]);
  });

  it('a correction whose cell now reads otherwise is refused, naming the cell', () => {
    const result = read(standardReturn(), 'xlsx', { corrections: [fix] });
    expect(errors(result)).toEqual([['correction.stale', '表1', 'D4', '400', 'start', 'started']]);
    expect(result.ok || result.issues[0]?.message).toContain(
      '手工更正时这个单元格是“待统计”，现在文件中是“400”',
    );
  });

  it('a correction on a sheet the file no longer has is refused', () => {
    const result = read(bad, 'xlsx', { corrections: [fix, { ...fix, sheet: '旧表' }] });
    expect(errors(result).map((e) => [e[0], e[1]])).toEqual([['correction.noSheet', '旧表']]);
  });

  it('a correction to blank reads as zero', () => {
    const result = read(bad, 'xlsx', { corrections: [{ ...fix, value: '' }] });
    expect(result.ok && result.returns[0]?.tables.start?.started).toBe(0);
  });
});

describe('a row of column labels (栏次) under the header is part of it, on every table', () => {
  const labelRows: [string, (n: number) => unknown[]][] = [
    ['栏次 甲 乙 1 2 3', (n) => ['栏次', '甲', ...Array.from({ length: n - 2 }, (_, i) => i + 1)]],
    [
      '甲 乙 1 2 3 typed as text',
      (n) => ['甲', '乙', ...Array.from({ length: n - 2 }, (_, i) => String(i + 1))],
    ],
    ['1 2 3 …', (n) => Array.from({ length: n }, (_, i) => i + 1)],
    ['(1) (2) (3) …', (n) => Array.from({ length: n }, (_, i) => `（${i + 1}）`)],
  ];
  const sheets: [TableKey, SheetSpec][] = [
    ['start', startSheet()],
    ['loan', loanSheet()],
    ['expropriation', expropriationSheet()],
    ['carryOver', carryOverSheet()],
    ['publicRental', publicRentalSheet()],
  ];
  it.each(
    BOOK_TYPES.flatMap((bt) =>
      labelRows.flatMap(([label, make]) => sheets.map(([key, s]) => [bt, key, label, s, make] as const)),
    ),
  )('%s %s: %s', (bt, key, _label, sheet, make) => {
    const header = sheet.rows[2] as unknown[];
    const withLabels = {
      ...sheet,
      rows: [...sheet.rows.slice(0, 3), make(header.length), ...sheet.rows.slice(3)],
    };
    const plain = read(standardReturn(), bt);
    const result = read(withSheet(standardReturn(), withLabels), bt);
    if (!result.ok || !plain.ok)
      throw new Error(result.ok ? '' : result.issues.map((i) => i.message).join('\n'));
    expect(result.returns).toEqual(plain.returns);
    expect(result.warnings).toEqual([]);
    const reading = result.tables.find((t) => t.table === key);
    expect(reading?.headerRange).toMatch(/^A3:[A-Z]4$/);
    expect(reading?.dataRange?.startsWith('A5')).toBe(true);
  });
});

describe('the worker path', () => {
  it('passes layouts and corrections to the reader', async () => {
    const sheet = withHeader(
      startSheet(),
      ['序号', '市县', '年度计划（套）', '累计开工（套）', '近期开工'],
      [[1, '农安县', 800, '待统计', 50]],
    );
    const bytes = workbookBytes(withSheet(standardReturn(), sheet));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const read = await readFileBytes({
      fileName: '农安县.xlsx',
      bytes: buffer,
      size: bytes.byteLength,
      maxBytes: 1 << 24,
      layouts: [
        { unitId: NONG_AN, table: 'start', headers: { [layoutHeaderKey('近期开工')]: 'startedMonth' } },
      ],
      corrections: [{ sheet: '表1', cell: 'D4', original: '待统计', value: '400', note: '电话核实' }],
    });
    expect(read.result.ok && read.result.returns[0]?.tables.start).toMatchObject({
      started: 400,
      startedMonth: 50,
    });
  });
});

describe('headers by meaning in whole workbooks', () => {
  it.each(BOOK_TYPES)(
    '%s: a return worded as a county types it is read, each column marked 按含义识别',
    (bt) => {
      const start = withHeader(startSheet(), [
        '序号',
        '县（市、区）',
        '2018年度棚户区改造计划（套）',
        '已完成开工（套）',
        '其中：\n9月新开工',
        '计划完成率（%）',
      ]);
      const rental = withHeader(publicRentalSheet(), [
        '序号',
        '市县',
        '截至9月底累计筹集房源',
        '公租房累计分配入住',
        '分配率',
        '2018年分配任务',
        '本年度已分配（套）',
        '本年任务完成率',
        '去年同期分配率（%）',
      ]);
      const result = read(withSheet(withSheet(standardReturn(), start), rental), bt);
      const plain = read(standardReturn(), bt);
      if (!result.ok || !plain.ok)
        throw new Error(result.ok ? '' : result.issues.map((i) => i.message).join('\n'));
      expect(result.returns).toEqual(plain.returns);
      expect(result.warnings).toEqual([]);
      // 9月新开工 is a template wording once its month is read as 本月.
      expect(columnsOf(result, 'start')?.map((c) => [c[2], c[3]])).toEqual([
        [null, 'template'],
        ['unit', 'template'],
        ['plan', 'meaning'],
        ['started', 'meaning'],
        ['startedMonth', 'template'],
        ['declaredRate', 'meaning'],
      ]);
      // 截至9月底累计筹集房源 and 2018年分配任务 are template wordings once their dates read as 累计 and 年度.
      expect(columnsOf(result, 'publicRental')?.map((c) => c[3])).toEqual([
        'template',
        'template',
        'template',
        'meaning',
        'template',
        'template',
        'meaning',
        'template',
        'template',
      ]);
    },
  );

  it('two columns read as one field (one by template, one by meaning) are refused, naming both cells', () => {
    const sheet = withHeader(
      startSheet(),
      ['序号', '市县', '年度计划（套）', '累计开工（套）', '已完成开工'],
      [[1, '农安县', 800, 400, 400]],
    );
    const result = read(withSheet(standardReturn(), sheet));
    expect(errors(result)).toEqual([['column.duplicate', '表1', 'E3', '已完成开工', 'start', 'started']]);
    expect(result.ok || result.issues[0]?.message).toContain('与 D3 单元格的表头是同一列内容');
  });

  const templates: [TableKey, SheetSpec][] = [
    ['start', startSheet()],
    ['loan', loanSheet()],
    ['expropriation', expropriationSheet()],
    ['carryOver', carryOverSheet()],
    ['publicRental', publicRentalSheet()],
  ];
  const flips = templates.flatMap(([key, sheet]) =>
    (sheet.rows[2] as string[]).flatMap((header, c) => {
      const field = tableDef(key).fields.find((f) => f.header === header);
      if (!field || !['count', 'money', 'rate'].includes(field.kind)) return [];
      // Each character of the header's words in turn (not its unit brackets).
      const positions = [...header.replace(/（[^）]*）$/, '')].map((_, i) => i);
      return positions.map((i) => [key, sheet, c, `${header.slice(0, i)}彶${header.slice(i + 1)}`] as const);
    }),
  );
  it.each(flips)(
    '%s: one flipped character (%#) in a figure header refuses the file at that cell',
    (_k, sheet, c, flipped) => {
      const header = [...(sheet.rows[2] as string[])];
      header[c] = flipped;
      const result = read(
        withSheet(standardReturn(), { ...sheet, rows: sheet.rows.map((r, i) => (i === 2 ? header : r)) }),
      );
      const cell = `${String.fromCharCode(65 + c)}3`;
      expect(result.ok).toBe(false);
      expect(
        result.ok
          ? []
          : result.issues.filter((i) => i.cell === cell && i.text === flipped).map((i) => i.code),
      ).not.toEqual([]);
    },
  );
});

describe('a combined prefecture workbook is decided for the whole workbook', () => {
  const cutoff = '截止日期：2018年9月30日';
  const H = ['序号', '市县', '年度计划（套）', '累计开工（套）', '其中：本月开工（套）', '开工率（%）'];
  const combined = (projects: unknown[][]): SheetSpec[] => [
    {
      name: '表1',
      rows: [
        ['2018年1-9月棚户区改造开工进展情况（表1）'],
        ['填报单位：长春市', cutoff],
        H,
        [1, '农安县', 800, 400, 50, 50],
        [2, '德惠市', 600, 300, 0, 50],
      ],
    },
    {
      name: '表4',
      rows: [
        ['拆迁结转项目未完成情况（表4）'],
        ['填报单位：长春市', cutoff],
        ['序号', '市县', '项目名称', '涉及户数', '未完成拆迁户数', '未完成原因', '计划完成时间'],
        ...projects,
      ],
    },
  ];

  it.each(BOOK_TYPES)('%s: a 表4 naming one county holds that county’s projects, not the sender’s', (bt) => {
    const result = read(combined([[1, '农安县', '光明片区', 156, 45, '安置房源不足', '2018年12月']]), bt);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const byUnit = new Map(result.returns.map((r) => [r.unitId, r.tables.carryOver?.map((p) => p.name)]));
    expect(Object.fromEntries(byUnit)).toEqual({ [NONG_AN]: ['光明片区'], '220183': [] });
  });

  it('a 表4 naming no county in a combined workbook: none has projects', () => {
    const result = read(combined([]));
    expect(result.ok && result.returns.map((r) => [r.unitId, r.tables.carryOver])).toEqual([
      [NONG_AN, []],
      ['220183', []],
    ]);
  });
});

describe('every block is accounted for: a table that shows but cannot be read is an error, not "missing"', () => {
  const withoutRental = standardReturn().filter((s) => s.name !== '表5');
  const issuesOf = (result: ReadResult) =>
    result.ok
      ? result.warnings.map((w) => [w.code, w.sheet, w.cell])
      : result.issues.map((i) => [i.code, i.sheet, i.cell, i.table]);

  it.each(BOOK_TYPES)(
    '%s: a titled table whose headers are not understood names them and its missing fields',
    (bt) => {
      const garbled = withHeader(publicRentalSheet(), [
        '序号',
        '市县',
        '筹集数量统计',
        '分配数量统计',
        '比例统计',
      ]);
      const result = read([...withoutRental, garbled], bt);
      expect(issuesOf(result)).toEqual([['table.unreadable', '表5', 'A1', 'publicRental']]);
      expect(result.ok || result.issues[0]?.message).toContain(
        '表头中未能识别的有：C3“筹集数量统计”、D3“分配数量统计”、E3“比例统计”；没有找到的栏目有：“累计筹集（套）”',
      );
    },
  );

  it('a title with no header under it', () => {
    const bare = {
      name: '表5',
      rows: [['2018年1-9月公共租赁住房分配进展情况（表5）'], ['填报单位：农安县']],
    };
    const result = read([...withoutRental, bare]);
    expect(issuesOf(result)).toEqual([['table.unreadable', '表5', 'A1', 'publicRental']]);
    expect(result.ok || result.issues[0]?.message).toContain('没有找到它的表头');
  });

  it('a header that reads partly as a table, without a title, is refused at its first cell not understood', () => {
    const part = {
      name: 'Sheet3',
      rows: [
        ['市县', '累计筹集（套）', '分配数量统计'],
        ['农安县', 9260, 7279],
      ],
    };
    const result = read([...withoutRental, part]);
    expect(issuesOf(result)).toEqual([['table.unreadable', 'Sheet3', 'C1', 'publicRental']]);
  });

  it('a table truly absent is only missing, even when an explanation sheet names it in a sentence', () => {
    const notes = { name: '填表说明', rows: [['表5 公共租赁住房分配进展情况：本月无变化的单位也要报送。']] };
    const result = read([...withoutRental, notes]);
    expect(issuesOf(result)).toEqual([['table.missing', undefined, undefined]]);
  });

  it('a workbook with only an unreadable table is refused there, not as "no table"', () => {
    const garbled = withHeader(startSheet(), ['序号', '市县', '计划数量统计', '开工数量统计']);
    expect(issuesOf(read([garbled]))).toEqual([['table.unreadable', '表1', 'A1', 'start']]);
  });
});
