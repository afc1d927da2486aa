/**
 * A bounded cache of built feeds (their text and ETag), so a client polling an unchanged feed costs a token
 * lookup, one small query and a string compare. Each entry is stored under its site and scope and tagged
 * with the state it was built from (input revision, latest published version): a publish or an input change
 * makes the tag differ, and the stale entry is dropped on its next lookup. Least recently used entries go
 * first once the entry count or the total text size passes its bound.
 */

export interface StateCacheOptions {
  /** Most entries kept (default 1000). */
  maxEntries?: number;
  /** Most UTF-16 code units of text kept over all entries, about half the bytes (default 32 Mi ≈ 64 MiB). */
  maxSize?: number;
}

interface Entry<V> {
  state: string;
  value: V;
  size: number;
}

/** Least-recently-used map whose entries are valid for one state of their source. */
export class StateCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private totalSize = 0;
  private readonly maxEntries: number;
  private readonly maxSize: number;

  constructor(
    /** The size an entry counts for (e.g. its text length). */
    private readonly sizeOf: (value: V) => number,
    options: StateCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxSize = options.maxSize ?? 32 * 1024 * 1024;
  }

  /** The value of `key` built from `state`; a value built from another state is dropped. */
  get(key: string, state: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.delete(key);
    if (entry.state !== state) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry.value;
  }

  set(key: string, state: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    this.entries.set(key, { state, value, size });
    this.totalSize += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalSize <= this.maxSize) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalSize -= entry.size;
  }
}
