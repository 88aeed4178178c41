import type { TradeFields } from './trade-row-encoder.ts';

const FIELDS = 12;

/**
 * Trade rows put into time order as they are generated, in constant memory. Single prints arrive in time
 * order already (their slot times are sorted); the child prints of a sweep land up to 300 ms after the sweep's
 * slot, so they wait in a small min-heap (copied into a numeric pool, no per-row objects) and are released as
 * soon as the stream passes their time. The output is a stable sort by time: rows of the same millisecond keep
 * their arrival order, so it is deterministic.
 */
export class TimeOrderedRows {
  private pool = new Float64Array(64 * FIELDS);
  private free: number[] = Array.from({ length: 64 }, (_, i) => 63 - i);
  private heap: number[] = [];
  private seqOf: number[] = [];
  private seq = 0;
  private lastTs = -Infinity;
  private readonly scratch: TradeFields = {
    ts: 0, underlying: 0, expiry: 0, strike: 0, right: 0, priceCents: 0, size: 0, bidCents: 0, askCents: 0,
    venue: 0, condition: 0, side: 0,
  };

  constructor(private readonly write: (f: TradeFields) => void) {}

  /** A row at `f.ts`, not earlier than any row emitted before; deferred rows up to that time go first. */
  emit(f: TradeFields): void {
    this.release(f.ts);
    this.out(f);
  }

  /** A row at `f.ts` (not earlier than the last emitted row), held until the stream reaches it. */
  defer(f: TradeFields): void {
    if (f.ts < this.lastTs) throw new RangeError(`deferred ts ${f.ts} is before the last emitted ts ${this.lastTs}`);
    const slot = this.alloc();
    const p = this.pool, o = slot * FIELDS;
    p[o] = f.ts; p[o + 1] = f.underlying; p[o + 2] = f.expiry; p[o + 3] = f.strike; p[o + 4] = f.right;
    p[o + 5] = f.priceCents; p[o + 6] = f.size; p[o + 7] = f.bidCents; p[o + 8] = f.askCents; p[o + 9] = f.venue;
    p[o + 10] = f.condition; p[o + 11] = f.side;
    this.seqOf[slot] = this.seq++;
    let i = this.heap.length;
    this.heap.push(slot);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Releases every deferred row with a time ≤ `ts` (Infinity: all of them). */
  release(ts: number): void {
    const h = this.heap;
    while (h.length > 0 && (this.pool[(h[0] as number) * FIELDS] as number) <= ts) {
      const slot = h[0] as number;
      this.swap(0, h.length - 1);
      h.pop();
      this.siftDown(0);
      const p = this.pool, o = slot * FIELDS, f = this.scratch;
      f.ts = p[o] as number; f.underlying = p[o + 1] as number; f.expiry = p[o + 2] as number;
      f.strike = p[o + 3] as number; f.right = p[o + 4] as number; f.priceCents = p[o + 5] as number;
      f.size = p[o + 6] as number; f.bidCents = p[o + 7] as number; f.askCents = p[o + 8] as number;
      f.venue = p[o + 9] as number; f.condition = p[o + 10] as number; f.side = p[o + 11] as number;
      this.free.push(slot);
      this.out(f);
    }
  }

  private out(f: TradeFields): void {
    if (f.ts < this.lastTs) throw new RangeError(`ts ${f.ts} is before the last emitted ts ${this.lastTs}`);
    this.lastTs = f.ts;
    this.write(f);
  }

  private alloc(): number {
    const slot = this.free.pop();
    if (slot !== undefined) return slot;
    const size = this.pool.length / FIELDS;
    const grown = new Float64Array(this.pool.length * 2);
    grown.set(this.pool);
    this.pool = grown;
    for (let i = 2 * size - 1; i > size; i--) this.free.push(i);
    return size;
  }

  private less(a: number, b: number): boolean {
    const sa = this.heap[a] as number, sb = this.heap[b] as number;
    const ta = this.pool[sa * FIELDS] as number, tb = this.pool[sb * FIELDS] as number;
    return ta < tb || (ta === tb && (this.seqOf[sa] as number) < (this.seqOf[sb] as number));
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a] as number;
    this.heap[a] = this.heap[b] as number;
    this.heap[b] = t;
  }

  private siftDown(i0: number): void {
    const n = this.heap.length;
    let i = i0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
