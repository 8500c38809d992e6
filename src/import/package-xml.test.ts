// Strict XML and stored numbers: well-formed XML of every shape passes, every broken shape fails (every cut of
// a document, every unbalanced tag); a number cell whose stored value is no plain decimal refuses the file
// with its sheet and cell, wherever it is; a sheet part SheetJS would drop refuses the file by name.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../domain/types';
import { isStoredDecimal, referenceColumn, scanXml } from './package-xml';
import { readReturn } from './read-return';
import { sampleBytes } from './zip-craft';

const WELL_FORMED = [
  '<a/>',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a></a>',
  '\ufeff<a/>',
  '<x:a xmlns:x="urn:x"><x:b r="A1" t=\'s\'>1</x:b></x:a>',
  '<a><!-- a comment with <tags> --><b/><![CDATA[<not a tag> & ]]></a>',
  '<a t="&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;">&amp; 中文 &#x1F600;</a>',
  '<a b="x>y" c=\'1"2\'>text > more</a>',
  '<a\n  b = "1"\t/>',
  '<a/><!-- after the root --><?pi after?>\n',
  '<a ab="1" ba="2" b="3" a="4"></a \t>',
  '<p:a xmlns:p="urn:p"><p:b/></p:a\n>',
  '<a b="&#x10FFFF;&#1114111;&#9;"/>',
];

