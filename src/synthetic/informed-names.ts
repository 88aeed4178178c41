import { Prng } from './prng.ts';
import { PRNG_STREAM } from './prng-streams.ts';
import type { Underlying } from './underlying-universe.ts';

/** A name whose synthetic off-exchange flow carries an institution's one-sided order. */
export interface InformedName {
  readonly rank: number;
  readonly symbol: string;
  /** accumulation: blocks printed off-exchange at or above the ask; distribution: at or below the bid. */
  readonly direction: 'accumulation' | 'distribution';
}

/** Informed names are drawn from the stocks among the first this-many names (so they show on a leaderboard). */
export const INFORMED_CANDIDATE_RANKS = 100;

/**
 * The seeded handful of names with institutional accumulation or distribution on the synthetic equity tape:
 * round(names/8) of them, at least 2 and at most 6 (never more than there are candidates), drawn without
 * replacement from the stocks ranked 3–99 (all names when there are none). The first drawn accumulates, the
 * second distributes, the others flip a coin. Drawn from their own stream (PRNG_STREAM.informedNames), so the
 * option tape does not change. The option generator has no per-name direction (its sweeps are 55% buys on
 * every name), so this is the only informed direction of the synthetic market.
 */
export function informedNames(universe: readonly Underlying[], seed: number): InformedName[] {
  const stocks = universe.filter((u) => u.assetClass === 'stock' && u.rank >= 3 && u.rank < INFORMED_CANDIDATE_RANKS);
  const pool = stocks.length > 0 ? stocks : universe.slice(0, INFORMED_CANDIDATE_RANKS);
  const want = Math.min(pool.length, Math.max(2, Math.min(6, Math.round(universe.length / 8))));
  const rng = Prng.fromSeed(seed, PRNG_STREAM.informedNames);
  const left = [...pool];
  const out: InformedName[] = [];
  for (let i = 0; i < want; i++) {
    const [u] = left.splice(rng.int(0, left.length - 1), 1) as [Underlying];
    const direction = i === 0 ? 'accumulation' : i === 1 ? 'distribution' : rng.chance(0.5) ? 'accumulation' : 'distribution';
    out.push({ rank: u.rank, symbol: u.symbol, direction });
  }
  return out.sort((a, b) => a.rank - b.rank);
}
