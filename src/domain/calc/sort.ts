// Ordering helpers shared by calc and the pages: Chinese names by pinyin.
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');

/** Compare two Chinese names by pinyin (安图县 before 白城市). */
export function comparePinyin(a: string, b: string): number {
  return pinyin.compare(a, b);
}
