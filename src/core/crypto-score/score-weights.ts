/** The five pillars of seed 001, in the formula's order. */
export type Pillar = 'funding' | 'stablecoin' | 'open_interest' | 'volume' | 'long_short';
export const PILLARS: readonly Pillar[] = ['funding', 'stablecoin', 'open_interest', 'volume', 'long_short'];

export type PillarWeights = Readonly<Record<Pillar, number>>;

/**
 * Seed 001's formula: Score = 0.35·Funding + 0.30·Stablecoin + 0.15·OI + 0.10·Volume + 0.10·Long/Short.
 * Its FAQ says "Funding rates (40% weight)", which would make the weights sum to 105 %; the formula, the
 * bullet list and the key takeaways all say 35 %, so 35 % it is (docs/methodology.md).
 */
export const SEED_WEIGHTS: PillarWeights = { funding: 0.35, stablecoin: 0.30, open_interest: 0.15, volume: 0.10, long_short: 0.10 };

/** Weights that cannot be used (negative, not finite, all zero, or not five of them). */
export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

/**
 * Weights as a setting: each finite and ≥ 0, not all zero, re-normalised to sum to 1 (so 35,30,15,10,10 and
 * 0.35,0.3,0.15,0.1,0.1 are the same setting). Throws WeightsError quoting the bad weight.
 */
export function normalizeWeights(raw: Readonly<Record<Pillar, number>>): PillarWeights {
  let sum = 0;
  for (const p of PILLARS) {
    const w = raw[p];
    if (!Number.isFinite(w) || w < 0) throw new WeightsError(`weight of ${p} was ${w}; expected a finite number ≥ 0`);
    sum += w;
  }
  if (!(sum > 0)) throw new WeightsError('every weight was 0; expected at least one > 0');
  const out = {} as Record<Pillar, number>;
  for (const p of PILLARS) out[p] = raw[p] / sum;
  return out;
}

/** Five weights in the formula's order (funding, stablecoin, open interest, volume, long/short), normalised. */
export function weightsFromList(list: readonly number[]): PillarWeights {
  if (list.length !== PILLARS.length) {
    throw new WeightsError(`${list.length} weights given; expected ${PILLARS.length} (${PILLARS.join(', ')})`);
  }
  const raw = {} as Record<Pillar, number>;
  PILLARS.forEach((p, i) => { raw[p] = list[i] as number; });
  return normalizeWeights(raw);
}
