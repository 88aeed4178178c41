/**
 * PRNG stream numbers of the synthetic market (Prng.fromSeed(seed, stream)). Each per-name stream adds the
 * underlying's rank, so names never share a stream and a name keeps its numbers when `--symbols` grows. The
 * equity streams are new streams: generating the equity tape draws nothing from the option tape's streams, so
 * the option files are the same bytes with or without it.
 */
export const PRNG_STREAM = {
  tape: 0, universe: 1_000_000, chain: 2_000_000, spot: 3_000_000, snapshot: 4_000_000,
  /** The equity tape's event stream (one stream for the whole tape, like `tape`). */
  equityTape: 5_000_000,
  /** Per name: the equity price between 5-minute spot points, pre-market and post-market. */
  equityPath: 6_000_000,
  /** The choice of names with informed (accumulating or distributing) off-exchange flow. */
  informedNames: 7_000_000,
} as const;
