/**
 * At-the-money implied volatility per expiry, the reference of seed 004's `iv_vs_atm` ("IV minus the IV of the
 * strike nearest spot on the same expiry"). Per expiry: the strike nearest spot among the contracts with an IV
 * (ties: the lower strike); its IV is the mean of the call's and the put's where both have one, else the one
 * there is. Averaging the pair cancels most of the put–call IV gap that a wrong r, q or an American early-exercise
 * premium opens at the money. docs/methodology-chain.md ("ATM IV").
 */
import type { IsoDate } from '../units.ts';
import type { AnalyzedContract } from './strike-exposures.ts';

/** ATM IV (annualised fraction) per expiry that has any contract with an IV; empty without a spot. */
export function atmIvByExpiry(analysed: readonly AnalyzedContract[], spot: number | null): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  if (spot === null) return out;
  const nearest = new Map<IsoDate, number>();
  for (let i = 0; i < analysed.length; i++) {
    const a = analysed[i] as AnalyzedContract;
    if (a.greeks === null) continue;
    const k = a.contract.strike;
    const prev = nearest.get(a.contract.expiry);
    const d = Math.abs(k - spot);
    if (prev === undefined || d < Math.abs(prev - spot) || (d === Math.abs(prev - spot) && k < prev)) nearest.set(a.contract.expiry, k);
  }
  const sum = new Map<IsoDate, number>();
  const count = new Map<IsoDate, number>();
  for (let i = 0; i < analysed.length; i++) {
    const a = analysed[i] as AnalyzedContract;
    if (a.greeks === null || nearest.get(a.contract.expiry) !== a.contract.strike) continue;
    sum.set(a.contract.expiry, (sum.get(a.contract.expiry) ?? 0) + a.greeks.iv);
    count.set(a.contract.expiry, (count.get(a.contract.expiry) ?? 0) + 1);
  }
  for (const [expiry, s] of sum) out.set(expiry, s / (count.get(expiry) as number));
  return out;
}
