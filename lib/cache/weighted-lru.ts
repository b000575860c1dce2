/**
 * A map bounded by the sum of its values' weights (rows, or one per entry), the least recently
 * used going first: what is kept in memory per database across writes (db/queries/carried-run-reads.ts).
 */
export class WeightedLru<K, V> {
  /** The map's order is the recency order, least recent first. */
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  /** `weigh`: a value's weight, taken when stored (one each when not given). */
  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** The value kept for `key`, now the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Keeps `value` for `key` as the most recently used, then lets the least recently used others
   * go until the weights are within the bound: never the one just stored, which a value heavier
   * than the bound keeps alone.
   */
  set(key: K, value: V): void {
    const before = this.entries.get(key);
    if (before) {
      this.entries.delete(key);
      this.total -= before.weight;
    }
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [k, entry] of this.entries) {
      if (this.total <= this.maxWeight || k === key) break;
      this.entries.delete(k);
      this.total -= entry.weight;
    }
  }

  /** The keys, least recently used first. */
  keys(): K[] {
    return [...this.entries.keys()];
  }

  /** The sum of the kept values' weights. */
  get weight(): number {
    return this.total;
  }
}
