/**
 * The strike levels traders cross-reference from a chain (docs/methodology-chain.md, "Levels"):
 * - call wall: the strike with the largest call gamma exposure |Σ Γ·OI·100·S²·0.01| of calls, where dealers' call
 *   hedging is heaviest (resistance); put wall: the same for puts (support). Without a spot (no greeks), by
 *   open interest instead, and `wallBasis` says so.
 * - max positive / max negative gamma: the strikes with the largest and the most negative net GEX.
 * - highest OI strike: the largest call + put open interest.
 * - 0DTE magnet: among contracts expiring on the analysis date, the strike with the largest unsigned dollar gamma
 *   Σ Γ·OI·100·S²·0.01 (calls and puts): where same-day hedging flows concentrate and price tends to pin.
 * Ties go to the lowest strike.
 */
import { newYorkDate } from '../calendar/new-york-date.ts';
import type { EpochMs } from '../units.ts';
import { CONTRACT_MULTIPLIER } from '../units.ts';
import type { AnalyzedContract, StrikeExposure } from './strike-exposures.ts';

export type WallBasis = 'gex' | 'open_interest';

/** Why there is no 0DTE magnet. */
export type ZeroDteMagnetReason = 'no_spot' | 'no_0dte_expiry' | 'no_0dte_greeks';

export interface ChainLevels {
  readonly callWall: number | null;
  readonly putWall: number | null;
  readonly wallBasis: WallBasis;
  readonly maxPositiveGamma: number | null;
  readonly maxNegativeGamma: number | null;
  readonly highestOiStrike: number | null;
  readonly zeroDteMagnet: number | null;
  readonly zeroDteMagnetReason: ZeroDteMagnetReason | null;
}

/** Levels from the per-strike exposures (`hasGreeks`: a spot existed, so GEX is meaningful) and the contracts. */
export function chainLevels(
  strikes: readonly StrikeExposure[], analysed: readonly AnalyzedContract[], spot: number | null, asOf: EpochMs,
): ChainLevels {
  const hasGex = spot !== null && analysed.some(hasGreeks);
  let callWall: number | null = null, putWall: number | null = null;
  let callBest = 0, putBest = 0;
  let maxPositiveGamma: number | null = null, maxNegativeGamma: number | null = null;
  let positiveBest = 0, negativeBest = 0;
  let highestOiStrike: number | null = null, oiBest = 0;
  for (let i = 0; i < strikes.length; i++) {
    const s = strikes[i] as StrikeExposure;
    const callWeight = hasGex ? Math.abs(s.callGex) : s.callOi;
    const putWeight = hasGex ? Math.abs(s.putGex) : s.putOi;
    if (callWeight > callBest) { callBest = callWeight; callWall = s.strike; }
    if (putWeight > putBest) { putBest = putWeight; putWall = s.strike; }
    const net = s.callGex + s.putGex;
    if (hasGex && net > positiveBest) { positiveBest = net; maxPositiveGamma = s.strike; }
    if (hasGex && net < negativeBest) { negativeBest = net; maxNegativeGamma = s.strike; }
    const oi = s.callOi + s.putOi;
    if (oi > oiBest) { oiBest = oi; highestOiStrike = s.strike; }
  }
  const magnet = zeroDteMagnet(analysed, spot, asOf);
  return {
    callWall, putWall, wallBasis: hasGex ? 'gex' : 'open_interest', maxPositiveGamma, maxNegativeGamma, highestOiStrike,
    zeroDteMagnet: magnet.strike, zeroDteMagnetReason: magnet.reason,
  };
}

function hasGreeks(a: AnalyzedContract): boolean {
  return a.greeks !== null;
}

/** The 0DTE magnet (definition above): strike, or null with the reason. */
export function zeroDteMagnet(
  analysed: readonly AnalyzedContract[], spot: number | null, asOf: EpochMs,
): { strike: number | null; reason: ZeroDteMagnetReason | null } {
  const today = newYorkDate(asOf);
  const byStrike = new Map<number, number>();
  let sameDay = 0;
  for (let i = 0; i < analysed.length; i++) {
    const a = analysed[i] as AnalyzedContract;
    if (a.contract.expiry !== today) continue;
    sameDay++;
    if (a.greeks === null || spot === null) continue;
    const dollars = a.greeks.gamma * a.contract.openInterest * CONTRACT_MULTIPLIER * spot * spot * 0.01;
    byStrike.set(a.contract.strike, (byStrike.get(a.contract.strike) ?? 0) + dollars);
  }
  if (sameDay === 0) return { strike: null, reason: 'no_0dte_expiry' };
  if (spot === null) return { strike: null, reason: 'no_spot' };
  let strike: number | null = null, best = 0;
  for (const [k, v] of byStrike) {
    if (v > best) { best = v; strike = k; } // insertion order is ascending strike: ties keep the lowest
  }
  return strike === null ? { strike: null, reason: 'no_0dte_greeks' } : { strike, reason: null };
}
