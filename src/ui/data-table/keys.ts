// Stable React keys for rows that have no id of their own (projects are named by hand and may repeat).

/** Each item with a key from its name, made unique by an occurrence number: 'A', 'A#2', 'B'. */
export function withKeys<T>(items: readonly T[], name: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = name(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, item };
  });
}
