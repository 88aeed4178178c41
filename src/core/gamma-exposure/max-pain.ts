/**
 * Max pain: the settlement price at which the open options would pay their holders the least, i.e. at which the
 * writers' total payout is smallest. Traders watch it as an expiry-week "pin" (the max-pain theory of option
 * pinning; see Ni, Pearson & Poteshman, "Stock price clustering on option expiration dates", J. Financial
 * Economics 78 (2005), for the evidence that optionable stocks cluster at strikes at expiry).
 * For each candidate settlement price s (every strike of the chain analysed), in $ at expiry:
 *   call_pain(s) = Σ_calls OI·max(0, s − K)·100,   put_pain(s) = Σ_puts OI·max(0, K − s)·100,
 *   total_pain(s) = call_pain(s) + put_pain(s);    max pain = argmin total_pain (ties: the lowest strike).
 * Needs only OI: works without a spot. docs/methodology-chain.md ("Max pain").
 */
import { CONTRACT_MULTIPLIER } from '../units.ts';
import type { Right } from '../options-flow/option-trade.ts';

/** What max pain reads of a contract. */
export interface OpenInterestAtStrike {
  readonly strike: number;
  readonly right: Right;
  readonly openInterest: number;
}

export interface PainPoint {
  readonly strike: number;
  /** $ paid to call holders if the underlying settles at `strike`. */
  readonly callPain: number;
  /** $ paid to put holders. */
  readonly putPain: number;
  readonly totalPain: number;
}

export interface MaxPain {
  /** null when the chain is empty. */
  readonly strike: number | null;
  /** One point per distinct strike, ascending. */
  readonly curve: PainPoint[];
}

/**
 * The pain curve and max pain strike (formula above), in O(n log n): strikes sorted, then running sums
 * call_pain(s_j) = 100·(s_j·ΣOI_c − ΣOI_c·K) over strikes below s_j, and the mirror for puts from above.
 */
export function maxPain(contracts: readonly OpenInterestAtStrike[]): MaxPain {
  const callOi = new Map<number, number>();
  const putOi = new Map<number, number>();
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i] as OpenInterestAtStrike;
    const into = c.right === 'C' ? callOi : putOi;
    into.set(c.strike, (into.get(c.strike) ?? 0) + c.openInterest);
    const other = c.right === 'C' ? putOi : callOi;
    if (!other.has(c.strike)) other.set(c.strike, 0);
  }
  const strikes = Float64Array.from(callOi.keys()).sort();
  const n = strikes.length;
  const callPain = new Float64Array(n);
  const putPain = new Float64Array(n);
  let oiBelow = 0, oiStrikeBelow = 0;
  for (let j = 0; j < n; j++) {
    const s = strikes[j] as number;
    callPain[j] = CONTRACT_MULTIPLIER * (s * oiBelow - oiStrikeBelow);
    const oi = callOi.get(s) as number;
    oiBelow += oi;
    oiStrikeBelow += oi * s;
  }
  let oiAbove = 0, oiStrikeAbove = 0;
  for (let j = n - 1; j >= 0; j--) {
    const s = strikes[j] as number;
    putPain[j] = CONTRACT_MULTIPLIER * (oiStrikeAbove - s * oiAbove);
    const oi = putOi.get(s) as number;
    oiAbove += oi;
    oiStrikeAbove += oi * s;
  }
  const curve: PainPoint[] = new Array(n);
  let best: number | null = null;
  let bestPain = Infinity;
  for (let j = 0; j < n; j++) {
    const total = (callPain[j] as number) + (putPain[j] as number);
    curve[j] = { strike: strikes[j] as number, callPain: callPain[j] as number, putPain: putPain[j] as number, totalPain: total };
    if (total < bestPain) {
      bestPain = total;
      best = strikes[j] as number;
    }
  }
  return { strike: best, curve };
}
