/**
 * A Map that cannot grow without bound: every entry has an expiry (computed from its value, so entries that are
 * changed in place keep their expiry current) and the map holds at most `maxEntries`.
 *
 * Why: the local pool keeps state per name a caller sends (lockout counters of unknown names, SRP steps,
 * challenge sessions, token families). Without bounds, a loop of requests with distinct names grows the process
 * until it falls over (docs/cognito-behaviour.md §1.1). Expired entries are dropped lazily, on writes; when the
 * map is still full, the entry written longest ago goes first, so a flood of new names pushes out the oldest
 * state rather than the newest.
 */
export interface BoundedMapOptions<V> {
  readonly maxEntries: number;
  /** Epoch milliseconds after which the entry may be forgotten. */
  readonly expiresAt: (value: V) => number;
  /** The clock the expiries are read against (the pool's clock, so tests that move it see entries go). */
  readonly now: () => number;
}

/** How often, at most, a write sweeps the whole map for expired entries. */
const SWEEP_INTERVAL_MS = 1000;

export class BoundedMap<K, V> extends Map<K, V> {
  private lastSweep = Number.NEGATIVE_INFINITY;
  // Set by the constructor before any write: Map's constructor calls set() for initial entries, and none are
  // passed here.
  private readonly options: BoundedMapOptions<V>;

  constructor(options: BoundedMapOptions<V>) {
    super();
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    this.options = options;
  }

  /**
   * Writes the entry as the newest (a rewrite moves it to the end), after dropping expired entries and, when
   * the map is full, the oldest ones.
   */
  override set(key: K, value: V): this {
    super.delete(key);
    this.sweep();
    while (this.size >= this.options.maxEntries) {
      const oldest = this.keys().next();
      if (oldest.done) break;
      super.delete(oldest.value);
    }
    return super.set(key, value);
  }

  /**
   * Drops the entries past their expiry, at most once a second: a full map is kept to its size by dropping the
   * oldest entry in set(), so a flood of writes never pays for a whole scan each.
   */
  private sweep(): void {
    const now = this.options.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS && now >= this.lastSweep) return;
    this.lastSweep = now;
    for (const [key, value] of this) {
      if (this.options.expiresAt(value) <= now) super.delete(key);
    }
  }
}
