/**
 * Long rows → one record per category with a key per series, the shape a
 * grouped Recharts bar chart reads.
 */
export interface PivotResult {
  rows: Record<string, string | number>[];
  seriesKeys: string[];
}

export function pivot<T>(
  items: T[],
  categoryOf: (item: T) => string,
  seriesOf: (item: T) => string,
  valueOf: (item: T) => number,
): PivotResult {
  const byCategory = new Map<string, Record<string, string | number>>();
  const series = new Set<string>();
  for (const item of items) {
    const category = categoryOf(item);
    const key = seriesOf(item);
    series.add(key);
    const row = byCategory.get(category) ?? { category };
    row[key] = valueOf(item);
    byCategory.set(category, row);
  }
  return { rows: [...byCategory.values()], seriesKeys: [...series].sort() };
}
