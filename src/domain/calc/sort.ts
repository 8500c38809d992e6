// Ordering helpers shared by calc and the pages: Chinese place names by pinyin, with their proper readings.

/** Pinyin order for unit names, as the office sorts its own lists (安图县 before 白城市 before 长春市). */
export const pinyinCollator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

// ICU reads a polyphone by its commonest sound; place names use another: 长春 is Cháng (not zhǎng), 珲春 is
// Hún (not huī). Compare with a character of the right reading in its place.
const PLACE_READINGS: Record<string, string> = { 长: '常', 珲: '浑' };
const PLACE_READING_RE = new RegExp(`[${Object.keys(PLACE_READINGS).join('')}]`, 'g');

function readingKey(name: string): string {
  return name.replace(PLACE_READING_RE, (c) => PLACE_READINGS[c] ?? c);
}

/** Pinyin order of place names, with their proper readings (长春市 under C, 珲春市 under H). */
export function comparePinyin(a: string, b: string): number {
  return pinyinCollator.compare(readingKey(a), readingKey(b)) || pinyinCollator.compare(a, b);
}