const BROKEN = [
  ['unclosed root', '<a><b/>'],
  ['mismatched close', '<a><b></a></b>'],
  ['text outside the root', 'x<a/>'],
  ['two roots', '<a/><b/>'],
  ['unknown entity', '<a>&nbsp;</a>'],
  ['bare ampersand', '<a>AT&T</a>'],
  ['character reference to NUL', '<a>&#0;</a>'],
  ['< inside an attribute', '<a b="<"/>'],
  ['duplicate attribute', '<a b="1" b="2"/>'],
  ['unquoted attribute', '<a b=1/>'],
  ['attribute without blank', '<a b="1"c="2"/>'],
  ['a DTD (entity expansion)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
  ['unclosed comment', '<a><!-- </a>'],
  ['unclosed CDATA', '<a><![CDATA[ </a>'],
  ['a name starting with a digit', '<1a/>'],
  ['a close tag with attributes', '<a></a b="1">'],
  ['nothing', ''],
  ['duplicate attribute after others', '<a b="1" cd="2" c="3" cd="4"/>'],
  ['a close tag with a longer name', '<a></ab>'],
  ['a close tag with a shorter name', '<ab></a>'],
  ['a close tag without its >', '<a></a'],
  ['a slash before the blank of a self-closing tag', '<a b="1"/ >'],
  ['a hex reference without digits', '<a b="&#x;"/>'],
  ['a hex reference with a non-hex digit', '<a>&#x4G;</a>'],
  ['a reference beyond Unicode', '<a>&#x110000;</a>'],
  ['a reference without its ;', '<a>&amp</a>'],
  ['a reference in an attribute to an unknown entity', '<a b="&nbsp;"/>'],
  ['a reference where only elements may stand', '<worksheet>&amp;</worksheet>'],
  ['an attribute without a value', '<a b/>'],
  ['an attribute value left open', '<a b="1/>'],
  ['a tag left open at the end', '<a><b'],
  ['a name starting with a dot', '<a><.b/></a>'],
] as const;

describe('scanXml', () => {
  it.each(WELL_FORMED)('accepts %j', (xml) => {
    expect(scanXml(xml)).toBe(true);
  });

  it.each(BROKEN)('refuses %s', (_label, xml) => {
    expect(scanXml(xml)).toBe(false);
  });

  it('refuses every cut of a real sheet part short of its root end', () => {
    const xml = strFromU8(unzipSync(sampleBytes())['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(scanXml(xml)).toBe(true);
    const rootEnd = xml.lastIndexOf('>') + 1;
    for (let cut = 0; cut < rootEnd; cut += 7) expect(scanXml(xml.slice(0, cut))).toBe(false);
  });

  it('refuses a real sheet part with any one of its close tags removed', () => {
    const xml = strFromU8(unzipSync(sampleBytes())['xl/worksheets/sheet1.xml'] as Uint8Array);
    const closes = [...xml.matchAll(/<\/[^>]+>/g)];
    expect(closes.length).toBeGreaterThan(10);
    for (const m of closes) {
      const at = m.index ?? 0;
      expect(scanXml(xml.slice(0, at) + xml.slice(at + m[0].length))).toBe(false);
    }
  });

  it('reports elements, attributes and resolved text in order', () => {
    const events: string[] = [];
    scanXml('<r><c r="B2" t="n"><v>1&amp;2</v></c></r>', {
      open: (name, attrs, depth) => events.push(`open ${name} ${JSON.stringify(attrs)} ${depth}`),
      text: (t) => events.push(`text ${t}`),
      close: (name) => events.push(`close ${name}`),
    });
    expect(events).toEqual([
      'open r {} 0',
      'open c {"r":"B2","t":"n"} 1',
      'open v {} 2',
      'text 1&2',
      'close v',
      'close c',
      'close r',
    ]);
  });

  it('is linear: a megabyte of tags without a quote, and 80,000 blanks, scan at once', () => {
    // (The time is measured in the bench; here it must finish and be right.)
    expect(scanXml(`<a>${'<b>'.repeat(100_000)}${'</b>'.repeat(100_000)}</a>`)).toBe(true);
    expect(scanXml(`<a>${' '.repeat(80_000)}</a>`)).toBe(true);
    expect(scanXml(`<a b="${' '.repeat(80_000)}`)).toBe(false);
  });
});

describe('referenceColumn', () => {
  it.each([
    ['A1', 1],
    ['Z9', 26],
    ['AB12', 28],
    ['XFD1048576', 16384],
    ['ZZZ9999999', 18278],
    ['A', 0],
    ['1', 0],
    ['', 0],
    ['A0', 0],
    ['A01', 0],
    ['a1', 0],
    ['AAAA1', 0],
    ['A12345678', 0],
    ['A1 ', 0],
    ['A-1', 0],
    ['１A1', 0],
  ] as const)('%j is column %d', (ref, col) => expect(referenceColumn(ref)).toBe(col));
});

describe('isStoredDecimal', () => {
  it.each(['0', '12', '-3.5', '0.416', '1.5E-3', '1E+20', '.5', '5.', '43.629999999999995'])(
    'accepts %s',
    (text) => expect(isStoredDecimal(text)).toBe(true),
  );
  it.each([
    '0x10',
    '1,5',
    '1e400',
    '-1e400',
    'Infinity',
    'NaN',
    '',
    '+1',
    '1 000',
    '1.2.3',
    '٣',
    '１２',
    '1e',
  ])('refuses %j', (text) => expect(isStoredDecimal(text)).toBe(false));
});

/** The sample with one sheet part's XML edited (and the zip written afresh, so its checksums are right). */
function editedSample(part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(sampleBytes());
  const xml = strFromU8(files[part] as Uint8Array);
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  files[part] = strToU8(edited);
  return zipSync(files);
}

function refusal(result: ReadResult): [string, string | undefined, string | undefined][] {
  return result.ok ? [] : result.issues.map((i) => [i.code, i.sheet, i.cell]);
}

/** The first number cell of each sheet part of the sample: its sheet name, part, reference and value. */
const SHEETS = [1, 2, 3, 4, 5].map((n) => {
  const part = `xl/worksheets/sheet${n}.xml`;
  const xml = strFromU8(unzipSync(sampleBytes())[part] as Uint8Array);
  const m = /<c r="([A-Z]+\d+)"(?: s="\d+")?><v>([^<]*)<\/v><\/c>/.exec(xml);
  if (!m) throw new Error(`no number cell in ${part}`);
  return { sheet: `表${n}`, part, cell: m[1] as string, cellXml: m[0] };
});

describe('a stored number that is no plain decimal refuses the file with its cell', () => {
  const BAD = ['0x10', '1,5', '1e400', 'Infinity', '', '12 ', '4O0'];
  it.each(SHEETS.flatMap((s) => BAD.map((bad) => [s.sheet, bad, s] as const)))(
    '%s, value %j',
    (_sheet, bad, s) => {
      const bytes = editedSample(s.part, (xml) =>
        xml.replace(s.cellXml, s.cellXml.replace(/<v>[^<]*<\/v>/, `<v>${bad}</v>`)),
      );
      const result = readReturn(bytes, '农安县.xlsx');
      if (bad === '12 ') {
        // Blanks around a value are XML's own (xsd:double collapses them): read as 12, not refused.
        expect(result.ok).toBe(true);
        return;
      }
      expect(refusal(result)).toEqual([['number.stored', s.sheet, s.cell]]);
      expect(!result.ok && result.issues[0]?.message).toContain(`单元格中保存的数值“${bad}”不是有效的数字`);
    },
  );
});

describe('broken sheet XML refuses the file, naming the sheet', () => {
  it.each(
    SHEETS.flatMap((s) =>
      (
        [
          ['a row left open', (xml: string) => xml.replace('</row>', '')],
          ['a cell closed twice', (xml: string) => xml.replace('</c>', '</c></c>')],
          ['a cell reference that is none', (xml: string) => xml.replace(`r="${s.cell}"`, 'r="4D"')],
          ['an unknown cell type', (xml: string) => xml.replace(`r="${s.cell}"`, `r="${s.cell}" t="x"`)],
          [
            'a shared string that does not exist',
            (xml: string) =>
              xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>\d+<\/v>/, '<c r="$1"$2 t="s"><v>999</v>'),
          ],
        ] as const
      ).map(([label, edit]) => [s.sheet, label, s.part, edit] as const),
    ),
  )('%s: %s', (sheet, _label, part, edit) => {
    const result = readReturn(editedSample(part, edit), '农安县.xlsx');
    expect(refusal(result)).toEqual([['file.damaged', undefined, undefined]]);
    expect(!result.ok && result.issues[0]?.message).toContain(
      `工作表“${sheet}”的内容无法解析，请让报送单位重新发送`,
    );
  });

  it('broken shared strings or workbook XML is named by its part', () => {
    for (const part of ['xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml']) {
      const result = readReturn(
        editedSample(part, (xml) => xml.replace(/<\/[^>]+>$/, '')),
        '农安县.xlsx',
      );
      expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
        `文件“农安县.xlsx”：文件已损坏：部件“${part}”的内容不完整或格式错误，请让报送单位重新发送。`,
      ]);
    }
  });

  it.each([
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet4.xml',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
  ])("%s with any one tag's '<' lost (the tag left as text, still well-formed) is refused", (part) => {
    // Found by the fuzz test: `<sheet …/>` in <sheets> turned into text dropped 表4 with a warning only.
    const xml = strFromU8(unzipSync(sampleBytes())[part] as Uint8Array);
    const tags = [...xml.matchAll(/<[A-Za-z]/g)].map((m) => m.index ?? 0).filter((at) => at > 0);
    expect(tags.length).toBeGreaterThan(3);
    // Every tag but the root's; spread over the part (a sheet has thousands).
    const step = Math.max(1, Math.floor(tags.length / 30));
    for (let i = 1; i < tags.length; i += step) {
      const at = tags[i] as number;
      const result = readReturn(
        editedSample(part, () => xml.slice(0, at) + xml.slice(at + 1)),
        '农安县.xlsx',
      );
      expect(result.ok, `'<' lost at ${at}: ${xml.slice(at, at + 40)}`).toBe(false);
    }
  });

  it('a sheet whose part is missing is refused by name, never reported as a missing table', () => {
    const files = unzipSync(sampleBytes());
    delete files['xl/worksheets/sheet3.xml'];
    const result = readReturn(zipSync(files), '农安县.xlsx');
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
      '文件“农安县.xlsx”：文件已损坏：工作表“表3”的内容无法解析，请让报送单位重新发送。',
    ]);
  });
});
