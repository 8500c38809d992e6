// The key under which a header text is saved in a unit's header mapping (表头对照): the same header typed
// with other spaces, line breaks or full-width characters is the same key; nothing else is folded, so a
// mapping applies only to the wording it was made for.

export function layoutHeaderKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}
