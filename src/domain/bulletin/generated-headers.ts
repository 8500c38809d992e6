// For tests: header texts of the kind the tables carry, generated from a seed — words, 其中：, months, a
// bracketed unit anywhere (（套）, (套), （审批）, （注1）) — so line breaking is tried on the whole class of
// headers, not on a list of examples.

/** Numbers 0 … n-1 from a fixed seed (a linear congruential generator: the same seed, the same run). */
export function seededNumbers(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat within a few steps.
    return Math.floor((state / 2 ** 31) * n);
  };
}

const WORDS = [
  '本年',
  '累计',
  '开工',
  '授信',
  '审批',
  '额度',
  '发放贷款',
  '分配',
  '任务完成率',
  '其中：',
  '本月新增',
  '1-9月',
  '国开行',
];
const UNITS = ['（套）', '（户）', '（亿元）', '（%）', '（万元）', '(套)', '（审批）', '（注1）'];

/** One header text: one to four words, each maybe followed by a bracketed unit, maybe one at the end. */
export function generatedHeader(next: (n: number) => number): string {
  let text = '';
  for (let p = 0, parts = 1 + next(4); p < parts; p++) {
    text += WORDS[next(WORDS.length)] ?? '';
    if (next(3) === 0) text += UNITS[next(UNITS.length)] ?? '';
  }
  if (next(2) === 0) text += UNITS[next(UNITS.length)] ?? '';
  return text;
}

export function generatedHeaders(count: number, seed = 12345): string[] {
  const next = seededNumbers(seed);
  return Array.from({ length: count }, () => generatedHeader(next));
}
